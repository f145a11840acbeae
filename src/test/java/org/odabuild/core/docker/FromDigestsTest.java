package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odabuild.core.dockerfile.ImageReference;

/** The images FROM lines pull, and the same Dockerfile with them named by digest, every other byte kept. */
class FromDigestsTest {

    private static final Map<String, String> ARGS = Map.of("BUILDPLATFORM", "linux/amd64", "TARGETPLATFORM",
            "linux/arm64", "REGISTRY", "ghcr.io/acme");
    private static final String PINNED = "python@sha256:" + "a".repeat(64);

    @Test
    void thePullsAreTheFromsOfImagesWithArgsPutIn() {
        String dockerfile = """
                ARG REGISTRY=docker.io
                ARG BASE=python:3.12
                FROM --platform=$BUILDPLATFORM golang:1.22 AS build
                FROM ${REGISTRY}/tools:1 AS tools
                FROM build AS again
                FROM scratch AS files
                FROM $BASE
                COPY --from=build /app /app
                """;
        assertThat(FromDigests.pulls(dockerfile, ARGS)).containsExactly(
                new FromDigests.Pull(3, "golang:1.22", "golang:1.22", Optional.of("linux/amd64")),
                new FromDigests.Pull(4, "${REGISTRY}/tools:1", "ghcr.io/acme/tools:1", Optional.empty()),
                new FromDigests.Pull(7, "$BASE", "python:3.12", Optional.empty()));
    }

    private static String pinned(String dockerfile) {
        byte[] bytes = dockerfile.getBytes(StandardCharsets.UTF_8);
        List<FromDigests.Pull> pulls = FromDigests.pulls(dockerfile, ARGS);
        FromDigests.Pull last = pulls.get(pulls.size() - 1);
        return FromDigests.pin(bytes, Map.of(last, PINNED)).map(b -> new String(b, StandardCharsets.UTF_8))
                .orElse("(as it is)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "FROM python:3.12                              | FROM @@",
        "from python:3.12 AS app                       | from @@ AS app",
        "FROM --platform=$TARGETPLATFORM python:3.12   | FROM --platform=$TARGETPLATFORM @@",
        "FROM \\\\n  python:3.12 \\\\n  AS app          | FROM \\\\n  @@ \\\\n  AS app",
        "FROM python:3.12\\\\n AS app                   | FROM @@\\\\n AS app",
        "ARG V=3.12\\nFROM python:${V}                 | ARG V=3.12\\nFROM @@",
        "FROM python:3.12 AS python:3.12               | FROM @@ AS python:3.12",
        "FROM python AS b\\nFROM python AS c           | FROM python AS b\\nFROM @@ AS c",
        "ARG D\\nFROM ${D:+d\u00e9bogage-}python        | ARG D\\nFROM @@"})
    void theImageOfTheFromIsReplacedOnItsLine(String dockerfile, String expected) {
        assertThat(pinned(dockerfile.strip().replace("\\n", "\n")))
                .isEqualTo(expected.strip().replace("\\n", "\n").replace("@@", PINNED));
    }

    @Test
    void nothingToPinSendsTheFileAsItIs() {
        assertThat(FromDigests.pin("FROM python\n".getBytes(StandardCharsets.UTF_8), Map.of())).isEmpty();
    }

    @Test
    void otherLinesGoOutByteForByte() {
        String text = "# caf\u00e9\r\nFROM python:3.12 AS app\r\nRUN make\r\n";
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        FromDigests.Pull pull = FromDigests.pulls(text, Map.of()).get(0);
        assertThat(FromDigests.pin(latin1, Map.of(pull, PINNED))).get().isEqualTo(
                ("# caf\u00e9\r\nFROM " + PINNED + " AS app\r\nRUN make\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "python                                  | python                   | latest",
        "python:3.12-slim                        | python                   | 3.12-slim",
        "127.0.0.1:5000/oda/op:1.0.1             | 127.0.0.1:5000/oda/op    | 1.0.1",
        "127.0.0.1:5000/oda/op                   | 127.0.0.1:5000/oda/op    | latest",
        "python:3.12@sha256:abc                  | python                   | sha256:abc",
        "localhost:5000/python@sha256:abc        | localhost:5000/python    | sha256:abc"})
    void aReferenceIsSplitAsDockerSplitsIt(String text, String name, String reference) {
        assertThat(ImageReference.parse(text)).isEqualTo(new ImageReference(name, reference));
    }
}
