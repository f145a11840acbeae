package org.odabuild.core.docker;

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
        "FROM scratch\\nCOPY x /x\\nFROM scratch\\nCOPY --from=0 /x /y  | true  | false"})
    void whatRunsAndWhatDependsOnThePlatform(String dockerfile, boolean runsNothing, boolean namesPlatformArgs) {
        String text = dockerfile.replace("\\n", "\n");
        assertThat(BaseImages.runsNothing(text)).isEqualTo(runsNothing);
        assertThat(BaseImages.namesPlatformArgs(text)).isEqualTo(namesPlatformArgs);
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
