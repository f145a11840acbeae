package org.odabuild.core;

import java.util.OptionalInt;

/**
 * When a long transfer has reached a new tenth: progress logs one line per tenth, not one per chunk. A figure that
 * goes back (a retry, a total that grew) says nothing until it passes the last tenth said. Thread-safe.
 */
public final class ProgressTenths {

    private int reported;

    /** The tenth (1 to 10) {@code done} of {@code total} reaches, when it is further than any said before. */
    public synchronized OptionalInt next(long done, long total) {
        if (total <= 0) {
            return OptionalInt.empty();
        }
        int tenth = (int) (Math.min(done, total) * 10 / total);
        if (tenth <= reported) {
            return OptionalInt.empty();
        }
        reported = tenth;
        return OptionalInt.of(tenth);
    }
}
