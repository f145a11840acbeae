package org.odabuild.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odabuild.core.Setting;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/** check-version-bump on a git copy of the real oda-canvas charts, with a merge-base and a feature branch. */
class VersionBumpCheckTest {

    static final String OPERATOR_SOURCE =
            "source/operators/TMFOP001-Component-Management/component-management/componentOperator.py";
    static final String VALUES = "charts/canvas-oda/values.yaml";

    @TempDir
    Path dir;
    TestGit git;

    @BeforeEach
    void odaCanvas() {
        git = TestGit.init(dir.resolve("repo"));
        Fixtures.copyOdaCanvas(git.root());
        git.write(OPERATOR_SOURCE, "print('v1')\n")
                .write("charts/component-operator/templates/deployment.yaml", "kind: Deployment\n")
                .write(".gitignore", "target/\n");
        git.commit("oda-canvas");
        git.branch("feature/issue3456");
    }

    @AfterEach
    void close() {
        git.close();
    }

    List<VersionBumpCheck.Finding> check() {
        return check(new RecordingLog());
    }

    List<VersionBumpCheck.Finding> check(RecordingLog log) {
        Path root = git.root();
        return VersionBumpCheck.run(new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), Optional.empty(),
                Optional.of(true), List.of(), false, Map.of()), log);
    }

    /** Commits the replacement on main and merges main into the feature branch; returns main's commit. */
    String onMain(String file, String from, String to) {
        git.checkout("main");
        Fixtures.replace(git.root().resolve(file), from, to);
        String commit = git.commit("on main: " + to.strip());
        git.checkout("feature/issue3456");
        git.merge("main");
        return commit;
    }

    void operatorVersion(String version, String suffix) {
        Fixtures.replace(git.root().resolve(VALUES), "    compopVersion: 1.1.2\n    compopPrereleaseSuffix: \n",
                "    compopVersion: " + version + "\n    compopPrereleaseSuffix: " + suffix + "\n");
    }

    void changeOperatorCode() {
        git.write(OPERATOR_SOURCE, "print('v2')\n");
    }

    void operatorChart(String version) {
        Fixtures.replace(git.root().resolve("charts/component-operator/Chart.yaml"), "\nversion: 1.4.3\n",
                "\nversion: " + version + "\n");
    }

    @Test
    void bumpedImageAndTheChartThatDeploysItPass() {
        changeOperatorCode();
        operatorVersion("1.1.3", "issue3456");
        operatorChart("1.4.4");
        git.commit("work");
        assertThat(check()).satisfiesExactly(f -> {
            assertThat(f.kind()).isEqualTo("image");
            assertThat(f.name()).isEqualTo("component-operator");
            assertThat(f.baseVersion()).isEqualTo("1.1.2");
            assertThat(f.bumped()).isTrue();
        }, f -> {
            assertThat(f.kind()).isEqualTo("chart");
            assertThat(f.name()).isEqualTo("component-operator");
            assertThat(f.bumped()).isTrue();
        });
    }

    /**
     * A build of the pull request's head (not of its merge with main) compares with where the branch left main: a
     * release of the same versions that another branch merged there since would be merged again without a conflict.
     */
    @Test
    void versionsThatAReleaseOnMainReachedSinceTheBranchLeftItFail() throws Exception {
        changeOperatorCode();
        operatorVersion("1.1.3", "");
        operatorChart("1.4.4");
        git.commit("work, bumped");
        assertThat(check()).allMatch(VersionBumpCheck.Finding::bumped);

        git.checkout("main");
        operatorVersion("1.1.3", "");
        operatorChart("1.4.4");
        git.commit("another branch's release of component-operator 1.1.3, chart 1.4.4");
        git.checkout("feature/issue3456");

        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("image component-operator changed since")
                .hasMessageContaining("but its version 1.1.3 is not above 1.1.3 on main, released since this branch"
                        + " left it: bump it above that")
                .hasMessageContaining("chart component-operator changed since")
                .hasMessageContaining("but its version 1.4.4 is not above 1.4.4 on main, released since this branch"
                        + " left it: bump it (oda:release-prep does)");
        assertThat(Files.readString(git.root().resolve("target/oda/check-version-bump.json")))
                .contains("\"releasedSince\": \"1.1.3 on main\"");

        Fixtures.replace(git.root().resolve(VALUES), "compopVersion: 1.1.3", "compopVersion: 1.1.4");
        Fixtures.replace(git.root().resolve("charts/component-operator/Chart.yaml"), "\nversion: 1.4.4\n",
                "\nversion: 1.4.5\n");
        git.commit("above main's");
        assertThat(check()).allMatch(VersionBumpCheck.Finding::bumped);
    }

    @Test
    void onTheReleaseBranchItselfItsOwnBumpIsNoReleaseToBeAbove() {
        git.checkout("main");
        changeOperatorCode();
        operatorVersion("1.1.3", "");
        operatorChart("1.4.4");
        git.commit("a bump on main");
        assertThat(check()).hasSize(2).allMatch(VersionBumpCheck.Finding::bumped)
                .allMatch(f -> f.releasedSince() == null);
    }

    @Test
    void aBumpNotYetCommittedIsComparedWithTheValuesFileAtTheBase() {
        changeOperatorCode();
        git.commit("code first");
        operatorVersion("1.1.3", "issue3456"); // the work tree's values file differs from the base's, uncommitted
        operatorChart("1.4.4");
        assertThat(check()).first().satisfies(f -> {
            assertThat(f.baseVersion()).isEqualTo("1.1.2");
            assertThat(f.bumped()).isTrue();
        });
    }

    /**
     * A chart that deploys an image whose version changed ships another image: it needs a new version, as
     * release-prep bumps it, whether the version sits in its own values (credentialsmanagement-operator) or in a
     * parent's under its key (canvas-oda's {@code .component-operator}). A suffix alone is no change of the chart.
     */
    @Test
    void anImageVersionChangedNeedsTheChartThatDeploysItBumpedAsReleasePrepDoes() {
        Fixtures.replace(git.root().resolve("charts/credentialsmanagement-operator/values.yaml"),
                "credopVersion: 1.0.0", "credopVersion: 1.0.1");
        operatorVersion("1.1.3", "");
        git.commit("new image versions, charts forgotten");
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageFindingMatch("charts/credentialsmanagement-operator/Chart.yaml:18:10: chart"
                        + " credentialsmanagement-operator changed since [0-9a-f]{7} \\(merge-base with main\\) but")
                .hasMessageFindingMatch("charts/component-operator/Chart.yaml:18:10: chart component-operator changed"
                        + " since [0-9a-f]{7} \\(merge-base with main\\) but")
                .hasMessageNotContaining("chart canvas-oda");

        Fixtures.replace(git.root().resolve("charts/credentialsmanagement-operator/Chart.yaml"),
                "\nversion: 1.0.1\n", "\nversion: 1.0.2\n");
        operatorChart("1.4.4");
        git.commit("charts bumped");
        assertThat(check()).filteredOn(f -> f.kind().equals("chart")).extracting(VersionBumpCheck.Finding::name)
                .containsExactlyInAnyOrder("credentialsmanagement-operator", "component-operator");

        Fixtures.replace(git.root().resolve(VALUES), "compopVersion: 1.1.3\n    compopPrereleaseSuffix: \n",
                "compopVersion: 1.1.2\n    compopPrereleaseSuffix: issue3456\n");
        Fixtures.replace(git.root().resolve("charts/component-operator/Chart.yaml"), "\nversion: 1.4.4\n",
                "\nversion: 1.4.3\n");
        Fixtures.replace(git.root().resolve("charts/credentialsmanagement-operator/values.yaml"),
                "credopVersion: 1.0.1", "credopVersion: 1.0.0");
        Fixtures.replace(git.root().resolve("charts/credentialsmanagement-operator/Chart.yaml"),
                "\nversion: 1.0.2\n", "\nversion: 1.0.1\n");
        git.commit("only a suffix");
        assertThat(check()).isEmpty();
    }

    /**
     * Helm knows a chart by its name, not its folder: credentialsmanagement-operator moved under charts/experimental
     * (where oda-canvas keeps oauth2-envoyfilter-operator), with its values file and the config's path to it, is the
     * chart main released as 1.0.1, not a new one: a move alone ships nothing new, a file it no longer has or an image
     * version changed in its moved values file asks for its bump.
     */
    @Test
    void aChartMovedToAnotherFolderIsHeldToTheVersionItHadInTheOldOne() throws Exception {
        String from = "charts/credentialsmanagement-operator";
        String to = "charts/experimental/credentialsmanagement-operator";
        git.checkout("main");
        git.write(from + "/templates/deployment.yaml", "kind: Deployment\n");
        git.commit("a template on main");
        git.checkout("feature/issue3456");
        git.merge("main");
        Files.createDirectories(git.root().resolve("charts/experimental"));
        Files.move(git.root().resolve(from), git.root().resolve(to));
        Fixtures.replace(git.root().resolve(Fixtures.ODA_CANVAS_CONFIG), "valuesYamlFile: " + from + "/values.yaml",
                "valuesYamlFile: " + to + "/values.yaml");
        git.commit("move the chart");
        assertThat(check()).as("a move alone").isEmpty();

        git.delete(to + "/templates/deployment.yaml");
        git.commit("the template dropped");
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class).hasMessageFindingMatch(to
                + "/Chart.yaml:\\d+:\\d+: chart credentialsmanagement-operator changed since [0-9a-f]{7} \\(merge-base"
                + " with main\\) but its version 1.0.1 is not above 1.0.1");
        git.write(to + "/templates/deployment.yaml", "kind: Deployment\n");
        git.commit("the template back");
        assertThat(check()).isEmpty();

        Fixtures.replace(git.root().resolve(to + "/values.yaml"), "credopVersion: 1.0.0", "credopVersion: 1.0.1");
        git.commit("a new image version in the moved values");
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class).hasMessageContaining(
                "chart credentialsmanagement-operator changed since").hasMessageContaining(
                        "its version 1.0.1 is not above 1.0.1");
    }

    @Test
    void codeChangeWithoutBumpFailsNamingTheValuesLine() throws Exception {
        changeOperatorCode();
        git.commit("forgot the bump");
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageFindingMatch("charts/canvas-oda/values.yaml:168:20: image component-operator changed since"
                        + " [0-9a-f]{7} \\(merge-base with main\\) but")
                .hasMessageContaining("its version 1.1.2 is not above 1.1.2");
        assertThat(Files.readString(git.root().resolve("target/oda/check-version-bump.json")))
                .contains("\"passed\": false");
    }

    @Test
    void downgradeAndPrereleaseOfTheSameVersionFail() {
        changeOperatorCode();
        operatorVersion("1.1.1", "");
        git.commit("downgrade");
        assertThatThrownBy(this::check).hasMessageContaining("its version 1.1.1 is not above 1.1.2");
        Fixtures.replace(git.root().resolve(VALUES), "compopVersion: 1.1.1\n    compopPrereleaseSuffix: \n",
                "compopVersion: 1.1.2\n    compopPrereleaseSuffix: issue3456\n");
        git.commit("a prerelease of the same version");
        assertThatThrownBy(this::check).hasMessageContaining("its version 1.1.2 is not above 1.1.2")
                .hasMessageContaining("a suffix does not count");
    }

    @Test
    void unchangedImagesAndDocsAreNotChecked() {
        git.write("charts/component-operator/README.md", "docs\n");
        git.commit("docs only");
        assertThat(check()).isEmpty();
    }

    /** Helm reads a rule without '/' as a name at any depth: {@code *.bak} leaves out {@code templates/x.bak}. */
    @Test
    void aFileTheChartsHelmignoreLeavesOutAtAnyDepthIsNoChartChange() {
        git.write("charts/component-operator/.helmignore", "# as helm create writes it\n*.bak\n.idea/\n");
        git.write("charts/component-operator/templates/deployment.yaml.bak", "kind: Deployment # old\n");
        git.write("charts/component-operator/templates/.idea/workspace.xml", "<project/>\n");
        git.commit("editor leftovers");
        assertThat(check()).isEmpty();
    }

    @Test
    void aChartUnreadableAtTheMergeBaseHasNoReleaseToBeAboveAndIsSaid() {
        String chart = "charts/component-operator/Chart.yaml";
        String good = git.read(chart);
        String broken = onMain(chart, "\nversion: 1.4.3\n", "\nversion: [1.4.3\n");
        git.write(chart, good).write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # x\n");
        git.commit("mend the chart and change a template");
        RecordingLog log = new RecordingLog();
        assertThat(check(log)).isEmpty();
        assertThat(log.warnings).singleElement().asString().startsWith(chart + " at " + broken.substring(0, 7) + ":")
                .endsWith("(history; the file here is read as it is): the version chart component-operator had"
                        + " there is unknown, so it counts as new since then");
    }

    @Test
    void chartVersionsAreComparedAsHelmReadsThem() {
        String chart = "charts/component-operator/Chart.yaml";
        onMain(chart, "\nversion: 1.4.3\n", "\nversion: \"1.4\"\n");
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # x\n");
        Fixtures.replace(git.root().resolve(chart), "\nversion: \"1.4\"\n", "\nversion: 1.4.1\n");
        git.commit("a template and a bump");
        assertThat(check()).singleElement().satisfies(f -> {
            assertThat(f.baseVersion()).isEqualTo("1.4");
            assertThat(f.bumped()).isTrue();
        });
    }

    @Test
    void aChartVersionAtTheMergeBaseThatHelmCannotReadHasNoReleaseToBeAbove() {
        String chart = "charts/component-operator/Chart.yaml";
        onMain(chart, "\nversion: 1.4.3\n", "\nversion: latest\n");
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # x\n");
        Fixtures.replace(git.root().resolve(chart), "\nversion: latest\n", "\nversion: 1.4.4\n");
        git.commit("a template and a real version");
        RecordingLog log = new RecordingLog();
        assertThat(check(log)).isEmpty();
        assertThat(log.warnings).singleElement().asString().startsWith(chart + ":18:10: chart component-operator had"
                + " version 'latest' at ").containsPattern("at [0-9a-f]{7} \\(merge-base with main\\), which")
                .endsWith(", which is not a version Helm reads: there is no"
                + " release to be above, so the chart is not checked");
    }

    @Test
    void chartChangedWithoutBumpFailsAndWithABumpPasses() {
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("chart template");
        assertThatThrownBy(this::check).hasMessageContaining("charts/component-operator/Chart.yaml:")
                .hasMessageFindingMatch("chart component-operator changed since [0-9a-f]{7} \\(merge-base with main\\)"
                        + " but")
                .hasMessageContaining("its version 1.4.3 is not above 1.4.3");
        operatorChart("1.4.3-LT1");
        git.commit("a prerelease chart version, not above its release");
        assertThatThrownBy(this::check).hasMessageContaining("its version 1.4.3-LT1 is not above 1.4.3: set a higher"
                + " version by hand (oda:release-prep does not promote a prerelease version)");
        Fixtures.replace(git.root().resolve("charts/component-operator/Chart.yaml"), "\nversion: 1.4.3-LT1\n",
                "\nversion: 1.4.4-LT1\n");
        git.commit("chart bump");
        assertThat(check()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("chart");
            assertThat(f.version()).isEqualTo("1.4.4-LT1");
            assertThat(f.bumped()).isTrue();
        });
    }

    @Test
    void aChartVersionHelmCannotReadIsSaidSo() {
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # changed\n");
        operatorChart("1.4.x");
        git.commit("a range for a chart version");
        assertThatThrownBy(this::check).hasMessageContaining("charts/component-operator/Chart.yaml:18:10: chart"
                + " component-operator changed since ").hasMessageContaining(" but its version '1.4.x' is not a version"
                + " Helm reads: write MAJOR.MINOR.PATCH above 1.4.3");
    }

    /** A chart Helm could not package is no chart to skip: its check would pass with its bump unknown. */
    @Test
    void aChangedChartWithoutAVersionOrWithAMappingForItFails() {
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # changed\n");
        Fixtures.replace(git.root().resolve("charts/component-operator/Chart.yaml"), "\nversion: 1.4.3\n", "\n");
        git.commit("the version line lost");
        assertThatThrownBy(this::check).isInstanceOf(InvalidInputException.class).hasMessage(
                "charts/component-operator/Chart.yaml: has no version, which Helm requires of a chart: add version:"
                        + " MAJOR.MINOR.PATCH (e.g. 0.1.0)");
        Fixtures.replace(git.root().resolve("charts/component-operator/Chart.yaml"), "\nappVersion:",
                "\nversion: {major: 1}\nappVersion:");
        git.commit("a version that is a mapping");
        assertThatThrownBy(this::check).isInstanceOf(InvalidInputException.class).hasMessageMatching(
                "charts/component-operator/Chart\\.yaml:\\d+:10: version is not a single value, which Helm requires"
                        + " of a chart: write version: MAJOR.MINOR.PATCH \\(e\\.g\\. 0\\.1\\.0\\)");
    }

    @Test
    void aChartWithoutAVersionStopsNoBranchThatLeavesItAlone() {
        Fixtures.replace(git.root().resolve("charts/oda-webhook/Chart.yaml"), "\nversion: 1.2.3\n", "\n");
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # changed\n");
        operatorChart("1.4.4");
        git.commit("a bumped operator chart; the webhook's version line lost");
        assertThatThrownBy(this::check).as("the changed Chart.yaml itself is the chart's change")
                .hasMessage("charts/oda-webhook/Chart.yaml: has no version, which Helm requires of a chart: add"
                        + " version: MAJOR.MINOR.PATCH (e.g. 0.1.0)");
        git.checkout("main");
        Fixtures.replace(git.root().resolve("charts/oda-webhook/Chart.yaml"), "\nversion: 1.2.3\n", "\n");
        git.commit("on main: the webhook's version line lost");
        git.checkout("feature/issue3456");
        git.merge("main");
        assertThat(check()).extracting(VersionBumpCheck.Finding::name).containsExactly("component-operator");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment\n");
        git.commit("a webhook template");
        assertThatThrownBy(this::check).as("a file of the chart changed").hasMessage("charts/oda-webhook/Chart.yaml:"
                + " has no version, which Helm requires of a chart: add version: MAJOR.MINOR.PATCH (e.g. 0.1.0) (the"
                + " chart of charts/oda-webhook/templates/deployment.yaml)");
    }

    @Test
    void unknownMergeBaseIsAnError() throws Exception {
        git.checkout("main");
        git.git().branchDelete().setBranchNames("feature/issue3456").setForce(true).call();
        git.git().checkout().setOrphan(true).setName("feature/orphan").call();
        git.commit("no common history");
        // all history is here: no fetch can help, a commit to compare with can
        assertThatThrownBy(this::check).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("compares with the merge-base, which is unknown here (HEAD has no common"
                        + " ancestor with [main] in this full clone): pass " + Setting.SINCE.set("<ref>") + " with a"
                        + " commit this branch shares history with (no fetch joins unrelated histories)")
                .hasMessageNotContaining("fetch the release branch");
    }
}
