package org.odabuild.core.values;

import org.odabuild.core.SourceLocation;

/**
 * A scalar read from a values file, exactly as written.
 *
 * @param text         the scalar's text after YAML unquoting ({@code 0.10} stays {@code 0.10})
 * @param isNull       true for an empty value, {@code ~} or {@code null}
 * @param location     where the scalar stands
 * @param duplicateKey true when a key on the way was written more than once (the last one was taken)
 * @param plain        true when written without quotes, so that YAML 1.1 readers such as Helm may take it for
 *                     something other than text ({@code no} is the boolean false there)
 */
public record ScalarValue(String text, boolean isNull, SourceLocation location, boolean duplicateKey,
        boolean plain) {

    /** The text, or null when the YAML value is null. */
    public String textOrNull() {
        return isNull ? null : text;
    }
}
