package org.odabuild.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesDataTest {

    static final List<YqPath> OLD = List.of(YqPath.parse(".op.image"), YqPath.parse(".op.version"));
    static final List<YqPath> NEW = List.of(YqPath.parse(".operator.deployment.image"),
            YqPath.parse(".operator.deployment.version"));

    @Test
    void theDataBesideTheIgnoredPathsDecides() {
        assertThat(ValuesData.sameExcept("a: 1 # note\nop: {image: x, version: 1.0.0}\n",
                "a: '1'\nop:\n  image: y\n  version: 1.0.1\n", OLD)).isTrue();
        assertThat(ValuesData.sameExcept("a: 0.10\nop: {image: x}\n", "a: 0.1\nop: {image: x}\n", OLD))
                .as("scalars keep their text").isFalse();
        assertThat(ValuesData.sameExcept("a: [", "a: [", OLD)).as("unreadable text differs").isFalse();
    }

    @Test
    void anEntryMovedBetweenTheTextsLeavesNoEmptyMappingBehind() {
        String before = "a: 1\nop:\n  image: x\n  version: 1.0.0\n";
        String after = "a: 1\noperator:\n  deployment:\n    image: x\n    version: 1.0.1\n";
        assertThat(ValuesData.sameExcept(before, OLD, after, NEW)).isTrue();
        assertThat(ValuesData.sameExcept(before, OLD, after.replace("a: 1", "a: 2"), NEW)).isFalse();
        assertThat(ValuesData.sameExcept(before.replace("  image: x\n", "  image: x\n  pull: Always\n"), OLD, after,
                NEW)).as("a mapping that keeps other data stays").isFalse();
        assertThat(ValuesData.sameExcept("a: 1\nop: {}\n", OLD, "a: 1\n", NEW))
                .as("a mapping empty before any removal is data").isFalse();
    }

    /** An anchor holding itself is text that cannot be compared (Helm refuses it): it differs, it never loops. */
    @Test
    void anAnchorHoldingItselfDiffersInsteadOfOverflowingTheStack() {
        String text = "a: 1\nloop: &l [*l]\nop: {image: x, version: 1.0.0}\n";
        assertThat(ValuesData.sameExcept(text, text.replace("1.0.0", "1.0.1"), OLD)).isFalse();
    }
}
