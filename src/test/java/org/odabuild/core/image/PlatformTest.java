package org.odabuild.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest
    @CsvSource({
        "linux/arm64/v8, linux/arm64",
        "linux/arm64,    linux/arm64",
        "linux/arm,      linux/arm/v7",
        "linux/arm/v6,   linux/arm/v6",
        "linux/amd64/v1, linux/amd64",
        "linux/amd64/v3, linux/amd64/v3",
        "linux/s390x,    linux/s390x"})
    void twoSpellingsOfOnePlatformNormalizeAlike(String written, String normalized) {
        assertThat(Platform.parse(written).normalized()).hasToString(normalized);
    }
}
