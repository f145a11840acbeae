package org.odabuild.core.dockerfile;

import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile word with its args put in, as the builders' shell lexer does for {@code FROM ${BASE}}: {@code $NAME},
 * {@code ${NAME}}, {@code ${NAME:-word}}, {@code ${NAME-word}}, {@code ${NAME:+word}}, {@code ${NAME+word}}, single
 * and double quotes, and backslash escapes. An unset arg reads as empty. Any other form ({@code ${NAME#x}}, ...), or
 * a quote left open, gives nothing: the word is then not known before the daemon reads it.
 */
public final class ArgExpansion {

    private final String word;
    private final Map<String, String> args;
    private int at;
    private int depth; // of ${...} in ${...}: a hostile Dockerfile must not overflow the stack

    private ArgExpansion(String word, Map<String, String> args) {
        this.word = word;
        this.args = args;
    }

    /** {@code word} with the values of {@code args} (an arg absent from the map is unset). */
    public static Optional<String> expand(String word, Map<String, String> args) {
        ArgExpansion expansion = new ArgExpansion(word, args);
        try {
            return Optional.of(expansion.until(-1));
        } catch (IllegalArgumentException unknownForm) {
            return Optional.empty();
        }
    }

    /** Reads up to {@code stop} (not taken) or the end, when {@code stop} is -1. */
    private String until(int stop) {
        StringBuilder out = new StringBuilder();
        boolean doubleQuoted = false;
        while (at < word.length()) {
            char c = word.charAt(at);
            if (c == stop && !doubleQuoted) {
                return out.toString();
            }
            at++;
            if (c == '\\') {
                if (at < word.length()) {
                    out.append(word.charAt(at++));
                }
            } else if (c == '\'' && !doubleQuoted) {
                int end = word.indexOf('\'', at);
                if (end < 0) {
                    throw new IllegalArgumentException("open quote");
                }
                out.append(word, at, end);
                at = end + 1;
            } else if (c == '"') {
                doubleQuoted = !doubleQuoted;
            } else if (c == '$') {
                out.append(variable());
            } else {
                out.append(c);
            }
        }
        if (doubleQuoted || stop != -1) {
            throw new IllegalArgumentException("open quote or brace");
        }
        return out.toString();
    }

    /** After a {@code $}: the value it stands for ({@code $} itself when no name follows). */
    private String variable() {
        if (at < word.length() && word.charAt(at) == '{') {
            at++;
            if (++depth > 32) {
                throw new IllegalArgumentException("nested too deep");
            }
            String name = name();
            if (name.isEmpty() || at >= word.length()) {
                throw new IllegalArgumentException("not a name");
            }
            char next = word.charAt(at);
            if (next == '}') {
                at++;
                depth--;
                return args.getOrDefault(name, "");
            }
            boolean colon = next == ':';
            if (colon) {
                at++;
            }
            char modifier = at < word.length() ? word.charAt(at++) : 0;
            if (modifier != '-' && modifier != '+') {
                throw new IllegalArgumentException("unknown form");
            }
            String alternative = until('}');
            at++; // the closing brace
            depth--;
            String value = args.get(name);
            boolean set = value != null && (!colon || !value.isEmpty());
            return modifier == '-' ? (set ? value : alternative) : (set ? alternative : "");
        }
        String name = name();
        return name.isEmpty() ? "$" : args.getOrDefault(name, "");
    }

    /** A name: letters, digits and {@code _}, not starting with a digit; or digits only ({@code $1}, never set). */
    private String name() {
        int start = at;
        boolean digits = at < word.length() && isDigit(word.charAt(at));
        while (at < word.length() && (isDigit(word.charAt(at)) || !digits && isLetter(word.charAt(at)))) {
            at++;
        }
        return word.substring(start, at);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }
}
