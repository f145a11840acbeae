package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.odabuild.testing.RecordingLog;

class PushProgressTest {

    static final long MIB = 1024 * 1024;

    @Test
    void oneLinePerTenthEvenWhenTheChunksAreSmall() {
        RecordingLog log = new RecordingLog();
        PushProgress progress = new PushProgress(log, "r/x:1.0.0 (linux/amd64)", 100 * MIB);
        for (int i = 0; i < 100 * 16; i++) {
            progress.sent(64 * 1024);
        }
        assertThat(log.infos).hasSize(10).first().isEqualTo("Pushing r/x:1.0.0 (linux/amd64): 10% (10 of 100 MiB)");
        assertThat(log.infos).last().isEqualTo("Pushing r/x:1.0.0 (linux/amd64): 100% (100 of 100 MiB)");
    }

    @Test
    void aBigStepSaysOnlyWhereItGotAndARetryNeverPassesAHundred() {
        RecordingLog log = new RecordingLog();
        PushProgress progress = new PushProgress(log, "r/x:1.0.0", 40 * MIB);
        progress.sent(35 * MIB);
        progress.sent(35 * MIB); // the layer sent again after a restarted upload
        progress.sent(5 * MIB);
        assertThat(log.infos).containsExactly("Pushing r/x:1.0.0: 80% (35 of 40 MiB)",
                "Pushing r/x:1.0.0: 100% (40 of 40 MiB)");
    }

    @Test
    void smallImagesSayNothing() {
        RecordingLog log = new RecordingLog();
        PushProgress progress = new PushProgress(log, "r/x:1.0.0", PushProgress.QUIET_BELOW - 1);
        progress.sent(PushProgress.QUIET_BELOW - 1);
        assertThat(log.infos).isEmpty();
    }
}
