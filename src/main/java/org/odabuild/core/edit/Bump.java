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

    public SemVer apply(SemVer version) {
        return switch (this) {
            case PATCH -> version.isRelease() ? version.nextPatch() : version.toRelease();
            case MINOR -> version.nextMinor();
            case MAJOR -> version.nextMajor();
        };
    }
}
