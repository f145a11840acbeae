package org.odabuild.core.values;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Helm makes of an unquoted value. Helm reads values files as YAML 1.1 (go-yaml v2), where {@code yes},
 * {@code no}, {@code on} and {@code off} are booleans and {@code 0x1F}, {@code 1e3} or {@code 1.50} are numbers.
 * A template prints them as {@code true}, {@code 31}, {@code 1000}, {@code 1.5}, and {@code false} is not printed at
 * all by an {@code if}. The plugin reads each value as the text it is, so the two would name different images.
 */
public final class HelmReading {

    private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL");
    private static final Set<String> TRUE_WORDS = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on",
            "On", "ON");
    private static final Set<String> FALSE_WORDS = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF");
    /** Printed as written: a decimal integer well inside 64 bits. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
    private static final Pattern HEX_OR_BINARY = Pattern.compile("[-+]?(0b[01_]+|0x[0-9a-fA-F_]+)");
    /** What go-yaml parses as a float; it also covers octal and decimals too long for 64 bits. */
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)"
            + "([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private HelmReading() {
    }

    /** How Helm reads the value when not as the same text, e.g. "the boolean false"; empty when as text. */
    public static Optional<String> differs(ScalarValue value) {
        return value.plain() && !value.isNull() ? differs(value.text()) : Optional.empty();
    }

    /** How Helm reads {@code text} written without quotes, when not as the same text. */
    public static Optional<String> differs(String text) {
        if (NULLS.contains(text)) {
            return Optional.of("no value (null)");
        }
        if (TRUE_WORDS.contains(text) || FALSE_WORDS.contains(text)) {
            return Optional.of("the boolean " + TRUE_WORDS.contains(text));
        }
        if (DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        if (HEX_OR_BINARY.matcher(text).matches() || FLOAT.matcher(text).matches()) {
            return Optional.of("a number, which its templates print in their own form");
        }
        return Optional.empty();
    }
}
