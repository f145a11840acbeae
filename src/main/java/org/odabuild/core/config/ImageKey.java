package org.odabuild.core.config;

import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.SourceLocation;

/**
 * An image key names its image in {@code -Doda.images} and in the plan's {@code images-to-build}: comma lists that
 * a CI matrix pastes into a command line. A comma, a space or a character a shell reads would split the key or run
 * as code, so a key is letters, digits, {@code .}, {@code _}, {@code -} and {@code /}, as every real one is.
 */
final class ImageKey {

    private ImageKey() {
    }

    static void check(String key, SourceLocation at) {
        int bad = key.codePoints().filter(c -> !Character.isLetterOrDigit(c) && ".-_/".indexOf(c) < 0).findFirst()
                .orElse(-1);
        if (bad >= 0) {
            String shown = Character.isISOControl(bad) || Character.isWhitespace(bad)
                    ? String.format("U+%04X", bad) : "'" + Character.toString(bad) + "'";
            throw InvalidInputException.at(at, "image key '" + Excerpt.of(key, Integer.MAX_VALUE) + "' has " + shown + ": keys are listed with"
                    + " commas in " + Setting.IMAGES + " and the plan's images-to-build, which CI pastes into a"
                    + " command line; rename it using letters, digits, '.', '_', '-' and '/' only (the image's"
                    + " name comes from its values file, not from the key)");
        }
    }
}
