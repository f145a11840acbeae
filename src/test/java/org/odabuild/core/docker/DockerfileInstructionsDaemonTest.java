package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;
import org.odabuild.testing.LocalDocker;

/**
 * The plugin reads a Dockerfile's instructions as the daemon's own parser does: the step count and each step's
 * keyword of {@code docker build} (classic builder, no base image needed: LABEL and ENV steps only). Heredocs are
 * compared where the daemon's parser reads them (Docker 23 and later; .ci/run runs this on Docker 26 too): there a
 * heredoc's body is text, on Docker 20.10 its lines are instructions.
 */
class DockerfileInstructionsDaemonTest {

    private static final Pattern STEP = Pattern.compile("Step (\\d+)/(\\d+) : (\\S+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "FROM scratch\nLABEL a=1 \\\n  b=2\nENV X=1\n",
        "# escape=`\nFROM scratch\nLABEL a=c:\\\nLABEL b=1 `\n  c=2\n",
        "FROM scratch\nLABEL a=1 \\\n# a comment inside\n\n  b=2\n  # indented comment\nENV X=<<EOF\n",
        "FROM scratch\nLABEL \"<<EOF\"=1\nENV A=a<<EOF\nlabel b=2\n",
        "HEREDOC FROM scratch\nONBUILD RUN <<-EOF\n\tENV X=1\n\tEOF\nLABEL a=1\n",
        "HEREDOC FROM scratch\nONBUILD COPY <<one <<'two' /x/\nLABEL in=one\none\nLABEL in=two\ntwo\nENV X=1\n",
        "HEREDOC FROM scratch\nONBUILD RUN cat <<EOF \\\n  && true\nEOF \nLABEL a=EOF\nEOF\nENV Y=2\n"})
    void instructionsAreTheDaemonsSteps(String dockerfile) throws Exception {
        String host = LocalDocker.host();
        boolean heredoc = dockerfile.startsWith("HEREDOC ");
        String text = heredoc ? dockerfile.substring("HEREDOC ".length()) : dockerfile;
        Path context = Files.createDirectories(dir.resolve("ctx"));
        LocalDocker.CliBuild cli = LocalDocker.classicBuildSteps(host, context, Files.writeString(context.resolve(
                "Dockerfile"), text));
        List<Instruction> ours = DockerfileInstructions.of(text);
        if (heredoc && !parsesHeredocs(host)) {
            // Docker 20.10 reads the heredoc's lines as instructions, which is why the plugin refuses heredocs there too
            assertThat(!cli.built() || !cli.answer().contains("Step 1/" + ours.size() + " ")).as(cli.answer()).isTrue();
            return;
        }
        assertThat(cli.built()).as(cli.answer()).isTrue();
        Matcher step = STEP.matcher(cli.answer());
        int steps = 0;
        while (step.find()) {
            steps++;
            assertThat(ours).hasSize(Integer.parseInt(step.group(2)));
            assertThat(ours.get(Integer.parseInt(step.group(1)) - 1).keyword()).isEqualTo(step.group(3)
                    .toUpperCase());
        }
        assertThat(steps).as(cli.answer()).isEqualTo(ours.size());
    }

    /** Whether the daemon's parser reads heredocs (Docker 23 and later). */
    private boolean parsesHeredocs(String host) throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        return LocalDocker.classicBuild(host, probe, Files.writeString(probe.resolve("Dockerfile"),
                "FROM scratch\nONBUILD RUN <<EOF\nnot an instruction\nEOF\n")).built();
    }
}
