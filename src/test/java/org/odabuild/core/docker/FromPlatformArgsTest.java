package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FROM --platform=$BUILDPLATFORM as BuildKit reads it, on the same line, every other byte kept. */
class FromPlatformArgsTest {

    private static final Map<String, String> ARGS = Map.of("BUILDPLATFORM", "linux/amd64", "BUILDOS", "linux",
            "BUILDARCH", "amd64", "TARGETPLATFORM", "linux/arm64", "GIT_COMMIT_SHA", "abcdef0");

    private static String sent(String dockerfile) {
        return FromPlatformArgs.of(dockerfile.getBytes(StandardCharsets.UTF_8), ARGS)
                .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("(as it is)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "FROM --platform=$BUILDPLATFORM golang AS build\\nFROM scratch"
            + "                   | FROM --platform=linux/amd64 golang AS build\\nFROM scratch",
        "FROM --platform=${BUILDOS}/${BUILDARCH} golang                | FROM --platform=linux/amd64 golang",
        "FROM \\\\n  --platform=$TARGETPLATFORM \\\\n  golang        | FROM \\\\n  --platform=linux/arm64 \\\\n  golang",
        "ARG BUILDPLATFORM\\nFROM --platform=$BUILDPLATFORM golang      | ARG BUILDPLATFORM\\nFROM --platform=linux/amd64 golang",
        "ARG P=linux/s390x\\nFROM --platform=$P golang                  | ARG P=linux/s390x\\nFROM --platform=linux/s390x golang",
        "FROM --platform=linux/arm64 golang                            | (as it is)",
        "FROM golang\\nRUN echo --platform=$BUILDPLATFORM              | (as it is)",
        "FROM --platform=${BUILDPLATFORM%/*} golang                    | (as it is)",
        "FROM --platform=$UNDECLARED golang                            | (as it is)"})
    void thePlatformIsPutIn(String dockerfile, String expected) {
        assertThat(sent(dockerfile.strip().replace("\\n", "\n")))
                .isEqualTo(expected.strip().replace("\\n", "\n"));
    }

    @Test
    void otherLinesGoOutByteForByte() {
        byte[] latin1 = "# caf\u00e9\r\nFROM --platform=$BUILDPLATFORM golang AS build\r\nRUN make\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FromPlatformArgs.of(latin1, ARGS)).get().isEqualTo(
                "# caf\u00e9\r\nFROM --platform=linux/amd64 golang AS build\r\nRUN make\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
    }
}
