package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The linear glob matcher agrees with the regular expression it replaced (GitHub path-filter semantics), on random
 * globs and paths; and an adversarial glob is answered at once.
 */
class GlobProperties {

    @Property(tries = 3000)
    void agreesWithTheRegularExpressionItReplaced(@ForAll("globs") String glob, @ForAll("paths") String path) {
        assertThat(PathGlob.parse(glob).matches(path)).as(glob + " ~ " + path)
                .isEqualTo(Pattern.compile(reference(glob)).matcher(path).matches());
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
        return Arbitraries.of("a", "b", "/", "*", "**", "**/", "?", "[ab]", "[!a]", ".").list().ofMinSize(1)
                .ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars('a', 'b', 'c', '/', '.').ofMinLength(0).ofMaxLength(10);
    }

    /** The former implementation: a regular expression per glob. */
    static String reference(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
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
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
                int end = glob.indexOf(']', i + 1);
                String cls = glob.substring(i + 1, end);
                re.append("(?![/])[").append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                i = end + 1;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }
}
