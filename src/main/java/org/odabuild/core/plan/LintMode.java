package org.odabuild.core.plan;

import java.util.Locale;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.ci.CiEnvironment;

/**
 * Whether the plan runs the coverage lint (every tracked file against every image's {@code paths}) and how it says
 * what it found. The lint reads the whole tree of HEAD: on CI it runs by default, where a missed folder lets a change
 * ship unbuilt; on a laptop only when asked.
 */
public enum LintMode {
    /** {@link #SUMMARY} on CI, {@link #OFF} elsewhere. */
    AUTO,
    OFF,
    /** One line with the count; plan.json has every finding. */
    SUMMARY,
    /** Every finding in the log. */
    VERBOSE;

    public static LintMode parse(String value, String where) {
        String v = value == null || value.isBlank() ? "auto" : value.strip().toLowerCase(Locale.ROOT);
        for (LintMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(v)) {
                return mode;
            }
        }
        throw new InvalidInputException(where + " '" + Excerpt.of(value) + "' is not one of auto, off, summary,"
                + " verbose");
    }

    public boolean runs(CiEnvironment ci) {
        return this == SUMMARY || this == VERBOSE || (this == AUTO && ci.isCi());
    }

    public boolean verbose() {
        return this == VERBOSE;
    }
}
