package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.odabuild.core.docker.DockerException;

/** The daemon's answers to a Dockerfile without a build stage name neither the file nor the line: these do. */
class DockerfileWithoutStageTest {

    static Optional<String> refusal(String dockerfile) {
        return DockerfileWithoutStage.find(BuildkitOnlySyntaxTest.IMAGE, "src/Dockerfile", dockerfile)
                .map(DockerException::getMessage);
    }

    @Test
    void aDockerfileWithoutInstructionsIsSaidWithItsPath() {
        for (String empty : new String[] {"", "\n\n", "# syntax=docker/dockerfile:1\n# only a comment\n", "  \r\n"}) {
            assertThat(refusal(empty)).as(empty).contains("image op: src/Dockerfile has no instruction: start it with"
                    + " FROM <base image> (FROM scratch for none)");
        }
    }

    @Test
    void anInstructionBeforeTheFirstFromIsSaidWithItsLine() {
        assertThat(refusal("# a comment\nARG BASE=scratch\n\ncopy . /x\nFROM ${BASE}\n")).contains("image op:"
                + " src/Dockerfile:4: COPY comes before any FROM: start the build stage with FROM <base image> (FROM"
                + " scratch for none) above it; only ARG may stand before the first FROM");
        assertThat(refusal("LABEL a=b\n")).get().asString().startsWith("image op: src/Dockerfile:1: LABEL comes");
    }

    @Test
    void argsBeforeFromAndALowerCaseFromAreAStage() {
        assertThat(refusal("ARG BASE=scratch\nARG X\nfrom ${BASE}\nCOPY . /x\n")).isEmpty();
        assertThat(refusal("FROM scratch\n")).isEmpty();
        assertThat(refusal("ARG ONLY=1\n")).as("args alone start no stage either").contains("image op: src/Dockerfile"
                + " has only ARG instructions and no FROM: add FROM <base image> (FROM scratch for none) after them");
    }
}
