package org.odabuild.core.build;

import java.util.Locale;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;

/** When {@code latest} is tagged and pushed too. oda-canvas pushes it even for prereleases; the default does not. */
public enum LatestTag {
    RELEASE, ALWAYS, NEVER;

    public static LatestTag parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Setting.LATEST_TAG + " '" + text + "' is not one of release,"
                    + " always, never");
        }
    }

    public boolean applies(boolean release) {
        return this == ALWAYS || (this == RELEASE && release);
    }
}
