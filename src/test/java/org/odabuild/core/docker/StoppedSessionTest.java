package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.BuildLog;
import org.odabuild.testing.LocalDocker;

/**
 * A build stopped while its test hangs (Ctrl-C on a laptop, a cancelled CI job) leaves nothing running on the daemon:
 * a JVM is stopped for real, by the signal a CI runner's cancel sends, while its test container runs.
 */
class StoppedSessionTest {

    @TempDir
    Path dir;

    /** One session of the plugin's daemon client: builds the image, then runs it until it is stopped. */
    public static final class Session {
        public static void main(String[] args) {
            BuildLog out = new BuildLog() {
                @Override
                public void debug(String message) {
                }

                @Override
                public void info(String message) {
                    System.out.println("INFO " + message);
                }

                @Override
                public void warn(String message) {
                    System.out.println("WARN " + message);
                }
            };
            DmpDockerDaemon daemon = DmpDockerDaemon.connect(args[0], null, out);
            Path context = Path.of(args[1]);
            daemon.build(new DockerDaemon.Build(args[2], BuildContext.of(context, context.resolve("Dockerfile")),
                    Map.of(), Optional.empty(), false));
            System.out.println("BUILT");
            daemon.run(args[2], Duration.ofMinutes(10));
            daemon.close();
        }
    }

    @Test
    void aSessionStoppedWhileItsTestRunsRemovesTheContainerAndItsBuildName() throws Exception {
        String host = LocalDocker.host();
        Path context = dir.resolve("ctx");
        Files.createDirectories(context);
        Files.copy(LocalDocker.staticHang(dir.resolve("bin")), context.resolve("hang"));
        context.resolve("hang").toFile().setExecutable(true);
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hang /hang\nCMD [\"/hang\"]\n");
        String reference = "oda-test/stopped-" + UUID.randomUUID() + ":1";
        ProcessBuilder session = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Session.class.getName(), host, context.toString(),
                reference).redirectErrorStream(true);
        Process process = session.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.start();
        try {
            String running = "";
            for (int i = 0; i < 600 && running.isBlank() && process.isAlive(); i++) {
                Thread.sleep(100);
                running = LocalDocker.cli(host, "ps", "-q", "--filter", "ancestor=" + reference,
                        "--filter", "status=running").strip();
            }
            assertThat(running).as("the test container runs; the session said %s", lines).isNotBlank();
            assertThat(LocalDocker.cli(host, "image", "inspect", "--format", "{{json .RepoTags}}", reference))
                    .as("the build's own name is there while the session runs").contains("oda-build/");

            // SIGTERM, what a cancelled CI job gets: the JVM exits as on Ctrl-C's SIGINT, running its shutdown hooks
            // (Process.destroy() would also close the pipe that reads what the session says while it stops)
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);

            assertThat(LocalDocker.cli(host, "ps", "-aq", "--filter", "ancestor=" + reference).strip())
                    .as("no container of the test is left, running or not").isEmpty();
            assertThat(LocalDocker.cli(host, "image", "inspect", "--format", "{{json .RepoTags}}", reference).strip())
                    .isEqualTo("[\"" + reference + "\"]");
            assertThat(lines).contains("WARN Stopped: removed the running test container of " + reference);
        } finally {
            process.destroyForcibly();
            for (String id : LocalDocker.cli(host, "ps", "-aq", "--filter", "ancestor=" + reference).split("\\s+")) {
                if (!id.isBlank()) {
                    LocalDocker.cli(host, "rm", "-f", id);
                }
            }
            LocalDocker.remove(host, reference);
        }
    }
}
