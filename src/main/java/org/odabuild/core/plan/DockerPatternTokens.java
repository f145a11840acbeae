package org.odabuild.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.odabuild.core.plan.PathGlob.AnyChar;
import org.odabuild.core.plan.PathGlob.CharClass;
import org.odabuild.core.plan.PathGlob.DoubleStar;
import org.odabuild.core.plan.PathGlob.Folders;
import org.odabuild.core.plan.PathGlob.Literal;
import org.odabuild.core.plan.PathGlob.Star;
import org.odabuild.core.plan.PathGlob.Start;
import org.odabuild.core.plan.PathGlob.Token;

/**
 * A {@code .dockerignore} pattern (already cleaned, its '!' taken off) as the tokens of {@link PathGlob}, read as
 * Docker's matcher reads it (moby/patternmatcher, which the docker CLI and BuildKit share). That matcher turns a
 * pattern into a Go regular expression, and its quirks decide what a build sends:
 * <ul>
 * <li>{@code *} is any run but '/', {@code ?} one character but '/'; an emoji is one character;</li>
 * <li>{@code **} at the end is any run; anywhere else it is {@code (.*}{@code /)?}, any run that ends in '/', or
 * nothing (a '/' after it is eaten): {@code a**b} matches {@code ab} and {@code ax/b}, not {@code axb}. A pattern
 * that starts with {@code **} and has no other wildcard, escape or class is a plain suffix: {@code **foo} matches
 * {@code barfoo};</li>
 * <li>a class is the regular expression's: {@code [^a]} is all but 'a', '/' included, and {@code [!a]} is '!' or
 * 'a'; {@code \]} and {@code \\} escape inside it;</li>
 * <li>{@code \x} is {@code x};</li>
 * <li>{@code ^} outside a class is the regular expression's start of text when the pattern has a wildcard, escape
 * or class (it then matches nothing unless all before it can be empty), and a plain '^' otherwise.</li>
 * </ul>
 */
public final class DockerPatternTokens {

    /** A '^' whose meaning is known only at the pattern's end. */
    private static final Literal CARET = new Literal('^');
    /** A count that a regular expression reads after a character: {2}, {2,} or {2,5}. */
    private static final Pattern REPETITION = Pattern.compile("\\{\\d+(,\\d*)?}");

    private DockerPatternTokens() {
    }

    static List<Token> of(String pattern) {
        return read(pattern).tokens();
    }

    /**
     * Why Docker reads the pattern as no glob at all, if it does: with a wildcard, escape or class in it, its matcher
     * hands {@code |}, {@code {n}} and {@code \d}-style escapes to the regular expression (its escaping misses
     * {@code |}, <code>{</code> and <code>}</code>), where they mean alternatives, repetitions and classes.
     */
    public static Optional<String> notAGlob(String pattern) {
        return read(pattern).notAGlob();
    }

    private record Reading(List<Token> tokens, Optional<String> notAGlob) {
    }

    private static Reading read(String pattern) {
        List<Token> tokens = new ArrayList<>();
        String regexSyntax = null; // the first character that only a regular expression reads as syntax
        Kind kind = Kind.EXACT;
        boolean leadingStarsBeforeName = false; // '**x': as a plain suffix, any run, '/' included, before x
        int i = 0;
        for (int n = 0; i < pattern.length(); n++) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '*' && i < pattern.length() && pattern.charAt(i) == '*') {
                i++;
                boolean slash = i < pattern.length() && pattern.charAt(i) == '/';
                i += slash ? 1 : 0;
                if (n == 0 && slash) {
                    tokens.add(new Folders()); // as a suffix, '**/x' is "/x" or "x" alone: (.*/)?x
                } else if (i == pattern.length()) {
                    kind = kind == Kind.EXACT ? Kind.PREFIX : Kind.REGEXP;
                    tokens.add(new DoubleStar());
                } else {
                    kind = Kind.REGEXP;
                    tokens.add(new Folders());
                }
                if (n == 0) {
                    kind = Kind.SUFFIX;
                    leadingStarsBeforeName = !slash && i < pattern.length();
                }
            } else if (c == '*') {
                kind = Kind.REGEXP;
                tokens.add(new Star());
            } else if (c == '?') {
                kind = Kind.REGEXP;
                tokens.add(new AnyChar());
            } else if (c == '\\' && i < pattern.length()) {
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                kind = Kind.REGEXP;
                tokens.add(new Literal(escaped));
                if (escaped < 128 && Character.isLetterOrDigit(escaped) && regexSyntax == null) {
                    regexSyntax = "'\\" + Character.toString(escaped) + "' (an escape of Go's regular expressions: \\d"
                            + " is a digit, \\n a line end, others an error)";
                }
            } else if (c == '[') {
                kind = Kind.REGEXP;
                i = charClass(pattern, i, tokens);
            } else if (c == ']') {
                kind = Kind.REGEXP;
                tokens.add(new Literal(c));
            } else {
                tokens.add(c == '^' ? CARET : new Literal(c));
                if (regexSyntax == null && c == '|') {
                    regexSyntax = "'|' (it splits the pattern into alternatives)";
                } else if (regexSyntax == null && c == '{' && REPETITION.matcher(pattern).region(i - 1,
                        pattern.length()).lookingAt()) {
                    regexSyntax = "'{' (a count of the character before it)";
                }
            }
        }
        if (kind == Kind.SUFFIX && leadingStarsBeforeName) {
            tokens.set(0, new DoubleStar());
        }
        boolean regexp = kind == Kind.REGEXP;
        tokens.replaceAll(t -> t == CARET && regexp ? new Start() : t);
        return new Reading(tokens, regexp ? Optional.ofNullable(regexSyntax) : Optional.empty());
    }

    /** patternmatcher's match types: a pattern with no wildcard, escape or class is compared as text. */
    private enum Kind {
        EXACT, PREFIX, SUFFIX, REGEXP
    }

    /**
     * Reads a class of Go's regular expressions from {@code i} (just after its '['), adds it and returns where it
     * ends. The pattern passed Go's {@code filepath.Match} check, so the class is closed.
     */
    private static int charClass(String pattern, int i, List<Token> tokens) {
        boolean negated = i < pattern.length() && pattern.charAt(i) == '^';
        i += negated ? 1 : 0;
        StringBuilder ranges = new StringBuilder();
        while (i < pattern.length() && pattern.charAt(i) != ']') {
            int[] lo = classChar(pattern, i);
            i = lo[1];
            int hi = lo[0];
            if (i + 1 < pattern.length() && pattern.charAt(i) == '-' && pattern.charAt(i + 1) != ']') {
                int[] end = classChar(pattern, i + 1);
                hi = end[0];
                i = end[1];
            }
            ranges.appendCodePoint(lo[0]).appendCodePoint(hi);
        }
        tokens.add(new CharClass(ranges.toString(), negated, true));
        return Math.min(pattern.length(), i + 1);
    }

    /** One character of a class at {@code i}, a '\' escaping the next: {its code point, the index after it}. */
    private static int[] classChar(String pattern, int i) {
        int c = pattern.codePointAt(i);
        if (c == '\\' && i + 1 < pattern.length()) {
            int escaped = pattern.codePointAt(i + 1);
            return new int[] {escaped, i + 1 + Character.charCount(escaped)};
        }
        return new int[] {c, i + Character.charCount(c)};
    }
}
