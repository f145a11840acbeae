package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileText;

/** The stages the last one does not need, left out as BuildKit leaves them out, every other byte kept. */
class UnneededStagesTest {

    private static Optional<UnneededStages> of(String dockerfile) {
        return UnneededStages.of(dockerfile.getBytes(StandardCharsets.UTF_8), Map.of("STAGE", "build"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "FROM a AS build\\nRUN make\\nFROM a AS test\\nRUN false\\nFROM scratch\\n"
            + "COPY --from=build /x /x                                                  | test (line 3)",
        "FROM a AS base\\nFROM base AS build\\nFROM a AS lint\\nFROM build                         | lint (line 3)",
        "FROM a\\nRUN make\\nFROM b\\nRUN test\\nFROM scratch\\nCOPY --from=0 /x /x                   | #1 (line 3)",
        "FROM a AS dev\\nFROM b AS Build\\nFROM scratch\\nCOPY --from=BUILD /x /x                    | dev (line 1)",
        "FROM a AS one\\nFROM a AS two\\nFROM scratch\\nCOPY x /x                | one (line 1),two (line 2)",
        "FROM a AS build\\nFROM a AS test\\nCOPY --from=build /x /x\\nFROM build                   | test (line 2)",
        "ARG STAGE\\nFROM a AS build\\nFROM b AS other\\nFROM ${STAGE}                              | other (line 3)"})
    void leftOut(String dockerfile, String stages) {
        assertThat(of(dockerfile.strip().replace("\\n", "\n"))).get().extracting(UnneededStages::stages)
                .isEqualTo(java.util.List.of(stages.strip().split(",")));
    }

    /** Every stage is needed (or there is one): the Dockerfile goes as it is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "FROM scratch\\nCOPY x /x",
        "FROM a AS build\\nFROM scratch\\nCOPY --from=build /x /x",
        "FROM a AS build\\nFROM a AS test\\nCOPY --from=build /x /x\\nFROM scratch\\nCOPY --from=1 /x /x",
        "ARG STAGE\\nFROM a AS build\\nFROM ${STAGE}",
        "FROM a AS build\\nFROM scratch\\nCOPY \\\\n  --from=build /x /x"})
    void allNeeded(String dockerfile) {
        assertThat(of(dockerfile.strip().replace("\\n", "\n"))).isEmpty();
    }

    /**
     * A left-out stage keeps its line count and number, as an empty stage with its name; the lines kept are the same
     * bytes (a Latin-1 comment, CRLF ends, a byte order mark).
     */
    @Test
    void everyLineAndStageNumberIsKept() {
        byte[] latin1 = ("\uFEFFFROM a AS build\r\n# caf\u00e9\r\nRUN make\r\nFROM \\\r\n  b AS test\r\nRUN <<EOF\r\n"
                + "FROM inside-a-heredoc\r\nEOF\r\n\r\nFROM scratch\r\nCOPY --from=0 /x /x\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] dockerfile = new byte[bom.length + latin1.length - 1];
        System.arraycopy(bom, 0, dockerfile, 0, bom.length);
        System.arraycopy(latin1, 1, dockerfile, bom.length, latin1.length - 1);

        UnneededStages unneeded = UnneededStages.of(dockerfile, Map.of()).orElseThrow();
        assertThat(unneeded.stages()).containsExactly("test (line 4)");
        String sent = new String(unneeded.dockerfile(), StandardCharsets.ISO_8859_1);
        assertThat(sent).isEqualTo("\u00EF\u00BB\u00BFFROM a AS build\r\n# caf\u00e9\r\nRUN make\r\n"
                + "FROM scratch AS test\n\n\n\n\n\nFROM scratch\r\nCOPY --from=0 /x /x\r\n");
        assertThat(DockerfileInstructions.of(DockerfileText.of(unneeded.dockerfile())))
                .extracting(DockerfileInstructions.Instruction::line)
                .containsExactly(1, 3, 4, 10, 11);
    }
}
