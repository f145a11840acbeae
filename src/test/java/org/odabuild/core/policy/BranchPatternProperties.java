package org.odabuild.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Branch patterns: {@code *} is any run of characters, '/' included; matching is linear in the lengths. */
class BranchPatternProperties {

    @Property(tries = 3000)
    void agreesWithTheRegularExpressionMeaning(@ForAll @StringLength(max = 8) @CharRange(from = '*', to = '/')
            String pattern, @ForAll @StringLength(max = 10) @CharRange(from = '*', to = '/') String branch) {
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        assertThat(BranchPolicy.matches(pattern, branch)).isEqualTo(Pattern.matches(regex, branch));
    }

    @Example
    void manyStarsAreAnsweredAtOnce() {
        String pattern = "*".repeat(3) + "a*".repeat(2000) + "z";
        assertThat(BranchPolicy.matches(pattern, "a".repeat(5000))).isFalse();
        assertThat(new BranchPolicy(List.of("main"), List.of(pattern)).classify("feature/" + "a".repeat(3000)))
                .isEqualTo(BranchKind.OTHER);
    }
}
