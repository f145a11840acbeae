package org.odabuild.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chart versions as Helm (Masterminds semver's NewVersion) reads them. */
class ChartVersionTest {

    @ParameterizedTest
    @CsvSource({"1.2.3, 1.2.3", "v1.2.3, 1.2.3", "v1.2, 1.2.0", "1, 1.0.0", "01.2.3, 1.2.3", "1.2.3-rc.1, 1.2.3-rc.1",
            "1.2.6-LT4, 1.2.6-LT4", "1.2.3+build.5, 1.2.3", "' 1.2.3 ', 1.2.3"})
    void readsWhatHelmReads(String text, String read) {
        assertThat(ChartVersion.read(text)).get().hasToString(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "1.2.x", "1.0.0-", "1.2.3.4", "V1.2.3", "1.2.3-01", "1..2",
            "99999999999999999999.0.0", "~1.2.3", ">=1.0.0"})
    void refusesWhatHelmRefuses(String text) {
        assertThat(ChartVersion.read(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1.0.1", "v1.2.3, 1.2.4", "1.2.3-rc.1, 1.2.3", "1.2.10, 1.2.11"})
    void ordersAsHelmOrdersPackages(String lower, String higher) {
        assertThat(ChartVersion.read(lower).orElseThrow()).isLessThan(ChartVersion.read(higher).orElseThrow());
    }

    /** Java's regex recursed once per identifier: a long chart version overflowed the stack instead of being read. */
    @Test
    void aChartVersionOfThousandsOfIdentifiersIsReadNotAStackOverflow() {
        assertThat(ChartVersion.read("1.0.0-" + "a.".repeat(50_000) + "a")).get()
                .extracting(v -> v.prerelease().size()).isEqualTo(50_001);
    }
}
