package org.odabuild.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One glob of an image's {@code paths}, with GitHub Actions path-filter semantics: {@code *} matches within one
 * folder, {@code **} crosses folders ({@code a/**}{@code /*} also matches files directly in {@code a}), {@code ?}
 * makes the character before it optional and {@code +} repeats it (GitHub's cheat sheet: {@code '*.jsx?'} matches
 * {@code page.js} and {@code page.jsx}), {@code [abc]} is a class of the characters listed; anything else is literal.
 * A leading {@code !} negates. A {@code .dockerignore} pattern ({@link #dockerignore}) reads {@code ?} as any one
 * character, {@code +} as itself and {@code [^abc]} as a class of all but those, as Docker does ({@code [!abc]} is
 * a class of '!', 'a', 'b' and 'c' there too). A character is a code point: an emoji is one, as for Go and git.
 *
 * <p>Matching simulates the glob as a small automaton, in time proportional to path length times glob length:
 * a regular expression would backtrack, and a glob like {@code *a*a*a...b} against a long name hung the build.
 */
public record PathGlob(String text, boolean negated, List<Token> tokens) {

    /** One step of the glob. */
    public sealed interface Token
            permits Literal, AnyChar, CharClass, Star, DoubleStar, Folders, ZeroOrOne, OneOrMore {
    }

    /** One given character (a code point: an emoji is one character, as Go's matchers and git count it). */
    public record Literal(int c) implements Token {
    }

    /** {@code ?}: one character but '/'. */
    public record AnyChar() implements Token {
    }

    /** {@code [abc]} or, in a {@code .dockerignore}, {@code [^a-z]}. */
    public record CharClass(String members, boolean negated) implements Token {

        boolean accepts(int c) {
            boolean in = false;
            int i = 0;
            while (i < members.length()) {
                int first = members.codePointAt(i);
                int next = i + Character.charCount(first);
                if (next + 1 < members.length() && members.charAt(next) == '-') {
                    int last = members.codePointAt(next + 1);
                    in |= c >= first && c <= last;
                    i = next + 1 + Character.charCount(last);
                } else {
                    in |= c == first;
                    i = next;
                }
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

    public PathGlob {
        tokens = List.copyOf(tokens);
    }

    /** A glob of an image's {@code paths}, read as GitHub's paths filters read it. */
    public static PathGlob parse(String glob) {
        return parse(glob, true);
    }

    /** A {@code .dockerignore} pattern: {@code ?} is any one character but '/', {@code +} is itself. */
    public static PathGlob dockerignore(String pattern) {
        return parse(pattern, false);
    }

    private static PathGlob parse(String glob, boolean github) {
        boolean negated = glob.startsWith("!");
        String body = negated ? glob.substring(1) : glob;
        return new PathGlob(glob, negated, tokenize(body, github));
    }

    private static List<Token> tokenize(String glob, boolean github) {
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
            } else if (github && (c == '?' || c == '+') && quantifiable(tokens)) {
                Token one = tokens.remove(tokens.size() - 1);
                tokens.add(c == '?' ? new ZeroOrOne(one) : new OneOrMore(one));
                i++;
            } else if (github && (c == '?' || c == '+') && !tokens.isEmpty()) {
                i++; // after a wildcard or another quantifier it changes nothing: '*?' still matches what '*' does
            } else if (c == '?' && !github) {
                tokens.add(new AnyChar());
                i++;
            } else if (c == '\\' && !github && i + 1 < glob.length()) {
                int escaped = glob.codePointAt(i + 1);
                tokens.add(new Literal(escaped)); // Docker's escape: '\[' is a '[' (Go's filepath.Match)
                i += 1 + Character.charCount(escaped);
            } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
                int end = glob.indexOf(']', i + 1);
                String cls = glob.substring(i + 1, end);
                // GitHub's cheat sheet has no negated class ('!' means something only at a pattern's start); Docker
                // negates with '^' only, as Go's regexp and filepath.Match do: its '[!a]' is a class of '!' and 'a'
                boolean not = !github && cls.startsWith("^");
                tokens.add(new CharClass(not ? cls.substring(1) : cls, not));
                i = end + 1;
            } else {
                tokens.add(new Literal(c));
                i += Character.charCount(c);
            }
        }
        return tokens;
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
                || t instanceof CharClass k && c != '/' && k.accepts(c);
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
        close(at);
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
            close(nextAt);
            at = nextAt;
            inFolders = nextIn;
            if (at.isEmpty() && inFolders.isEmpty()) {
                return false;
            }
        }
        return at.get(n);
    }

    /** Tokens that can match nothing let the position move on. */
    private void close(BitSet at) {
        for (int i = at.nextSetBit(0); i >= 0 && i < tokens.size(); i = at.nextSetBit(i + 1)) {
            Token t = tokens.get(i);
            if (t instanceof Star || t instanceof DoubleStar || t instanceof Folders || t instanceof ZeroOrOne) {
                at.set(i + 1);
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
