package org.odabuild.core.build;

import java.util.Locale;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;

/** When an image is published as an image index ({@code oda.index}). */
public enum IndexMode {

    /** For several platforms, or one that is not the daemon's own; a single native image stays a plain image. */
    AUTO,
    /** Always, even for one platform (registries and tools that expect an index everywhere). */
    ALWAYS;

    public static IndexMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Setting.INDEX + " is '" + text + "': use auto (an index for several platforms)"
                    + " or always");
        }
    }

    boolean index(int platforms, boolean nativeOnly) {
        return this == ALWAYS || platforms > 1 || !nativeOnly;
    }
}
