package org.odabuild.core.docker;

/**
 * Go's {@code filepath.Match}. Helm matches {@code .helmignore} patterns with it, and Docker's matcher checks each
 * {@code .dockerignore} pattern with {@code filepath.Match(pattern, ".")}: docker build refuses the whole file when it
 * says "syntax error in pattern". Go checks only as far as its matching goes: a broken class after a '*' that the text
 * before it failed to match is never looked at ({@code a*[b-]} passes, {@code a[b-]} and {@code *[b-]} do not), so a
 * class the plugin cannot read may still be one Docker takes.
 */
public final class GoMatch {

    private static final Chunk BAD = new Chunk("", false, true);

    private GoMatch() {
    }

    /** Whether Go's {@code filepath.Match(pattern, ".")} says {@code ErrBadPattern}. */
    static boolean badPattern(String pattern) {
        return refuses(pattern, ".");
    }

    /** Whether Go's {@code filepath.Match(pattern, name)} says {@code ErrBadPattern}. */
    public static boolean refuses(String pattern, String name) {
        return match(pattern, name) == Verdict.BAD;
    }

    /** Go's {@code filepath.Match(pattern, name)}: false for a pattern it calls bad too. */
    public static boolean matches(String pattern, String name) {
        return match(pattern, name) == Verdict.MATCH;
    }

    private enum Verdict {
        MATCH, NO_MATCH, BAD
    }

    private static Verdict match(String pattern, String text) {
        String name = text;
        String rest = pattern;
        while (!rest.isEmpty()) {
            boolean star = false;
            while (rest.startsWith("*")) {
                rest = rest.substring(1);
                star = true;
            }
            int end = chunkEnd(rest);
            String chunk = rest.substring(0, end);
            rest = rest.substring(end);
            if (star && chunk.isEmpty()) {
                return name.contains("/") ? Verdict.NO_MATCH : Verdict.MATCH; // a trailing '*'
            }
            Chunk here = matchChunk(chunk, name);
            if (here.bad()) {
                return Verdict.BAD;
            }
            if (here.ok() && (here.rest().isEmpty() || !rest.isEmpty())) {
                name = here.rest();
                continue;
            }
            boolean moved = false;
            for (int i = 0; star && !moved && i < name.length() && name.charAt(i) != '/'; i++) {
                Chunk later = matchChunk(chunk, name.substring(i + 1));
                if (later.bad()) {
                    return Verdict.BAD;
                }
                if (later.ok() && !(rest.isEmpty() && !later.rest().isEmpty())) {
                    name = later.rest();
                    moved = true;
                }
            }
            if (!moved) {
                return Verdict.NO_MATCH;
            }
        }
        return name.isEmpty() ? Verdict.MATCH : Verdict.NO_MATCH;
    }

    /** Go's scanChunk: the chunk ends at a '*' outside a class. */
    private static int chunkEnd(String pattern) {
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '\\' -> i += i + 1 < pattern.length() ? 1 : 0;
                case '[' -> inClass = true;
                case ']' -> inClass = false;
                case '*' -> {
                    if (!inClass) {
                        return i;
                    }
                }
                default -> {
                }
            }
        }
        return pattern.length();
    }

    private record Chunk(String rest, boolean ok, boolean bad) {
    }

    /** Go's matchChunk: after a mismatch it reads on to the chunk's end, checking its syntax only. */
    private static Chunk matchChunk(String chunk, String s) {
        boolean failed = false;
        int c = 0;
        int at = 0;
        while (c < chunk.length()) {
            failed |= at >= s.length();
            char ch = chunk.charAt(c);
            if (ch == '[') {
                int r = -1;
                if (!failed) {
                    r = s.codePointAt(at);
                    at += Character.charCount(r);
                }
                c++;
                boolean negated = c < chunk.length() && chunk.charAt(c) == '^';
                c += negated ? 1 : 0;
                boolean match = false;
                for (int ranges = 0; !(c < chunk.length() && chunk.charAt(c) == ']' && ranges > 0); ranges++) {
                    int[] lo = escaped(chunk, c);
                    if (lo == null) {
                        return BAD;
                    }
                    int[] hi = lo;
                    if (chunk.charAt(lo[1]) == '-') {
                        hi = escaped(chunk, lo[1] + 1);
                        if (hi == null) {
                            return BAD;
                        }
                    }
                    match |= lo[0] <= r && r <= hi[0];
                    c = hi[1];
                }
                c++;
                failed |= match == negated;
            } else if (ch == '?') {
                if (!failed) {
                    failed = s.charAt(at) == '/';
                    at += Character.charCount(s.codePointAt(at));
                }
                c++;
            } else {
                if (ch == '\\' && ++c >= chunk.length()) {
                    return BAD;
                }
                if (!failed) {
                    failed = chunk.charAt(c) != s.charAt(at);
                    at++;
                }
                c++;
            }
        }
        return failed ? new Chunk("", false, false) : new Chunk(s.substring(at), true, false);
    }

    /**
     * Go's getEsc: one character of a class at {@code c}, a '\' escaping the next; {its code point, the index after
     * it}, or null where a class cannot go on (its end, a bare '-' or ']', nothing after it).
     */
    private static int[] escaped(String chunk, int c) {
        if (c >= chunk.length() || chunk.charAt(c) == '-' || chunk.charAt(c) == ']') {
            return null;
        }
        if (chunk.charAt(c) == '\\' && ++c >= chunk.length()) {
            return null;
        }
        int r = chunk.codePointAt(c);
        int next = c + Character.charCount(r);
        return next >= chunk.length() ? null : new int[] {r, next};
    }
}
