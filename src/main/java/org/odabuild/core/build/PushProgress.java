package org.odabuild.core.build;

import org.odabuild.core.BuildLog;
import org.odabuild.core.ProgressTenths;

/**
 * One line per tenth of an image's bytes while they go to the registry ({@code Pushing x (linux/amd64): 40% (126 of
 * 316 MiB)}), so a long push shows it is moving without a line per chunk. Blobs the registry already holds count as
 * done; bytes sent again by a retry do not push the figure past 100 %. Small images (under 16 MiB) say nothing
 * here: their push takes well under a second and ends with the "Uploaded" line. Thread-safe.
 */
final class PushProgress {

    static final long QUIET_BELOW = 16L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    private final BuildLog log;
    private final String what;
    private final long total;
    private final ProgressTenths tenths = new ProgressTenths();
    private long done;

    PushProgress(BuildLog log, String what, long total) {
        this.log = log;
        this.what = what;
        this.total = total;
    }

    synchronized void sent(long bytes) {
        done = Math.min(total, done + bytes);
        if (total < QUIET_BELOW) {
            return;
        }
        tenths.next(done, total).ifPresent(tenth -> log.info("Pushing " + what + ": " + tenth * 10 + "% ("
                + done / MIB + " of " + total / MIB + " MiB)"));
    }
}
