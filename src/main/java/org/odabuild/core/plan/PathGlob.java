package org.odabuild.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One glob of an image's {@code paths}, with GitHub Actions path-filter semantics: {@code *} matches within one
 * folder, {@code **} crosses folders ({@code a/**}{@code /*} also matches files directly in {@code a}), {@code ?}
 * makes the character before it optional and {@code +} repeats it (GitHub's cheat sheet: {@code '*.jsx?'} matches
 * {@code page.js} and {@code page.jsx}), {@code [abc]} is a class of the characters listed; anything else is literal.
 * A leading {@code !} negates. A {@code .dockerignore} pattern ({@link #dockerignore}) is read as Docker's matcher
 * reads it, into the same tokens. A character is a code point: an emoji is one, as for Go and git.
 *
 * <p>Matching simulates the glob as a small automaton, in time proportional to path length times glob length:
 * a regular expression would backtrack, and a glob like {@code *a*a*a...b} against a long name hung the build.
 */
public record PathGlob(String text, boolean negated, List<Token> tokens) {

    /** One step of the glob. */
    public sealed interface Token
            permits Literal, AnyChar, CharClass, Star, DoubleStar, Folders, ZeroOrOne, OneOrMore, Start {
    }

    /** One given character (a code point: an emoji is one character, as Go's matchers and git count it). */
    public record Literal(int c) implements Token {
    }

    /** {@code ?}: one character but '/'. */
    public record AnyChar() implements Token {
    }

    /**
     * {@code [abc]}, {@code [a-z]} or, in a {@code .dockerignore}, {@code [^a-z]}.
     *
     * @param ranges     the code points of each range, first and last, one after the other ({@code a-z} and
     *                   {@code q} are {@code "azqq"})
     * @param takesSlash whether it may take a '/' it holds: Docker's class is a regular expression's, and
     *                   {@code [^a]} takes a '/' there; a class of GitHub's filters never does
     */
    public record CharClass(String ranges, boolean negated, boolean takesSlash) implements Token {

        boolean accepts(int c) {
            if (c == '/' && !takesSlash) {
                return false;
            }
            boolean in = false;
            for (int i = 0; i < ranges.length(); ) {
                int first = ranges.codePointAt(i);
                i += Character.charCount(first);
                int last = ranges.codePointAt(i);
                i += Character.charCount(last);
                in |= c >= first && c <= last;
            }
            return in != negated;
        }
    }

    /** {@code *}: any run of characters but '/'. */
    public record Star() implements Token {
    }

    /** {@code **} inside a segment: any run of characters. */
    public record DoubleStar() implements Token {
    }

    /** {@code **}{@code /} at a segment start: zero or more whole folders. */
    public record Folders() implements Token {
    }

    /** GitHub's {@code x?}: the one-character token before it, or nothing. */
    public record ZeroOrOne(Token one) implements Token {
    }

    /** GitHub's {@code x+}: the one-character token before it, once or more. */
    public record OneOrMore(Token one) implements Token {
    }

    /** Docker's {@code ^} in a pattern read as a regular expression: nothing, and only at the path's start. */
    public record Start() implements Token {
    }

    public PathGlob {
        tokens = List.copyOf(tokens);
    }

    /** A glob of an image's {@code paths}, read as GitHub's paths filters read it. */
    public static PathGlob parse(String glob) {
        boolean negated = glob.startsWith("!");
        return new PathGlob(glob, negated, tokenize(negated ? glob.substring(1) : glob));
    }

    /** A {@code .dockerignore} pattern, read as Docker's matcher reads it ({@link DockerPatternTokens}). */
    public static PathGlob dockerignore(String pattern) {
        boolean negated = pattern.startsWith("!");
        return new PathGlob(pattern, negated, DockerPatternTokens.of(negated ? pattern.substring(1) : pattern));
    }

    private static List<Token> tokenize(String glob) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < glob.length()) {
            int c = glob.codePointAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (atSegmentStart && slashFollows) {
                        tokens.add(new Folders());
                        i += 3;
                    } else {
                        tokens.add(new DoubleStar());
                        i += 2;
                    }
                } else {
                    tokens.add(new Star());
                    i++;
                }
            } else if ((c == '?' || c == '+') && quantifiable(tokens)) {
                Token one = tokens.remove(tokens.size() - 1);
                tokens.add(c == '?' ? new ZeroOrOne(one) : new OneOrMore(one));
                i++;
            } else if ((c == '?' || c == '+') && !tokens.isEmpty()) {
                i++; // after a wildcard or another quantifier it changes nothing: '*?' still matches what '*' does
            } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
                // GitHub's cheat sheet has no negated class ('!' means something only at a pattern's start)
                int end = glob.indexOf(']', i + 1);
                tokens.add(new CharClass(ranges(glob.substring(i + 1, end)), false, false));
                i = end + 1;
            } else {
                tokens.add(new Literal(c));
                i += Character.charCount(c);
            }
        }
        return tokens;
    }

    /** The ranges of a class's members as written, {@code a-c} a range, any other character one of its own. */
    private static String ranges(String members) {
        StringBuilder ranges = new StringBuilder();
        int[] m = members.codePoints().toArray();
        for (int i = 0; i < m.length; i++) {
            boolean range = i + 2 < m.length && m[i + 1] == '-';
            ranges.appendCodePoint(m[i]).appendCodePoint(range ? m[i + 2] : m[i]);
            i += range ? 2 : 0;
        }
        return ranges.toString();
    }

    /** Whether the last token is one character that GitHub's {@code ?} or {@code +} may apply to. */
    private static boolean quantifiable(List<Token> tokens) {
        return !tokens.isEmpty() && (tokens.get(tokens.size() - 1) instanceof Literal
                || tokens.get(tokens.size() - 1) instanceof CharClass);
    }

    /** Whether a one-character token takes {@code c}. */
    private static boolean takes(Token t, int c) {
        return t instanceof Literal l && l.c() == c
                || t instanceof AnyChar && c != '/'
                || t instanceof CharClass k && k.accepts(c);
    }

    /**
     * Thompson simulation: {@code at} holds the token positions reached so far; {@code inFolders} the
     * {@link Folders} tokens part way through their folder names (their match must end at a '/').
     */
    public boolean matches(String path) {
        int n = tokens.size();
        BitSet at = new BitSet(n + 1);
        BitSet inFolders = new BitSet(n);
        at.set(0);
        close(at, true);
        for (int p = 0; p < path.length(); p += Character.charCount(path.codePointAt(p))) {
            int c = path.codePointAt(p);
            BitSet nextAt = new BitSet(n + 1);
            BitSet nextIn = new BitSet(n);
            for (int i = at.nextSetBit(0); i >= 0 && i < n; i = at.nextSetBit(i + 1)) {
                Token t = tokens.get(i);
                if (takes(t, c) || t instanceof ZeroOrOne o && takes(o.one(), c)) {
                    nextAt.set(i + 1);
                } else if (t instanceof OneOrMore r && takes(r.one(), c)) {
                    nextAt.set(i); // once more, or
                    nextAt.set(i + 1); // done
                } else if (t instanceof Star && c != '/' || t instanceof DoubleStar) {
                    nextAt.set(i);
                } else if (t instanceof Folders) {
                    nextIn.set(i);
                    if (c == '/') {
                        nextAt.set(i + 1);
                    }
                }
            }
            for (int i = inFolders.nextSetBit(0); i >= 0; i = inFolders.nextSetBit(i + 1)) {
                nextIn.set(i);
                if (c == '/') {
                    nextAt.set(i + 1);
                }
            }
            close(nextAt, false);
            at = nextAt;
            inFolders = nextIn;
            if (at.isEmpty() && inFolders.isEmpty()) {
                return false;
            }
        }
        return at.get(n);
    }

    /** Tokens that can match nothing let the position move on; {@link Start} only before the path's first char. */
    private void close(BitSet at, boolean atStart) {
        for (int i = at.nextSetBit(0); i >= 0 && i < tokens.size(); i = at.nextSetBit(i + 1)) {
            Token t = tokens.get(i);
            if (t instanceof Star || t instanceof DoubleStar || t instanceof Folders || t instanceof ZeroOrOne
                    || t instanceof Start && atStart) {
                at.set(i + 1);
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
