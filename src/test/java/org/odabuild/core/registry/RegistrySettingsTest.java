package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;

class RegistrySettingsTest {

    @Test
    void aTimeoutOfNothingIsAClearErrorNotAnInvalidDuration() {
        for (long seconds : new long[] {0, -1}) {
            assertThatThrownBy(() -> RegistrySettings.of(Set.of(), Duration.ofSeconds(seconds), Optional.empty()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(Setting.REGISTRY_TIMEOUT + " " + seconds + " is not a time to wait");
        }
        assertThat(RegistrySettings.of(Set.of("h:1"), Duration.ofSeconds(1), Optional.empty()).attempts())
                .isEqualTo(RegistrySettings.ATTEMPTS);
    }

    /** Docker's own insecure-registries refuses a scheme too; here a URL would never match and HTTPS be tried. */
    @Test
    void anInsecureRegistryIsAHostAndPortNotAUrl() {
        for (String bad : new String[] {"http://localhost:5000", "localhost:5000/", "localhost:5000/v2", "host:port",
            "local host"}) {
            assertThatThrownBy(() -> RegistrySettings.of(Set.of(bad), Duration.ofSeconds(1), Optional.empty()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(Setting.INSECURE_REGISTRIES + " '" + bad + "' is not a registry host: write host[:port]"
                            + " as in an image name, without a scheme or path (e.g. "
                            + Setting.INSECURE_REGISTRIES.set("localhost:5000") + ")");
        }
        assertThatThrownBy(() -> RegistrySettings.of(Set.of("http://ci:s3cret@localhost:5000"), Duration.ofSeconds(1),
                Optional.empty())).hasMessageStartingWith(Setting.INSECURE_REGISTRIES + " 'http://***@localhost:5000'")
                .hasMessageNotContaining("s3cret");
        assertThat(RegistrySettings.of(Set.of("localhost:5000", "registry.example.com", "[::1]:5000", "10.0.0.2:443"),
                Duration.ofSeconds(1), Optional.empty()).insecureRegistries()).hasSize(4);
    }
}
