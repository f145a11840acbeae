package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The linear glob matcher agrees, on random globs and paths, with a regular expression of GitHub's paths filters
 * ('?' and '+' quantify the character before them) and with Docker's matcher for a .dockerignore (moby/patternmatcher,
 * step by step); and an adversarial glob is answered at once.
 */
class GlobProperties {

    /** One character that is two Java chars: a glob's '?', '*' and classes take it as one, as Go and git do. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Property(tries = 3000)
    void agreesWithTheRegularExpressionOfGithubsPathsFilters(@ForAll("globs") String glob,
            @ForAll("paths") String path) {
        assertThat(PathGlob.parse(glob).matches(path)).as(glob + " ~ " + path)
                .isEqualTo(Pattern.compile(reference(glob)).matcher(path).matches());
    }

    @Property(tries = 3000)
    void agreesWithDockersMatcher(@ForAll("globs") String glob, @ForAll("paths") String path) {
        Assume.that(!glob.endsWith("/")); // Docker cleans a pattern first: no trailing '/'
        assertThat(PathGlob.dockerignore(glob).matches(path)).as(glob + " ~ " + path)
                .isEqualTo(dockerMatches(glob, path));
    }

    /**
     * moby/patternmatcher's reading of a pattern, step by step: a pattern without wildcard, escape or class is
     * compared as text (whole, as a prefix before a final {@code **}, or as a suffix after a leading {@code **});
     * any other becomes a regular expression. Its escaping misses '|', '{' and '}' (none is generated here).
     */
    static boolean dockerMatches(String pattern, String path) {
        StringBuilder re = new StringBuilder("^");
        String kind = "exact";
        int i = 0;
        for (int n = 0; i < pattern.length(); n++) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '*' && i < pattern.length() && pattern.charAt(i) == '*') {
                i++;
                i += i < pattern.length() && pattern.charAt(i) == '/' ? 1 : 0;
                if (i == pattern.length()) {
                    kind = kind.equals("exact") ? "prefix" : "regexp";
                    re.append(kind.equals("regexp") ? ".*" : "");
                } else {
                    re.append("(.*/)?");
                    kind = "regexp";
                }
                kind = n == 0 ? "suffix" : kind;
            } else if (c == '*' || c == '?') {
                re.append(c == '*' ? "[^/]*" : "[^/]");
                kind = "regexp";
            } else if (".+()$".indexOf(c) >= 0) {
                re.append('\\').appendCodePoint(c);
            } else if (c == '[' || c == ']') {
                re.appendCodePoint(c);
                kind = "regexp";
            } else {
                re.appendCodePoint(c);
            }
        }
        String suffix = pattern.length() >= 2 ? pattern.substring(2) : "";
        return switch (kind) {
            case "exact" -> path.equals(pattern);
            case "prefix" -> path.startsWith(pattern.substring(0, pattern.length() - 2));
            case "suffix" -> path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
            default -> Pattern.compile(re.append('$').toString()).matcher(path).find();
        };
    }

    @Example
    void backtrackingBombsAreLinear() {
        String glob = "*a".repeat(40) + "b";
        String path = "a".repeat(5000);
        assertThat(PathGlob.parse(glob).matches(path)).isFalse();
        assertThat(PathGlob.parse("**/" + "*a".repeat(40) + "/**/b").matches("x/" + path + "/y/c")).isFalse();
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.of("a", "b", "/", "*", "**", "**/", "?", "+", "[ab]", "[!a]", "[^a]", "!", ".", EMOJI)
                .list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts))
                .filter(g -> !g.startsWith("!")); // a leading '!' is the filter's negation, not the glob's
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars('a', 'b', 'c', '/', '.', '!', 'e').ofMinLength(0).ofMaxLength(10)
                .map(p -> p.replace("e", EMOJI));
    }

    /** The former implementation, a regular expression per glob, with GitHub's '?' and '+' added. */
    static String reference(String glob) {
        StringBuilder re = new StringBuilder();
        boolean lastIsOneChar = false; // a literal or a class: what GitHub's '?' and '+' apply to
        boolean lastIsWildcard = false;
        int i = 0;
        while (i < glob.length()) {
            int c = glob.codePointAt(i);
            boolean oneChar = false;
            boolean wildcard = true;
            if ((c == '?' || c == '+') && lastIsOneChar) {
                re.appendCodePoint(c);
                i++;
                oneChar = false;
            } else if ((c == '?' || c == '+') && lastIsWildcard) {
                i++; // nothing to change
            } else if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (atSegmentStart && slashFollows) {
                        re.append("(?:.*/)?");
                        i += 3;
                    } else {
                        re.append(".*");
                        i += 2;
                    }
                } else {
                    re.append("[^/]*");
                    i++;
                }
            } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
                int end = glob.indexOf(']', i + 1);
                String cls = glob.substring(i + 1, end);
                re.append("(?:(?![/])[").append(cls.replace("^", "\\^")).append("])");
                i = end + 1;
                oneChar = true;
            } else {
                re.append("(?:").append(Pattern.quote(Character.toString(c))).append(')');
                i += Character.charCount(c);
                oneChar = true;
                wildcard = false;
            }
            lastIsOneChar = oneChar;
            lastIsWildcard = wildcard && !oneChar;
        }
        return re.toString();
    }
}
