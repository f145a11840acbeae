package org.odabuild.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

    @Test
    void parsesStrictRelease() {
        SemVer v = SemVer.parseRelease("0.10.3");
        assertThat(v.major()).isZero();
        assertThat(v.minor()).isEqualTo(10);
        assertThat(v.patch()).isEqualTo(3);
        assertThat(v).hasToString("0.10.3");
    }

    @Test
    void rejectsLeadingV() {
        assertThatThrownBy(() -> SemVer.parseRelease("v1.2.3"))
                .hasMessageContaining("'v1.2.3' is not a semantic version")
                .hasMessageContaining("drop the leading 'v' (use '1.2.3')");
    }

    @Test
    void aTagWrittenIntoVersionSaysWhereItsPartsGo() {
        assertThatThrownBy(() -> SemVer.parseRelease("0.6.3-issue123"))
                .hasMessage("'0.6.3-issue123' is not a plain MAJOR.MINOR.PATCH: keep '0.6.3' in version and put"
                        + " 'issue123' in prereleaseSuffix (the tag joins them with '-')");
        assertThatThrownBy(() -> SemVer.parseRelease("1.0.1+build.5"))
                .hasMessage("'1.0.1+build.5' is not a plain MAJOR.MINOR.PATCH: build metadata ('+build.5') cannot be"
                        + " part of a Docker tag: keep '1.0.1'");
        // not a semver at all: the general explanation
        assertThatThrownBy(() -> SemVer.parseRelease("1.0.1-")).hasMessageContaining("is not a semantic version");
    }

    @Test
    void rejectsTwoNumbers() {
        assertThatThrownBy(() -> SemVer.parseRelease("1.2")).hasMessageContaining("MAJOR.MINOR.PATCH, e.g. '1.2.0'");
    }

    @Test
    void rejectsLeadingZeros() {
        assertThatThrownBy(() -> SemVer.parseRelease("01.2.3")).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> SemVer.parseRelease("1.02.3")).hasMessageContaining("leading zeros");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2.3.4", "1.2.3-rc1", "1.2.x", " 1.2.3", "1.2.3 ", "-1.2.3"})
    void rejectsNonReleaseForms(String text) {
        assertThatThrownBy(() -> SemVer.parseRelease(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prereleaseSortsBetweenReleases() {
        SemVer older = SemVer.parse("0.6.2");
        SemVer pre = SemVer.parse("0.6.3-issue-123");
        SemVer release = SemVer.parse("0.6.3");
        assertThat(older).isLessThan(pre);
        assertThat(pre).isLessThan(release);
        assertThat(older).isLessThan(release);
    }

    @Test
    void followsTheSemverSpecOrdering() {
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");
        List<SemVer> shuffled = new ArrayList<>(expected.stream().map(SemVer::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled).extracting(SemVer::toString).containsExactlyElementsOf(expected);
    }

    @Test
    void comparesNumericIdentifiersNumerically() {
        assertThat(SemVer.parse("1.0.0-2")).isLessThan(SemVer.parse("1.0.0-10"));
        assertThat(SemVer.parse("1.0.0-99999999999999999999")).isGreaterThan(SemVer.parse("1.0.0-100"));
        assertThat(SemVer.parse("1.0.0-9")).isLessThan(SemVer.parse("1.0.0-a"));
    }

    @Test
    void ignoresBuildMetadata() {
        assertThat(SemVer.parse("1.2.3+build.5")).isEqualByComparingTo(SemVer.parse("1.2.3"));
    }

    @Test
    void bumps() {
        SemVer v = SemVer.parse("1.2.3-rc.1");
        assertThat(v.toRelease()).hasToString("1.2.3");
        assertThat(v.nextPatch()).hasToString("1.2.4");
        assertThat(v.nextMinor()).hasToString("1.3.0");
        assertThat(v.nextMajor()).hasToString("2.0.0");
    }

    /** Java's regex recursed once per identifier: a long version text overflowed the stack instead of being read. */
    @Test
    void aVersionOfThousandsOfIdentifiersIsReadNotAStackOverflow() {
        String text = "1.0.0-" + "a.".repeat(50_000) + "a";
        assertThat(SemVer.parse(text).prerelease()).hasSize(50_001);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SemVer.parseRelease(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a plain MAJOR.MINOR.PATCH");
    }
}
