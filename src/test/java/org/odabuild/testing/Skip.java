package org.odabuild.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test that needs something this machine lacks, and says so on the console once per reason (surefire
 * shows an aborted class only as "Tests run: 0" or "Skipped"; the reason would otherwise sit in its XML report).
 * On CI ({@code CI} set) it fails instead: CI must run every test.
 */
public final class Skip {

    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private Skip() {
    }

    public static void because(String why, String onCi) {
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(why + ": " + onCi);
        }
        if (SAID.add(why)) {
            System.out.println("[SKIPPED] tests that need it: " + why);
        }
        Assumptions.abort("skipped: " + why);
    }
}
