package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TlsDaemonProxy;

/**
 * The daemon is found as the docker CLI finds it, down to the docker context that Docker Desktop, Colima or rootless
 * Docker set: contexts here are made by the docker CLI itself ({@code docker context create}, {@code use}).
 */
class DockerEndpointTest {

    @TempDir
    Path dir;

    /** {@code docker <args>} with this test's client config folder. */
    private void docker(String... args) throws Exception {
        String docker = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        ProcessBuilder cli = new ProcessBuilder(new java.util.ArrayList<>(List.of(docker)));
        cli.command().addAll(List.of(args));
        cli.environment().put("DOCKER_CONFIG", dir.resolve("config").toString());
        cli.environment().remove("DOCKER_HOST");
        cli.redirectErrorStream(true);
        Process p = cli.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("docker " + String.join(" ", args) + ": " + out).isZero();
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("DOCKER_CONFIG", dir.resolve("config").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theContextInUseNamesTheDaemonWhenDockerHostIsUnset() throws Exception {
        String host = LocalDocker.host();
        docker("context", "create", "laptop", "--docker", "host=" + host);
        docker("context", "use", "laptop");

        DockerEndpoint endpoint = DockerEndpoint.of(null, null, env());
        assertThat(endpoint.host()).isEqualTo(host);
        assertThat(endpoint.certPath()).isNull();
        assertThat(endpoint.source()).startsWith("docker context 'laptop' (currentContext of ");
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(endpoint.host(), endpoint.certPath(),
                new RecordingLog())) {
            assertThat(daemon.nativePlatform()).startsWith("linux/");
        }
        // DOCKER_HOST and the plugin's parameter come first, as with the CLI; DOCKER_CONTEXT before currentContext
        assertThat(DockerEndpoint.of(null, null, env("DOCKER_HOST", "tcp://d:2375")).host()).isEqualTo("tcp://d:2375");
        assertThat(DockerEndpoint.of("unix:///x.sock", null, env("DOCKER_HOST", "tcp://d:2375")).host())
                .isEqualTo("unix:///x.sock");
        assertThat(DockerEndpoint.of(null, null, env("DOCKER_CONTEXT", "default")).host())
                .isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void aTlsContextGivesTheCertificatesTheCliStoredForIt() throws Exception {
        try (TlsDaemonProxy tls = TlsDaemonProxy.start(LocalDocker.tcpHost(), dir.resolve("tls"))) {
            Path certs = tls.certPath();
            docker("context", "create", "remote", "--docker", "host=" + tls.host() + ",ca=" + certs.resolve("ca.pem")
                    + ",cert=" + certs.resolve("cert.pem") + ",key=" + certs.resolve("key.pem"));

            DockerEndpoint endpoint = DockerEndpoint.of(null, null, env("DOCKER_CONTEXT", "remote"));
            assertThat(endpoint.host()).isEqualTo(tls.host());
            assertThat(Path.of(endpoint.certPath()).resolve("key.pem")).exists();
            assertThat(endpoint.source()).isEqualTo("docker context 'remote' (DOCKER_CONTEXT)");
            try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(endpoint.host(), endpoint.certPath(),
                    new RecordingLog())) {
                assertThat(daemon.nativePlatform()).startsWith("linux/");
            }
        }
    }

    @Test
    void aContextThatDoesNotExistIsSaidWithHowToPickOne() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.json"), "{\"currentContext\": \"desktop-linux\"}");
        assertThatThrownBy(() -> DockerEndpoint.of(null, null, env()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the docker context 'desktop-linux' (currentContext of ")
                .hasMessageContaining("'docker context ls' lists the contexts");
        Files.writeString(dir.resolve("config/config.json"), "{\"currentContext\": ");
        assertThatThrownBy(() -> DockerEndpoint.of(null, null, env()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("config.json cannot be read as JSON");
    }

    @Test
    void withoutAContextTheDefaultSocketAndDockersTlsVariables() {
        assertThat(DockerEndpoint.of(null, null, Map.of())).isEqualTo(new DockerEndpoint(
                "unix:///var/run/docker.sock", null, "the default socket"));
        assertThat(DockerEndpoint.of(" ", null, Map.of("DOCKER_HOST", "tcp://d:2376", "DOCKER_CERT_PATH", "/c"))
                .certPath()).isNull();
        assertThat(DockerEndpoint.of(null, null, Map.of("DOCKER_HOST", "tcp://d:2376", "DOCKER_CERT_PATH", "/c",
                "DOCKER_TLS_VERIFY", "1"))).isEqualTo(new DockerEndpoint("tcp://d:2376", "/c", "DOCKER_HOST"));
        assertThat(DockerEndpoint.of(null, "/mine", Map.of("DOCKER_HOST", "tcp://d:2376")).certPath())
                .isEqualTo("/mine");
    }
}
