package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.maven.docker.util.Logger;
import org.junit.jupiter.api.Test;
import org.odabuild.testing.RecordingLog;

/** fabric8's log lines reach the build's log at their own level; its debug and verbose output follow -X. */
class DmpLogTest {

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
