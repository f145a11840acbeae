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

    /** The other names containerd's platforms.Parse (and so buildx) takes are read as the OCI names. */
    @ParameterizedTest
    @CsvSource({
        "linux/x86_64,  linux/amd64",
        "linux/x86-64,  linux/amd64",
        "Linux/AMD64,   linux/amd64",
        "linux/aarch64, linux/arm64",
        "linux/armhf,   linux/arm/v7",
        "linux/armel,   linux/arm/v6",
        "linux/i386,    linux/386",
        "macos/arm64,   darwin/arm64"})
    void otherNamesOfAnArchitectureAreReadAsTheOciName(String written, String oci) {
        assertThat(Platform.parse(written)).hasToString(oci);
    }
}
