package org.odabuild.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageTag;
import org.odabuild.core.version.PrereleaseSuffix;
import org.odabuild.core.version.SemVer;

class TagPolicyTest {

    private final TagPolicy policy = new TagPolicy(BranchPolicy.defaults());

    static ResolvedImage image(String version, String suffix) {
        ImageConfig config = new ImageConfig("op", "op", "op", "charts/a/values.yaml", YqPath.parse(".op.image"),
                YqPath.parse(".op.version"), Optional.of(YqPath.parse(".op.prereleaseSuffix")), List.of("src/*"),
                "src", "src/Dockerfile", Optional.empty(), ImageConfig.DEFAULT_PLATFORMS, false,
                new SourceLocation("dockerbuild-config.yaml", 1, 1), Map.of());
        return new ResolvedImage(config, new ImageName("org/op"),
                new ImageTag(SemVer.parseRelease(version), PrereleaseSuffix.parse(suffix)),
                new SourceLocation("charts/a/values.yaml", 3, 12),
                Optional.of(new SourceLocation("charts/a/values.yaml", 4, 21)));
    }

    @ParameterizedTest
    @CsvSource({
        "master, RELEASE", "main, RELEASE", "feature/issue3456, PRERELEASE", "feature/a/b, PRERELEASE",
        "odaa-42-fix, PRERELEASE", "docs/x, OTHER", "mainline, OTHER", "feature, OTHER", "xodaa-1, OTHER",
        "'feature/$(touch x)', PRERELEASE", "feature/../a, PRERELEASE"
    })
    void classifiesBranches(String branch, BranchKind kind) {
        assertThat(BranchPolicy.defaults().classify(branch)).isEqualTo(kind);
    }

    @Test
    void customPatternsAreLiteralExceptStar() {
        BranchPolicy p = new BranchPolicy(List.of("release.x"), List.of("dev-*"));
        assertThat(p.classify("release.x")).isEqualTo(BranchKind.RELEASE);
        assertThat(p.classify("releaseXx")).isEqualTo(BranchKind.OTHER);
        assertThat(p.classify("dev-1")).isEqualTo(BranchKind.PRERELEASE);
    }

    @Test
    void prereleaseOnFeatureBranchIsBuilt() {
        Decision d = policy.decide("feature/issue3456", image("0.1.1", "issue3456"), true);
        assertThat(d.action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
    }

    @Test
    void releaseOnFeatureBranchIsRefusedWithTheSeedsMessage() {
        Decision d = policy.decide("feature/issue3456", image("0.1.1", null), true);
        assertThat(d.action()).isEqualTo(ImageAction.REFUSE);
        assertThat(d.reason()).startsWith("release versions can only be built from master")
                .contains("branch feature/issue3456, image op, version 0.1.1")
                .contains("set a prereleaseSuffix at charts/a/values.yaml (.op.prereleaseSuffix)");
    }

    @Test
    void anEntryWithoutASuffixPathIsToldToAddOne() {
        ResolvedImage plain = image("0.1.1", null);
        ImageConfig c = plain.config();
        ImageConfig noSuffixPath = new ImageConfig(c.key(), c.displayName(), c.fileName(), c.valuesYamlFile(),
                c.valuesPathImage(), c.valuesPathVersion(), Optional.empty(), c.paths(), c.buildContext(),
                c.buildDockerfile(), c.testDockerfile(), c.platforms(), c.platformsExplicit(), c.location(),
                c.settingsAt());
        Decision d = policy.decide("feature/issue3456", new ResolvedImage(noSuffixPath, plain.image(), plain.tag(),
                plain.versionAt(), Optional.empty()), true);
        assertThat(d.action()).isEqualTo(ImageAction.REFUSE);
        assertThat(d.reason()).contains("its entry at dockerbuild-config.yaml:1:1 has no valuesPathPrereleaseSuffix:"
                + " add one, and the prereleaseSuffix it names to charts/a/values.yaml");
    }

    @Test
    void releaseOnReleaseBranchIsBuilt() {
        assertThat(policy.decide("main", image("1.0.0", ""), true).action()).isEqualTo(ImageAction.BUILD_RELEASE);
        assertThat(policy.decide("master", image("1.0.0", ""), true).action()).isEqualTo(ImageAction.BUILD_RELEASE);
    }

    @Test
    void prereleaseOnReleaseBranchIsRefused() {
        Decision d = policy.decide("master", image("1.0.0", "rc1"), true);
        assertThat(d.action()).isEqualTo(ImageAction.REFUSE);
        assertThat(d.reason()).contains("cannot be built on release branch master")
                .contains("charts/a/values.yaml:4:21")
                // on master it is merged already: the fix is a commit there too, not only the branch before its merge
                .endsWith("clear the prereleaseSuffix at charts/a/values.yaml:4:21 (oda:release-prep does it) before"
                        + " the merge, or in a commit on master once merged with it: that commit builds release 1.0.0");
    }

    @Test
    void otherBranchesBuildNothing() {
        Decision d = policy.decide("docs/x", image("1.0.0", "rc1"), true);
        assertThat(d.action()).isEqualTo(ImageAction.SKIP_BRANCH);
        assertThat(d.reason()).contains("branch docs/x builds no images");
    }

    @Test
    void unchangedImagesAreSkippedEvenWithAWrongKindOfTag() {
        assertThat(policy.decide("feature/x", image("1.0.0", null), false).action())
                .isEqualTo(ImageAction.SKIP_UNCHANGED);
    }
}
