package org.odabuild.core;

/** A user's value as a message may echo it: at most 80 characters, control characters escaped. */
public final class Excerpt {

    private static final int MAX = 80;

    private Excerpt() {
    }

    public static String of(String value) {
        return of(value, MAX);
    }

    /**
     * The whole value on one line, control characters escaped: a file name git gave (a name may hold a line break,
     * which would start a line of the CI log of its own).
     */
    public static String line(String value) {
        return of(value, Integer.MAX_VALUE);
    }

    /** At most {@code max} characters, control characters escaped: a longer text such as a registry's error body. */
    public static String of(String value, int max) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(max).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        int length = value.codePointCount(0, value.length());
        return length > max ? out + "... (" + length + " characters)" : out.toString();
    }
}
