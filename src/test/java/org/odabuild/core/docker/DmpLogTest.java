package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.maven.docker.util.Logger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.RecordingLog;

/** fabric8's log lines reach the build's log at their own level; its debug and verbose output follow -X. */
class DmpLogTest {

    @Test
    void theHttpClientsRetriesOfARefusedConnectionStayOffTheConsole(@TempDir Path dir) {
        java.util.logging.Logger retries = java.util.logging.Logger.getLogger(
                "org.apache.http.impl.execchain.RetryExec");
        List<LogRecord> published = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        retries.addHandler(recorder);
        try {
            assertThatThrownBy(() -> DmpDockerDaemon.connect("unix://" + dir.resolve("docker.sock"), null,
                    new RecordingLog())).isInstanceOf(DockerException.class)
                    .hasMessageContaining("start it, or point DOCKER_HOST");
            assertThat(published).extracting(LogRecord::getMessage).isEmpty();
        } finally {
            retries.removeHandler(recorder);
        }
    }

    @Test
    void errorsAreErrorsAndFormatArgumentsAreApplied() {
        RecordingLog log = new RecordingLog();
        Logger dmp = new DmpLog(log);
        dmp.error("cannot connect to %s", "unix:///var/run/docker.sock");
        dmp.warn("slow %d", 3);
        dmp.info("%d%% done", 100);
        dmp.info("50% without arguments is not a format");
        assertThat(log.errors).containsExactly("cannot connect to unix:///var/run/docker.sock");
        assertThat(log.warnings).containsExactly("slow 3");
        assertThat(log.infos).containsExactly("100% done", "50% without arguments is not a format");
    }

    @Test
    void debugAndVerboseFollowTheBuildLog() {
        RecordingLog log = new RecordingLog();
        Logger dmp = new DmpLog(log);
        assertThat(dmp.isDebugEnabled()).isFalse();
        assertThat(dmp.isVerboseEnabled()).isFalse();
        log.debugEnabled = true;
        assertThat(dmp.isDebugEnabled()).isTrue();
        assertThat(dmp.isVerboseEnabled()).isTrue();
        dmp.verbose(Logger.LogVerboseCategory.API, "GET %s", "/version");
        assertThat(log.debugs).containsExactly("GET /version");
    }

    @Test
    void aMessageThatIsNotAFormatIsKeptAsItIs() {
        RecordingLog log = new RecordingLog();
        new DmpLog(log).info("50%d complete", "not a number");
        assertThat(log.infos).containsExactly("50%d complete");
    }
}
