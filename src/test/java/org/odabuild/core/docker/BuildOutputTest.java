package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.odabuild.testing.RecordingLog;

/** The streamed answer of {@code POST /build} as Docker 20 writes it. */
class BuildOutputTest {

    static ByteArrayInputStream answer(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theImageIdComesFromTheAuxMessageAndOutputGoesToTheDebugLog() throws IOException {
        RecordingLog log = new RecordingLog();
        // messages as they come, one per line or run together within one chunk
        String id = BuildOutput.read(answer("{\"stream\":\"Step 1/2 : FROM scratch\"}\r\n{\"stream\":\"\\n\"}"
                + "{\"stream\":\" ---> Running in 1\\n\"}\r\n{\"aux\":{\"ID\":\"sha256:abc\"}}\r\n"
                + "{\"stream\":\"Successfully built abc\\n\"}\r\n"), log, "op:1").orElseThrow();
        assertThat(id).isEqualTo("sha256:abc");
        assertThat(log.debugs).contains("Step 1/2 : FROM scratch", "---> Running in 1");
    }

    @Test
    void anErrorFailsWithTheOutputLinesThatMentionOne() {
        String text = "{\"stream\":\"Step 2/2 : RUN /tool\"}\n{\"stream\":\"\\n\"}\n"
                + "{\"stream\":\"standard_init_linux.go:228: exec user process caused: exec format error\\n\"}\n"
                + "{\"errorDetail\":{\"code\":1,\"message\":\"The command '/bin/sh -c /tool' returned a non-zero code:"
                + " 1\"},\"error\":\"The command '/bin/sh -c /tool' returned a non-zero code: 1\"}\n";
        assertThatThrownBy(() -> BuildOutput.read(answer(text), new RecordingLog(), "op:1 for linux/amd64"))
                .isInstanceOf(IOException.class)
                .hasMessage("The command '/bin/sh -c /tool' returned a non-zero code: 1 (build output: "
                        + "standard_init_linux.go:228: exec user process caused: exec format error)");
    }

    @Test
    void theFailedStepAndItsLastOutputLinesAreCarriedToWhoeverGivesUpOnTheBuild() {
        // oda-canvas' DockerfileTest runs pytest in a RUN step: which test failed is in the step's output
        StringBuilder text = new StringBuilder("{\"stream\":\"Step 1/2 : FROM base\"}\n{\"stream\":\"\\n\"}\n"
                + "{\"stream\":\"earlier step's line\\n\"}\n"
                + "{\"stream\":\"Step 2/2 : RUN pytest\"}\n{\"stream\":\"\\n\"}\n"
                + "{\"stream\":\" ---\\u003e Running in 1a2b\\n\"}\n");
        for (int i = 1; i <= 40; i++) {
            text.append("{\"stream\":\"line ").append(i).append("\\n\"}\n");
        }
        text.append("{\"stream\":\"FAILED tests/test_op.py::test_bump - assert 2 == 3\\n\"}\n")
                .append("{\"error\":\"The command '/bin/sh -c pytest' returned a non-zero code: 1\"}\n");
        RecordingLog log = new RecordingLog();
        Throwable thrown = catchThrowable(() -> BuildOutput.read(answer(text.toString()), log, "op:1 for linux/amd64"));
        assertThat(thrown).isInstanceOf(IOException.class)
                .hasMessage("The command '/bin/sh -c pytest' returned a non-zero code: 1");
        assertThat(log.errors).as("a build tried again shows nothing: the failure is shown where it is final")
                .isEmpty();

        FailedStep step = FailedStep.of(new DockerException("failed to build", thrown)).orElseThrow();
        step.showIn(log);
        assertThat(log.errors).first().isEqualTo("The build of op:1 for linux/amd64 failed at Step 2/2 : RUN pytest;"
                + " its last output lines:");
        assertThat(log.errors).hasSize(31).last().isEqualTo("  FAILED tests/test_op.py::test_bump - assert 2 == 3");
        assertThat(log.errors).doesNotContain("  earlier step's line", "  line 10")
                .noneMatch(l -> l.contains("Running in"));
    }

    /** The daemon sends a RUN step's output as it was written: many lines in one message, a line across two. */
    @Test
    void outputIsKeptByTheLinesTheProgramWrote() {
        String text = "{\"stream\":\"Step 2/2 : RUN pytest\"}\n{\"stream\":\"\\n\"}\n"
                + "{\"stream\":\"tests/test_op.py .F\\n    def test_bump():\\n>       assert 2 == 3\\n\\t\\n"
                + "FAILED tests/test_op.py::test_bump\"}\n"
                + "{\"stream\":\" - assert 2 == 3\\r\\n 10%\\r 50%\\r100%\\n1 failed\"}\n"
                + "{\"error\":\"The command '/bin/sh -c pytest' returned a non-zero code: 1\"}\n";
        RecordingLog log = new RecordingLog();
        Throwable thrown = catchThrowable(() -> BuildOutput.read(answer(text), log, "op:1"));
        // a traceback keeps its indentation; a line of blanks is no line
        assertThat(FailedStep.of(thrown).orElseThrow().lines()).containsExactly("tests/test_op.py .F",
                "    def test_bump():", ">       assert 2 == 3", "FAILED tests/test_op.py::test_bump - assert 2 == 3",
                "100%", "1 failed");
        assertThat(log.debugs).containsExactly("Step 2/2 : RUN pytest", "tests/test_op.py .F", "    def test_bump():",
                ">       assert 2 == 3", "FAILED tests/test_op.py::test_bump - assert 2 == 3", "100%", "1 failed");
    }

    /**
     * A program whose last line has no line end: the builder's next line is a line of its own. Docker 20.10 removes
     * the step's container right after its output, and after a failed step too, since the build asks
     * {@code forcerm} (read off the daemon with curl).
     */
    @Test
    void theBuildersOwnLinesStartALineAfterOutputWithoutALineEnd() throws IOException {
        RecordingLog log = new RecordingLog();
        BuildOutput.read(answer("{\"stream\":\"Step 2/3 : RUN printf done\"}\n{\"stream\":\"\\n\"}\n"
                + "{\"stream\":\" ---\\u003e Running in 1a2b3c4d5e6f\\n\"}\n{\"stream\":\"done\"}\n"
                + "{\"stream\":\"Removing intermediate container 1a2b3c4d5e6f\\n\"}\n"
                + "{\"stream\":\" ---\\u003e 3c4d\\n\"}\n{\"stream\":\"Step 3/3 : COPY a /\"}\n{\"stream\":\"\\n\"}\n"
                + "{\"stream\":\"last\"}\n{\"aux\":{\"ID\":\"sha256:feed\"}}\n"
                + "{\"stream\":\"Successfully built feed\\n\"}\n"), log, "op:1");
        assertThat(log.debugs).containsExactly("Step 2/3 : RUN printf done", "---> Running in 1a2b3c4d5e6f", "done",
                "Removing intermediate container 1a2b3c4d5e6f", "---> 3c4d", "Step 3/3 : COPY a /", "last",
                "Successfully built feed");

        Throwable thrown = catchThrowable(() -> BuildOutput.read(answer("{\"stream\":\"Step 5/5 : RUN [\\\"/cat\\\"]\"}\n"
                + "{\"stream\":\"\\n\"}\n{\"stream\":\" ---\\u003e Running in 423dad157dd8\\n\"}\n"
                + "{\"stream\":\"line one\\n  indented two\\nthree\"}\n"
                + "{\"stream\":\"Removing intermediate container 423dad157dd8\\n\"}\n"
                + "{\"errorDetail\":{\"code\":3,\"message\":\"The command '/cat' returned a non-zero code: 3\"},"
                + "\"error\":\"The command '/cat' returned a non-zero code: 3\"}\n"), new RecordingLog(), "op:1"));
        assertThat(FailedStep.of(thrown).orElseThrow().lines()).as("the container's removal is no output of the step")
                .containsExactly("line one", "  indented two", "three");
    }

    /** pip's "Successfully built wheel" is the program's output; the builder's names the image it built. */
    @Test
    void aProgramsLineThatLooksLikeTheBuildersStaysOutput() {
        Throwable thrown = catchThrowable(() -> BuildOutput.read(answer("{\"stream\":\"Step 3/3 : RUN pip install .\"}\n"
                + "{\"stream\":\"\\n\"}\n{\"stream\":\"Successfully built op\\nSuccessfully built abc def\\n"
                + "Removing intermediate container files\\n\"}\n"
                + "{\"error\":\"The command '/bin/sh -c pip install .' returned a non-zero code: 1\"}\n"),
                new RecordingLog(), "op:1"));
        assertThat(FailedStep.of(thrown).orElseThrow().lines()).containsExactly("Successfully built op",
                "Successfully built abc def", "Removing intermediate container files");
    }

    /** A program's own "Step ..." line is its output, not the builder's step. */
    @Test
    void aProgramsStepLineIsOutput() {
        Throwable thrown = catchThrowable(() -> BuildOutput.read(answer("{\"stream\":\"Step 3/3 : RUN ./migrate\"}\n"
                + "{\"stream\":\"\\n\"}\n{\"stream\":\"Step one: schema\\nStep 2 of 2 failed\\n\"}\n"
                + "{\"error\":\"The command '/bin/sh -c ./migrate' returned a non-zero code: 3\"}\n"),
                new RecordingLog(), "op:1"));
        FailedStep step = FailedStep.of(thrown).orElseThrow();
        assertThat(step.step()).isEqualTo("Step 3/3 : RUN ./migrate");
        assertThat(step.lines()).containsExactly("Step one: schema", "Step 2 of 2 failed");
    }

    @Test
    void aFailedStepIsNotShownTwiceWithDebugOutput() {
        RecordingLog log = new RecordingLog();
        log.debugEnabled = true;
        new FailedStep("op:1", "Step 2/2 : RUN pytest", java.util.List.of("FAILED")).showIn(log);
        assertThat(log.errors).isEmpty();
    }

    @Test
    void aFailureBeforeAnyStepCarriesNoStep() {
        Throwable thrown = catchThrowable(() -> BuildOutput.read(answer("{\"error\":\"Cannot locate specified"
                + " Dockerfile: Dockerfile\"}\n"), new RecordingLog(), "op:1"));
        assertThat(thrown).hasMessage("Cannot locate specified Dockerfile: Dockerfile");
        assertThat(FailedStep.of(thrown)).isEmpty();
    }

    @Test
    void aBrokenAnswerIsAnErrorNotASuccess() {
        assertThatThrownBy(() -> BuildOutput.read(answer("{\"stream\":\"Step 1/2\"}\n{\"aux\":"), new RecordingLog(),
                "op:1 for linux/amd64"))
                .isInstanceOf(IOException.class).hasMessageContaining("unreadable build output");
    }

    /** A base named by digest: the daemon names the pull with the whole reference, which is said as it is. */
    @Test
    void aPullByDigestIsNamedByItsReference() throws IOException {
        String reference = "127.0.0.1:5000/fork/base@sha256:" + "ab".repeat(32);
        RecordingLog log = new RecordingLog();
        BuildOutput.read(answer("{\"stream\":\"Step 1/2 : FROM " + reference + "\"}\n"
                + "{\"status\":\"Pulling from fork/base\",\"id\":\"" + reference + "\"}\n"
                + "{\"aux\":{\"ID\":\"sha256:feed\"}}\n"), log, "app:1 for linux/amd64");
        assertThat(log.infos).first().isEqualTo("Pulling base image " + reference);
    }

    /** The daemon pulls a base image inside the build: one line for the pull, then one per tenth of its bytes. */
    @Test
    void aBaseImagePullIsOneLinePerTenthNotOnePerChunk() throws IOException {
        StringBuilder answer = new StringBuilder("{\"stream\":\"Step 1/2 : FROM python:3.12-slim\"}\n"
                + "{\"status\":\"Pulling from library/python\",\"id\":\"3.12-slim\"}\n"
                + "{\"status\":\"Already exists\",\"progressDetail\":{},\"id\":\"aaa\"}\n");
        long a = 30L * 1024 * 1024;
        long b = 10L * 1024 * 1024;
        for (long done = 0; done <= a; done += 512 * 1024) {
            answer.append("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":").append(done)
                    .append(",\"total\":").append(a).append("},\"id\":\"bbb\"}\n");
            if (done <= b) {
                answer.append("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":").append(done)
                        .append(",\"total\":").append(b).append("},\"id\":\"ccc\"}\n");
            }
        }
        answer.append("{\"status\":\"Download complete\",\"progressDetail\":{},\"id\":\"ccc\"}\n")
                .append("{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"bbb\"}\n")
                .append("{\"status\":\"Digest: sha256:abc\"}\n")
                .append("{\"aux\":{\"ID\":\"sha256:feed\"}}\n");
        RecordingLog log = new RecordingLog();
        assertThat(BuildOutput.read(answer(answer.toString()), log, "op:1 for linux/amd64")).contains("sha256:feed");
        assertThat(log.infos).first().isEqualTo("Pulling base image library/python:3.12-slim");
        assertThat(log.infos).hasSizeLessThanOrEqualTo(11)
                .last().isEqualTo("Pulling base image layers: 100% (40 of 40 MiB so far)");
        assertThat(log.infos.stream().filter(l -> l.startsWith("Pulling base image layers:")))
                .isSortedAccordingTo(java.util.Comparator.comparingInt(l -> Integer.parseInt(
                        l.replaceAll(".*: (\\d+)%.*", "$1"))));
    }
}
