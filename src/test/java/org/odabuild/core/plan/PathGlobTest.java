package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "src/op/*, src/op/main.py, true",
        "src/op/*, src/op/sub/main.py, false",
        "src/op/*, src/op, false",
        "src/op/*, src/op/.hidden, true",
        "src/op/**/*, src/op/main.py, true",
        "src/op/**/*, src/op/a/b/c.py, true",
        "src/op/**/*, src/other/a.py, false",
        "src/op/**, src/op/a/b, true",
        "**/*.py, a/b/c.py, true",
        "**/*.py, c.py, true",
        "**/*.py, c.go, false",
        // GitHub's cheat sheet: '?' makes the character before it optional, '+' repeats it
        "'*.jsx?', page.js, true",
        "'*.jsx?', page.jsx, true",
        "'*.jsx?', page.jsxx, false",
        "'*.jsx?', page.j, false",
        "src/v[0-9]+.txt, src/v12.txt, true",
        "src/v[0-9]+.txt, src/v.txt, false",
        "src/a+b, src/aaab, true",
        "src/a+b, src/b, false",
        "src/a+b, src/a+b, false",
        "src/*?.py, src/abc.py, true",
        "?.py, ?.py, true",
        "src/[ab].py, src/b.py, true",
        // no negated class in GitHub's cheat sheet: '!' means something only at a pattern's start
        "src/[!ab].py, src/b.py, true",
        "src/[!ab].py, src/!.py, true",
        "src/[!ab].py, src/c.py, false",
        "source/webhooks/webhook-dockerfile, source/webhooks/webhook-dockerfile, true",
        "source/webhooks/webhook-dockerfile, source/webhooks/webhook-dockerfile2, false",
        "a.b/(e)/*, a.b/(e)/x, true",
        "a.b/*, aXb/x, false"
    })
    void githubPathFilterSemantics(String glob, String path, boolean expected) {
        assertThat(PathGlob.parse(glob).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "src/?.py, src/a.py, true",
        "src/?.py, src/ab.py, false",
        "src/?.py, src//.py, false",
        "src/?.py, src.py, false",
        "c++/*, c++/x, true",
        "src/[!ab].py, src/c.py, false",
        "src/[!ab].py, src/!.py, true",
        "src/[!ab].py, src/b.py, true",
        "src/[^ab].py, src/b.py, false",
        "src/[^ab].py, src/c.py, true",
        "c++/*, cc/x, false"
    })
    void dockerignoreReadsQuestionMarkAsOneCharacterAndPlusAsItself(String pattern, String path, boolean expected) {
        assertThat(PathGlob.dockerignore(pattern).matches(path)).isEqualTo(expected);
    }

    /**
     * Docker's matcher turns a pattern with a wildcard, escape or class into a regular expression: {@code **} before
     * more is "any folders", a class takes '/', '^' anchors; one without is compared as text. Each row as docker
     * 28.2's CLI decided it.
     */
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "a**b, ab, true",
        "a**b, ax/b, true",
        "a**b, axb, false",
        "**foo, barfoo, true",
        "**foo*, barfoo1, false",
        "**foo*, x/foo1, true",
        "q[^a]y, q/y, true",
        "^a*, ab, true",
        "^a, ^a, true",
        "^a, a, false",
        "x^a*, x^ab, false"
    })
    void dockerignoreIsReadAsDockersMatcherReadsIt(String pattern, String path, boolean expected) {
        assertThat(PathGlob.dockerignore(pattern).matches(path)).isEqualTo(expected);
    }

    @Test
    void laterNegationExcludes() {
        PathFilter filter = PathFilter.of(List.of("src/**", "!src/**/*.md", "src/keep/README.md"));
        assertThat(filter.matches("src/a.py")).isTrue();
        assertThat(filter.matches("src/docs/x.md")).isFalse();
        assertThat(filter.matches("src/keep/README.md")).isTrue();
        assertThat(filter.matching(List.of("src/a.py", "src/b.md", "other/c.py"))).containsExactly("src/a.py");
    }

    @Test
    void theCoverageLintLooksOnlyUnderAGlobsLiteralFolder() {
        assertThat(CoverageLint.literalFolder("source/webhooks/implementation/*"))
                .isEqualTo("source/webhooks/implementation/");
        assertThat(CoverageLint.literalFolder("src/op/**/*.py")).isEqualTo("src/op/");
        assertThat(CoverageLint.literalFolder("src/op*/x")).isEqualTo("src/");
        // GitHub's '?' and '+' change the character before them: 'src/?x' also matches 'srcx'
        assertThat(CoverageLint.literalFolder("src/op/v[0-9]+.txt")).isEqualTo("src/op/");
        assertThat(CoverageLint.literalFolder("src/ops?/x")).isEqualTo("src/");
        assertThat(CoverageLint.literalFolder("src/?x")).isEmpty();
        assertThat(CoverageLint.literalFolder("**/Dockerfile")).isEmpty();
        assertThat(CoverageLint.literalFolder("!docs/x.md")).isEqualTo("docs/");
        assertThat(CoverageLint.literalFolder("Dockerfile")).isEmpty();
        NavigableSet<String> tracked = new TreeSet<>(List.of("a/b/c.txt", "a/bc.txt", "ab/x", "z"));
        assertThat(PathGlob.parse("a/b/**").matches("a/b/c.txt")).isTrue();
        assertThat(tracked.subSet("a/b/", true, "a/b/" + Character.MAX_VALUE, false)).containsExactly("a/b/c.txt");
    }
}
