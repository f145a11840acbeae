package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the classic builder's failed step is in the Dockerfile: it numbers every instruction, meta args too. */
class FailedStepTest {

    private static final String DOCKERFILE = """
            # syntax=docker/dockerfile:1
            ARG BASE=scratch
            FROM ${BASE} AS build

            # the tests
            COPY . /src
            RUN make \\
              test
            FROM scratch
            COPY --from=build /src/app /app
            """;

    static FailedStep step(String line) {
        return new FailedStep("op:1 for linux/amd64", line, List.of());
    }

    @Test
    void aStepIsPlacedAtTheLineItsInstructionStartsOn() {
        assertThat(step("Step 4/6 : RUN make   test").line(DOCKERFILE)).contains(7);
        assertThat(step("Step 1/6 : ARG BASE=scratch").line(DOCKERFILE)).contains(2);
        assertThat(step("Step 6/6 : COPY --from=build /src/app /app").line(DOCKERFILE)).contains(10);
    }

    /** A Dockerfile the daemon counted otherwise (another file, a rewrite that added a line) places nothing. */
    @Test
    void aStepIsNotPlacedWhereTheCountOrTheKeywordDisagrees() {
        assertThat(step("Step 4/7 : RUN make   test").line(DOCKERFILE)).isEmpty();
        assertThat(step("Step 3/6 : RUN make   test").line(DOCKERFILE)).isEmpty();
        assertThat(step("Step 9/6 : RUN make").line(DOCKERFILE)).isEmpty();
        assertThat(step("Step 0/6 : RUN make").line(DOCKERFILE)).isEmpty();
        assertThat(step("Sending build context").line(DOCKERFILE)).isEmpty();
    }

    @Test
    void theInstructionIsTheStepsTextCutToEightyCharacters() {
        assertThat(step("Step 4/6 : RUN make   test").instruction()).isEqualTo("RUN make   test");
        assertThat(step("Step 4/6 : RUN " + "x".repeat(100)).instruction()).startsWith("RUN xxx")
                .endsWith("... (104 characters)");
    }
}
