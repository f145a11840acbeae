package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.RecordingLog;

/** A daemon reached over tcp:// (the DOCKER_HOST form), as the README documents. */
class TcpDaemonTest {

    @Test
    void tcpDaemonAnswers() {
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(LocalDocker.tcpHost(), null, new RecordingLog())) {
            assertThat(daemon.nativePlatform()).startsWith("linux/");
        }
    }

    @Test
    void tcpBecomesHttpOrHttpsForTheClient() {
        assertThat(DmpDockerDaemon.clientUrl("tcp://127.0.0.1:2375", null)).isEqualTo("http://127.0.0.1:2375");
        assertThat(DmpDockerDaemon.clientUrl("tcp://docker.example:2376", "/certs"))
                .isEqualTo("https://docker.example:2376");
        assertThat(DmpDockerDaemon.clientUrl("unix:///var/run/docker.sock", null))
                .isEqualTo("unix:///var/run/docker.sock");
    }
}
