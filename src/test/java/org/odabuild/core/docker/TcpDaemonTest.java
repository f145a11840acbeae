package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TlsDaemonProxy;

/** A daemon reached over tcp:// (the DOCKER_HOST form), as the README documents. */
class TcpDaemonTest {

    @Test
    void tcpDaemonAnswers() {
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(LocalDocker.tcpHost(), null, new RecordingLog())) {
            assertThat(daemon.nativePlatform()).startsWith("linux/");
        }
    }

    /** {@code DOCKER_HOST=tcp://...} with {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}, as on a remote builder. */
    @Test
    void aTlsDaemonIsReachedWithTheClientCertificatesOfTheCertPath(@TempDir Path dir) throws Exception {
        try (TlsDaemonProxy tls = TlsDaemonProxy.start(LocalDocker.tcpHost(), dir);
                DmpDockerDaemon daemon = DmpDockerDaemon.connect(tls.host(), tls.certPath().toString(),
                        new RecordingLog())) {
            assertThat(daemon.nativePlatform()).startsWith("linux/");
            Path ctx = Files.createDirectories(dir.resolve("ctx"));
            Files.writeString(ctx.resolve("app.txt"), "over tls\n");
            BuildContext context = BuildContext.of(ctx, Files.writeString(ctx.resolve("Dockerfile"),
                    "FROM scratch\nCOPY app.txt /app.txt\n"));
            DockerDaemon.LocalImage built = daemon.build(new DockerDaemon.Build("oda-test/tls:1", context, Map.of(),
                    Optional.empty(), false));
            assertThat(built.id()).startsWith("sha256:");
            int saved = daemon.save(built.id(), in -> in.readAllBytes().length);
            assertThat(saved).isPositive();
        }
    }

    @Test
    void aTlsDaemonRefusesAClientWithoutItsCertificates(@TempDir Path dir) throws Exception {
        try (TlsDaemonProxy tls = TlsDaemonProxy.start(LocalDocker.tcpHost(), dir)) {
            Path empty = Files.createDirectories(dir.resolve("no-certs"));
            assertThatThrownBy(() -> DmpDockerDaemon.connect(tls.host(), empty.toString(), new RecordingLog()))
                    .isInstanceOf(DockerException.class)
                    .hasMessageContaining("cannot reach the Docker daemon at " + tls.host());
        }
    }

    @Test
    void sshAndNamedPipeDaemonsSayHowToReachThemOverASocket() {
        assertThatThrownBy(() -> DmpDockerDaemon.connect("ssh://builder@docker.example", null, new RecordingLog()))
                .isInstanceOf(DockerException.class)
                .hasMessageContaining("reached over ssh, which the plugin does not speak")
                .hasMessageContaining("ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock builder@docker.example")
                .hasMessageContaining(org.odabuild.core.Setting.DOCKER_HOST.set("unix:///tmp/docker.sock"));
        assertThatThrownBy(() -> DmpDockerDaemon.connect("npipe:////./pipe/docker_engine", null, new RecordingLog()))
                .hasMessageContaining("a Windows named pipe").hasMessageContaining("tcp://localhost:2375");
    }

    @Test
    void tcpBecomesHttpOrHttpsForTheClient() {
        assertThat(DmpDockerDaemon.clientUrl("tcp://127.0.0.1:2375", null)).isEqualTo("http://127.0.0.1:2375");
        assertThat(DmpDockerDaemon.clientUrl("tcp://docker.example:2376", "/certs"))
                .isEqualTo("https://docker.example:2376");
        assertThat(DmpDockerDaemon.clientUrl("unix:///var/run/docker.sock", null))
                .isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void aPasswordInTheDaemonsUrlStaysOutOfTheMessages() {
        // nothing listens on port 1: the message names the daemon, without the password
        assertThatThrownBy(() -> DmpDockerDaemon.connect("tcp://ci:s3cr3t@127.0.0.1:1", null, new RecordingLog()))
                .isInstanceOf(DockerException.class)
                .hasMessageContaining("cannot reach the Docker daemon at tcp://ci:***@127.0.0.1:1")
                .hasMessageNotContaining("s3cr3t");
        assertThat(DmpDockerDaemon.shown("ssh://me:pw@host/x")).isEqualTo("ssh://me:***@host/x");
        assertThat(DmpDockerDaemon.shown("unix:///var/run/docker.sock")).isEqualTo("unix:///var/run/docker.sock");
        assertThat(DmpDockerDaemon.shown("ssh://builder@docker.example")).isEqualTo("ssh://builder@docker.example");
    }
}
