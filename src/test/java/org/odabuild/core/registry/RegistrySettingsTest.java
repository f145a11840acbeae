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
}
