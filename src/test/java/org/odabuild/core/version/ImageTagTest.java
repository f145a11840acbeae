package org.odabuild.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTagTest {

    private static ImageTag tag(String version, String suffix) {
        return new ImageTag(SemVer.parseRelease(version), PrereleaseSuffix.parse(suffix));
    }

    @Test
    void seedExampleWithSuffix() {
        ImageTag tag = tag("0.6.3", "issue123");
        assertThat(tag).hasToString("0.6.3-issue123");
        assertThat(tag.isRelease()).isFalse();
        assertThat(new ImageName("tmforumodacanvas/compcrdwebhook").withTag(tag))
                .isEqualTo("tmforumodacanvas/compcrdwebhook:0.6.3-issue123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptySuffixHasNoDash(String empty) {
        assertThat(tag("0.6.2", empty)).hasToString("0.6.2");
        assertThat(tag("0.6.2", empty).isRelease()).isTrue();
    }

    @Test
    void nullSuffixHasNoDash() {
        assertThat(tag("0.6.2", null)).hasToString("0.6.2");
    }

    @Test
    void dottedSuffixIsKept() {
        assertThat(tag("1.0.0", "odaa-42.2")).hasToString("1.0.0-odaa-42.2");
        assertThat(tag("1.0.0", "odaa-42.2").asSemVer()).isLessThan(SemVer.parse("1.0.0"));
    }

    @Test
    void aSuffixWithALineBreakIsShownEscapedSoItStartsNoLineOfTheCiLog() {
        assertThatThrownBy(() -> PrereleaseSuffix.parse("x\n::error::forged")).hasMessageNotContaining("\n")
                .hasMessageStartingWith("'x\\x0a::error::forged' is not a semver prerelease");
    }

    @ParameterizedTest
    @ValueSource(strings = {"issue_123", "issue 123", "issue/1", "a..b", ".a", "01", "ä"})
    void rejectsIllegalSuffixes(String suffix) {
        assertThatThrownBy(() -> PrereleaseSuffix.parse(suffix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a semver prerelease");
    }

    @Test
    void underscoreMessageSuggestsAFix() {
        assertThatThrownBy(() -> PrereleaseSuffix.parse("issue_123"))
                .hasMessageContaining("no '_'")
                .hasMessageContaining("e.g. 'issue-123'");
    }

    @Test
    void accentedLettersAreSuggestedWithoutTheirAccents() {
        assertThatThrownBy(() -> PrereleaseSuffix.parse("änderung-für-ümlaut"))
                .hasMessageContaining("e.g. 'anderung-fur-umlaut'");
        // nothing of the text is left to suggest: a plain example rather than an empty or illegal one
        assertThatThrownBy(() -> PrereleaseSuffix.parse("修正")).hasMessageContaining("e.g. 'issue-123'");
        assertThatThrownBy(() -> PrereleaseSuffix.parse("x_y.01")).hasMessageContaining("e.g. 'issue-123'");
    }

    @Test
    void rejectsTagsOver128Characters() {
        String suffix = "x".repeat(123); // "1.0.0-" + 123 = 129
        assertThatThrownBy(() -> tag("1.0.0", suffix)).hasMessageContaining("129 characters long")
                .hasMessageContaining("at most 128");
        assertThat(tag("1.0.0", "x".repeat(122)).toString()).hasSize(128);
    }

    @Test
    void rejectsVersionWithPrerelease() {
        assertThatThrownBy(() -> new ImageTag(SemVer.parse("1.0.0-rc.1"), Optional.empty()))
                .hasMessageContaining("put it in prereleaseSuffix");
    }
}
