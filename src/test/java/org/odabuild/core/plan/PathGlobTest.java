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
        "src/?.py, src/a.py, true",
        "src/?.py, src/ab.py, false",
        "src/?.py, src//.py, false",
        "src/[ab].py, src/b.py, true",
        "src/[!ab].py, src/b.py, false",
        "source/webhooks/webhook-dockerfile, source/webhooks/webhook-dockerfile, true",
        "source/webhooks/webhook-dockerfile, source/webhooks/webhook-dockerfile2, false",
        "a.b/c+d(e)/*, a.b/c+d(e)/x, true",
        "a.b/*, aXb/x, false"
    })
    void githubPathFilterSemantics(String glob, String path, boolean expected) {
        assertThat(PathGlob.parse(glob).matches(path)).isEqualTo(expected);
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
        assertThat(CoverageLint.literalFolder("**/Dockerfile")).isEmpty();
        assertThat(CoverageLint.literalFolder("!docs/x.md")).isEqualTo("docs/");
        assertThat(CoverageLint.literalFolder("Dockerfile")).isEmpty();
        NavigableSet<String> tracked = new TreeSet<>(List.of("a/b/c.txt", "a/bc.txt", "ab/x", "z"));
        assertThat(PathGlob.parse("a/b/**").matches("a/b/c.txt")).isTrue();
        assertThat(tracked.subSet("a/b/", true, "a/b/" + Character.MAX_VALUE, false)).containsExactly("a/b/c.txt");
    }
}
