package org.odabuild.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseImagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FROM scratch\\nCOPY app /app                                    | true  | false",
        "FROM scratch\\nARG TARGETARCH\\nCOPY app-${TARGETARCH} /app       | true  | true",
        "FROM scratch\\nCOPY app-$TARGETOS /app                          | true  | true",
        "FROM scratch AS a\\nCOPY x /x\\nFROM a\\nLABEL b=$BUILDPLATFORM    | true  | true",
        "FROM alpine\\nARG TARGETPLATFORM=linux/amd64\\nCOPY x /x           | false | true",
        "FROM scratch\\nRUN [\"/x\"]                                       | false | false",
        "FROM scratch\\nARG MYTARGETARCH\\nCOPY app-${MYTARGETARCH} /app   | true  | false",
        "FROM scratch\\nCOPY --from=busybox:musl /bin/busybox /busybox  | false | false",
        "FROM scratch\\nCOPY --chown=1:1 --from=alpine /etc/x /x         | false | false",
        "FROM scratch AS a\\nCOPY x /x\\nFROM scratch\\nCOPY --from=a /x /y | true  | false",
        "FROM scratch\\nCOPY x /x\\nFROM scratch\\nCOPY --from=0 /x /y  | true  | false",
        "FROM scratch\\nCOPY a \\\\n  run.sh /                         | true  | false",
        "FROM scratch\\n# RUN nothing, on TARGETARCH\\nCOPY x /x         | true  | false",
        "FROM \\\\n  scratch\\nCOPY x /x                        | true  | false",
        "FROM scratch\\nCOPY \\\\n  --from=busybox /bin/busybox /   | false | false",
        "ARG BASE=scratch\\nFROM ${BASE}\\nCOPY x /x                 | true  | false",
        "ARG BASE\\nFROM ${BASE:-alpine}\\nCOPY x /x                 | false | false"})
    void whatRunsAndWhatDependsOnThePlatform(String dockerfile, boolean runsNothing, boolean namesPlatformArgs) {
        String text = dockerfile.replace("\\n", "\n");
        assertThat(BaseImages.runsNothing(text)).isEqualTo(runsNothing);
        assertThat(BaseImages.namesPlatformArgs(text)).isEqualTo(namesPlatformArgs);
    }

    /** A FROM as the builders read it: continued lines, comments, stages, args put in from the build args. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "FROM alpine:3.20                                                       | alpine:3.20@1",
        "from --platform=linux/arm64 alpine AS build\\nFROM build                 | alpine@1",
        "FROM maven:3 AS Build\\nFROM build\\nCOPY --from=Build /a /a           | maven:3@1",
        "# FROM commented:1\\nFROM \\\\n  node:20 \\\\n  AS build\\nFROM build  | node:20@2",
        "ARG REG=r.io\\nARG TAG=1\\nFROM ${REG}/base:$TAG                     | r.io/base:1@3",
        "ARG REG=r.io\\nFROM ${REG}/base\\nARG REG=x.io\\nFROM ${REG}/two       | r.io/base@2,r.io/two@4",
        "ARG GIVEN=default.io\\nFROM $GIVEN/base                               | given.io/base@2",
        "ARG DECLARED=x.io\\nFROM $UNSET/base:${DECLARED}                       | /base:x.io@2",
        "FROM $GIVEN/base                                                       | /base@1",
        "ARG A=a.io B=${A}\\nFROM $B/base                                      | /base@2",
        "ARG A=a.io\\nARG B=${A}\\nFROM $B/base                               | a.io/base@3",
        "ARG R=r.io\\nARG R\\nFROM ${R}/base                                 | /base@3",
        "ARG BASE\\nFROM ${BASE}                                               | ${BASE}@2",
        "ARG BASE=alpine\\nFROM ${BASE#al}                                     | ${BASE#al}@2",
        "FROM scratch\\nRUN <<EOF\\nFROM not-an-instruction\\nEOF\\nFROM busybox  | busybox@5"})
    void theBaseImages(String dockerfile, String expected) {
        String text = dockerfile.strip().replace("\\n", "\n");
        assertThat(BaseImages.of(text, java.util.Map.of("GIVEN", "given.io")))
                .extracting(from -> from.image() + "@" + from.line())
                .containsExactly(expected.strip().split(","));
    }

    /**
     * {@code COPY --from} as the classic builder reads it: quotes removed, args not put in (Docker 20.10 and 26 both
     * refuse {@code --from=${X}} as a reference), stages by name or number.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "FROM scratch\\nCOPY --from=\"busybox:1\" /bin/busybox /b               | busybox:1",
        "ARG X=busybox\\nFROM scratch\\nCOPY --from=${X} /bin/busybox /b       | ${X}",
        "FROM scratch AS a\\nFROM scratch\\nCOPY --chown=1 --from=A /x /x\\nCOPY --from=1 /x /y\\n"
            + "COPY --from=r.io/a /a /a                                             | r.io/a"})
    void theImagesCopiedFrom(String dockerfile, String expected) {
        assertThat(BaseImages.imagesCopiedFrom(dockerfile.strip().replace("\\n", "\n")))
                .containsExactly(expected.strip());
    }

    /**
     * A Dockerfile saved as "UTF-8 with BOM" is read as Docker's parser reads it: the BOM does not hide its FROM, so
     * it is not taken for one that runs nothing on no base image (which would be built once and published for every
     * platform), and a Latin-1 comment does not stop the reading.
     */
    @org.junit.jupiter.api.Test
    void aByteOrderMarkOrALatin1CommentDoesNotHideTheFrom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = "FROM python:3.12-alpine\nCOPY . /app/\nCMD [\"python\", \"/app/op.py\"]\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] withBom = new byte[bom.length + rest.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(rest, 0, withBom, bom.length, rest.length);

        String text = DockerfileText.of(withBom);
        assertThat(BaseImages.of(text)).containsExactly(new BaseImages.From("python:3.12-alpine", 1));
        assertThat(BaseImages.runsNothing(text)).isFalse();

        byte[] latin1 = "# caf\u00e9\nFROM python:3.12-alpine\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(BaseImages.of(DockerfileText.of(latin1))).containsExactly(
                new BaseImages.From("python:3.12-alpine", 2));
    }
}
