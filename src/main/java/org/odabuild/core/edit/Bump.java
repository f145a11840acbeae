package org.odabuild.core.edit;

import java.util.Locale;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.version.SemVer;

/** Which part of a version goes up. */
public enum Bump {
    PATCH, MINOR, MAJOR;

    public static Bump parse(String text, String parameter) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(parameter + " '" + text + "' is not one of patch, minor, major");
        }
    }

    /** @param where the version's place, for the message when it cannot go up */
    public SemVer apply(SemVer version, Object where) {
        try {
            return switch (this) {
                case PATCH -> version.isRelease() ? version.nextPatch() : version.toRelease();
                case MINOR -> version.nextMinor();
                case MAJOR -> version.nextMajor();
            };
        } catch (ArithmeticException e) {
            throw new InvalidInputException(where + ": version " + version + " cannot go up a "
                    + name().toLowerCase(Locale.ROOT) + ": its number is the largest a version holds ("
                    + Long.MAX_VALUE + "); set the version by hand");
        }
    }
}
