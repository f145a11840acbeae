package org.odabuild.core.edit;

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
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * oda:release-prep bumps the charts oda-canvas maintainers bump, and only those: one test per rule, on a git copy
 * of the real oda-canvas charts and values (every chart's values.yaml included).
 */
class ReleasePrepRulesTest {

    static final String CANVAS = "charts/canvas-oda/Chart.yaml";
    static final String WEBHOOK = "charts/oda-webhook/Chart.yaml";
    static final String OPERATOR = "charts/component-operator/Chart.yaml";
    static final String VALUES = "charts/canvas-oda/values.yaml";

    @TempDir
    Path dir;
    TestGit git;
    final RecordingLog log = new RecordingLog();

    @BeforeEach
    void odaCanvas() {
        git = TestGit.init(dir.resolve("repo"));
        Fixtures.copyOdaCanvas(git.root());
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment\n")
                .write("charts/oda-webhook/README.md", "# webhook\n")
                .write(".gitignore", "target/\n");
        git.commit("oda-canvas");
    }

    @AfterEach
    void close() {
        git.close();
    }

    List<ScalarEdit> releasePrep() {
        Path root = git.root();
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), Optional.empty(),
                Optional.of(true), List.of(), false, Map.of());
        return ReleasePrepCommand.run(new ReleasePrepRequest(plan, Bump.PATCH, false), log).edits();
    }

    static List<String> shown(List<ScalarEdit> edits) {
        return edits.stream().map(e -> e.file() + " " + e.path() + " " + e.oldValue() + " -> " + e.newValue() + " "
                + e.rule()).toList();
    }

    void replace(String file, String from, String to) {
        Fixtures.replace(git.root().resolve(file), from, to);
    }

    @Test
    void chartFilesChangedBumpTheChartAndEveryChartThatDependsOnIt() {
        git.branch("feature/a");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("webhook template");
        assertThat(shown(releasePrep())).containsExactlyInAnyOrder(
                WEBHOOK + " .version 1.2.3 -> 1.2.4 chart-files-changed (charts/oda-webhook/templates/deployment.yaml)",
                CANVAS + " .dependencies[10].version 1.2.3 -> 1.2.4 dependency-version (oda-webhook)",
                CANVAS + " .version 1.2.5 -> 1.2.6 dependency-bumped (oda-webhook)");
        git.commit("release prep");
        assertThat(releasePrep()).as("once per branch").isEmpty();
    }

    @Test
    void aChartThatAnotherBranchReleasedSinceThisOneLeftGoesAboveThatRelease() {
        git.branch("feature/a");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # a\n");
        git.commit("a's template");
        releasePrep();
        git.commit("[skip tests] a's release prep");
        git.checkout("main");
        git.branch("feature/b");
        git.write("charts/oda-webhook/templates/service.yaml", "kind: Service # b\n");
        git.commit("b's template");
        git.checkout("main");
        git.merge("feature/a"); // main releases oda-webhook 1.2.4 and canvas-oda 1.2.6
        git.checkout("feature/b");

        // b bumped from 1.2.3 to 1.2.4 would merge without a conflict into the 1.2.4 that a released, and the pull
        // request's check would fail on it
        assertThat(shown(releasePrep())).containsExactlyInAnyOrder(
                WEBHOOK + " .version 1.2.3 -> 1.2.5 chart-files-changed (charts/oda-webhook/templates/service.yaml)",
                CANVAS + " .dependencies[10].version 1.2.3 -> 1.2.5 dependency-version (oda-webhook)",
                CANVAS + " .version 1.2.5 -> 1.2.7 dependency-bumped (oda-webhook)");
        assertThat(log.infos).contains("chart oda-webhook 1.2.3 is not above the 1.2.4 that main has released since"
                + " this branch left it: its new version goes up from 1.2.4");
        git.commit("[skip tests] b's release prep");
        assertThat(releasePrep()).as("1.2.5 is ahead of main's 1.2.4").isEmpty();
    }

    @Test
    void chartYamlChangedBeyondItsVersionIsAChartChange() {
        git.branch("feature/g");
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\nversion: 1.2.3\nkubeVersion: \">=1.29.0\"\n");
        git.commit("webhook needs a newer kubernetes");
        assertThat(shown(releasePrep())).contains(
                WEBHOOK + " .version 1.2.3 -> 1.2.4 chart-files-changed (" + WEBHOOK + ")");
    }

    @Test
    void documentationIsNotARelease() {
        git.branch("feature/docs");
        git.write("charts/oda-webhook/README.md", "# webhook, better explained\n")
                .write("charts/oda-webhook/docs/usage.md", "how\n");
        git.commit("docs");
        assertThat(releasePrep()).isEmpty();
    }

    @Test
    void twoImagesOfOneChartBumpItOnceAndTheRuleNamesBoth() {
        git.branch("feature/keycloak");
        replace(VALUES, "    idkopVersion: 1.1.0\n", "    idkopVersion: 1.1.1\n");
        replace(VALUES, "    idlistkeyVersion: 1.1.0\n", "    idlistkeyVersion: 1.1.1\n");
        git.commit("new keycloak operator and listener");
        assertThat(shown(releasePrep())).contains("charts/identityconfig-operator-keycloak/Chart.yaml .version 1.2.7"
                + " -> 1.2.8 image-version-changed (identityconfig-operator-keycloak, identity-listener-keycloak)");
    }

    @Test
    void imageVersionInTheParentsValuesBumpsTheSubchartThatDeploysIt() {
        git.branch("feature/b");
        replace(VALUES, "  version: 1.0.2\n  prereleaseSuffix: \n  imagePullPolicy", "  version: 1.0.3\n"
                + "  prereleaseSuffix: \n  imagePullPolicy");
        replace(VALUES, "    compopVersion: 1.1.2\n", "    compopVersion: 1.1.3\n");
        git.commit("new image versions");
        String subchartValues = Fixtures.read(git.root().resolve("charts/component-operator/values.yaml"));
        assertThat(shown(releasePrep())).containsExactlyInAnyOrder(
                WEBHOOK + " .version 1.2.3 -> 1.2.4 image-version-changed (compcrdwebhook)",
                OPERATOR + " .version 1.4.3 -> 1.4.4 image-version-changed (component-operator)",
                CANVAS + " .dependencies[10].version 1.2.3 -> 1.2.4 dependency-version (oda-webhook)",
                CANVAS + " .dependencies[4].version 1.4.3 -> 1.4.4 dependency-version (component-operator)",
                CANVAS + " .version 1.2.5 -> 1.2.6 dependency-bumped (oda-webhook)");
        assertThat(Fixtures.read(git.root().resolve("charts/component-operator/values.yaml")))
                .as("the subchart's own default copy stays").isEqualTo(subchartValues);
    }

    @Test
    void dependentsAreBumpedTransitivelyAndOnce() {
        git.write("charts/umbrella/Chart.yaml", "apiVersion: v2\nname: umbrella\nversion: 3.0.0\ndependencies:\n"
                + "  - name: canvas-oda\n    version: \"1.2.5\"\n    repository: 'file://../canvas-oda'\n"
                + "  - name: oda-webhook\n    version: \"1.2.3\"\n    repository: 'file://../oda-webhook'\n");
        git.commit("an umbrella chart on main");
        git.branch("feature/c");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("webhook template");
        List<String> edits = shown(releasePrep());
        assertThat(edits).filteredOn(e -> e.startsWith("charts/umbrella/Chart.yaml")).containsExactlyInAnyOrder(
                "charts/umbrella/Chart.yaml .dependencies[1].version 1.2.3 -> 1.2.4 dependency-version (oda-webhook)",
                "charts/umbrella/Chart.yaml .dependencies[0].version 1.2.5 -> 1.2.6 dependency-version (canvas-oda)",
                "charts/umbrella/Chart.yaml .version 3.0.0 -> 3.0.1 dependency-bumped (oda-webhook)");
        assertThat(edits).filteredOn(e -> e.contains(" .version ")).hasSize(3);
    }

    /** A chart moved to another folder is the chart the base released under its name, and is bumped from there. */
    @Test
    void aChartMovedToAnotherFolderIsBumpedFromTheVersionItHadInTheOldOne() throws Exception {
        git.branch("feature/m");
        String moved = "charts/experimental/oda-webhook/Chart.yaml";
        Files.createDirectories(git.root().resolve("charts/experimental"));
        Files.move(git.root().resolve("charts/oda-webhook"), git.root().resolve("charts/experimental/oda-webhook"));
        replace(CANVAS, "repository: 'file://../oda-webhook'", "repository: 'file://../experimental/oda-webhook'");
        git.commit("the webhook chart moves");
        assertThat(shown(releasePrep())).as("the move alone: only the chart whose Chart.yaml names the new folder")
                .containsExactly(CANVAS + " .version 1.2.5 -> 1.2.6 chart-files-changed (" + CANVAS + ")");

        git.write("charts/experimental/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("release prep and a webhook template");
        assertThat(shown(releasePrep())).containsExactlyInAnyOrder(
                moved + " .version 1.2.3 -> 1.2.4 chart-files-changed (charts/experimental/oda-webhook/templates/"
                        + "deployment.yaml)",
                CANVAS + " .dependencies[10].version 1.2.3 -> 1.2.4 dependency-version (oda-webhook)");
        assertThat(log.infos).contains("chart canvas-oda 1.2.6 is already ahead of 1.2.5");
    }

    @Test
    void aChartCreatedOnTheBranchIsNotBumped() {
        git.branch("feature/d");
        git.write("charts/brand-new/Chart.yaml", "apiVersion: v2\nname: brand-new\nversion: 0.1.0\ndependencies:\n"
                + "  - name: oda-webhook\n    version: \"1.2.3\"\n    repository: 'file://../oda-webhook'\n")
                .write("charts/brand-new/templates/a.yaml", "kind: ConfigMap\n")
                .write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("a new chart");
        List<String> edits = shown(releasePrep());
        assertThat(edits).filteredOn(e -> e.startsWith("charts/brand-new/")).containsExactly(
                "charts/brand-new/Chart.yaml .dependencies[0].version 1.2.3 -> 1.2.4 dependency-version (oda-webhook)");
        assertThat(log.infos).anyMatch(l -> l.startsWith("chart brand-new is new on this branch: not bumped"));
    }

    @Test
    void clearingLeftoverSuffixesBumpsNothing() {
        replace(VALUES, "    idkopPrereleaseSuffix: \n", "    idkopPrereleaseSuffix: issue413\n");
        git.commit("a suffix left over on main");
        git.branch("feature/e");
        assertThat(shown(releasePrep())).containsExactly(
                VALUES + " .identityconfig-operator-keycloak.deployment.idkopPrereleaseSuffix issue413 ->  "
                        + "suffix-cleared");
        git.commit("[skip tests] clear the leftover suffix");
        assertThat(releasePrep()).isEmpty();
    }

    @Test
    void aPrereleaseChartVersionIsNeverPromoted() {
        replace(CANVAS, "\nversion: 1.2.5\n", "\nversion: 1.2.6-LT4\n");
        git.commit("canvas-oda in a prerelease on main");
        git.branch("feature/f");
        git.write("charts/canvas-oda/templates/extra.yaml", "kind: ConfigMap\n");
        git.commit("a canvas template");
        assertThat(releasePrep()).isEmpty();
        assertThat(log.warnings).anyMatch(w -> w.contains("chart canvas-oda needs a new version")
                && w.contains("1.2.6-LT4 has a prerelease part that release-prep does not promote"));
        assertThat(Fixtures.read(git.root().resolve(CANVAS))).contains("\nversion: 1.2.6-LT4\n");
    }

    @Test
    void aChartYamlBrokenOnMainAndMendedOnTheBranchDoesNotStopTheBranch() {
        // a merge to main left the webhook chart unreadable; the branch mends it and changes a template
        String good = Fixtures.read(git.root().resolve(WEBHOOK));
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\nversion: [1.2.3\n");
        String main = git.commit("a bad merge");
        git.branch("feature/mend");
        git.write(WEBHOOK, good).write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # mended\n");
        git.commit("mend the chart");
        assertThat(shown(releasePrep())).containsExactlyInAnyOrder(
                WEBHOOK + " .version 1.2.3 -> 1.2.4 chart-files-changed (charts/oda-webhook/Chart.yaml)",
                CANVAS + " .dependencies[10].version 1.2.3 -> 1.2.4 dependency-version (oda-webhook)",
                CANVAS + " .version 1.2.5 -> 1.2.6 dependency-bumped (oda-webhook)");
        assertThat(log.warnings).containsExactly(WEBHOOK + " at " + main.substring(0, 7) + ":32:1: invalid YAML:"
                + " expected ',' or ']', but got ? (while parsing a flow sequence) (history; the file here is read as it"
                + " is): the version chart oda-webhook had there is unknown, so it counts as new since then");
    }

    @Test
    void aChartVersionHelmCannotReadIsSaidWithItsLine() {
        git.branch("feature/v");
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\nversion: 1.2.x\n");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("a range for a chart version");
        assertThatThrownBy(this::releasePrep).isInstanceOf(InvalidInputException.class).hasMessage(WEBHOOK
                + ":18:10: chart version '1.2.x' is not a version Helm reads: write MAJOR.MINOR.PATCH (e.g. 1.2.4) and"
                + " run release-prep again");
    }

    @Test
    void aChartVersionLoweredOnTheBranchGoesUpFromTheMergeBase() {
        git.branch("feature/low");
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\nversion: 1.2\n");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("a webhook template; its version shortened by mistake");
        assertThat(shown(releasePrep())).containsExactlyInAnyOrder(
                WEBHOOK + " .version 1.2 -> 1.2.4 chart-files-changed (charts/oda-webhook/templates/deployment.yaml)",
                CANVAS + " .dependencies[10].version 1.2.3 -> 1.2.4 dependency-version (oda-webhook)",
                CANVAS + " .version 1.2.5 -> 1.2.6 dependency-bumped (oda-webhook)");
        assertThat(log.infos).contains("chart oda-webhook 1.2.0 is below its 1.2.3 at the merge-base: its new"
                + " version goes up from 1.2.3");
    }

    @Test
    void aChartVersionLoweredBelowAPrereleaseIsSaidNotPromoted() {
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\nversion: 1.3.0-rc\n");
        git.commit("the webhook chart in a prerelease on main");
        git.branch("feature/low");
        replace(WEBHOOK, "\nversion: 1.3.0-rc\n", "\nversion: 1.2.0\n");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("a webhook template; its version set back by mistake");
        assertThat(shown(releasePrep())).isEmpty();
        assertThat(log.warnings).contains("chart oda-webhook needs a new version (chart-files-changed"
                + " (charts/oda-webhook/templates/deployment.yaml)), but its 1.2.0 is below its 1.3.0-rc at the"
                + " merge-base, a prerelease version that release-prep does not promote: set its version in " + WEBHOOK
                + " by hand");
    }

    @Test
    void aChangedChartWithoutAVersionIsSaidAndNothingIsWritten() {
        git.branch("feature/lost");
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\n");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("a webhook template; the version line lost");
        String canvas = Fixtures.read(git.root().resolve(CANVAS));
        assertThatThrownBy(this::releasePrep).isInstanceOf(InvalidInputException.class).hasMessage(WEBHOOK
                + ": has no version, which Helm requires of a chart: add version: MAJOR.MINOR.PATCH (e.g. 0.1.0)");
        assertThat(Fixtures.read(git.root().resolve(CANVAS))).isEqualTo(canvas);
    }

    @Test
    void aShortChartVersionIsBumpedAsHelmReadsIt() {
        // Helm reads v1.2 as 1.2.0
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\nversion: v1.2\n");
        git.commit("a short chart version on main");
        git.branch("feature/v");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("a webhook template");
        // the chart keeps the v its owners write; the dependency pins the number, as oda-canvas pins all of them
        assertThat(shown(releasePrep())).contains(WEBHOOK + " .version v1.2 -> v1.2.1 chart-files-changed"
                + " (charts/oda-webhook/templates/deployment.yaml)", CANVAS + " .dependencies[10].version 1.2.3 -> 1.2.1"
                + " dependency-version (oda-webhook)");
    }

    @Test
    void anOrphanBranchIsToldToNameACommitAndNothingIsWritten() throws Exception {
        git.git().checkout().setOrphan(true).setName("feature/orphan").call();
        git.commit("history of its own");
        String values = Fixtures.read(git.root().resolve(VALUES));
        assertThatThrownBy(this::releasePrep).isInstanceOf(InvalidInputException.class).hasMessage("oda:release-prep"
                + " compares the branch with its merge-base, which is unknown here (HEAD has no common ancestor with"
                + " [main] in this full clone): pass " + Setting.SINCE.set("<ref>") + " with a commit this branch"
                + " shares history with (no fetch joins unrelated histories)");
        assertThat(Fixtures.read(git.root().resolve(VALUES))).isEqualTo(values);
    }

    @Test
    void aChartVersionAlreadyAheadIsPinnedByItsNumber() {
        git.branch("feature/ahead");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        replace(WEBHOOK, "\nversion: 1.2.3\n", "\nversion: v1.3.0\n");
        git.commit("a webhook template, its chart set ahead by hand");
        assertThat(shown(releasePrep())).containsExactlyInAnyOrder(
                CANVAS + " .dependencies[10].version 1.2.3 -> 1.3.0 dependency-version (oda-webhook)",
                CANVAS + " .version 1.2.5 -> 1.2.6 dependency-bumped (oda-webhook)");
        git.commit("release prep");
        assertThat(releasePrep()).as("once per branch").isEmpty();
    }

    /**
     * A chart that keeps a Chart.lock (oda-canvas' canvas-oda kept one in 2024) and whose dependency release-prep
     * pins anew: helm dependency build would refuse the lock, whose digest only Helm computes. The warning names the
     * lock and the command that writes it; a chart without a lock, and a dependency left as it was, say nothing.
     */
    @Test
    void aChartLockThatTheNewDependencyVersionPutsOutOfSyncIsNamedWithTheCommandThatWritesIt() {
        git.write("charts/canvas-oda/Chart.lock", "dependencies:\n- name: oda-webhook\n  repository:"
                + " file://../oda-webhook\n  version: 1.2.3\ndigest: sha256:00\ngenerated: \"2024-05-05T13:28:03Z\"\n")
                .write("charts/oda-webhook/Chart.lock", "dependencies: []\ndigest: sha256:00\n");
        git.commit("locks");
        git.branch("feature/lock");
        git.write("charts/oda-webhook/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("webhook template");
        releasePrep();
        assertThat(log.warnings).containsExactly("charts/canvas-oda/Chart.lock no longer matches the dependencies of"
                + " charts/canvas-oda/Chart.yaml (oda-webhook 1.2.4), and helm dependency build refuses a lock out of"
                + " sync with them: run helm dependency update charts/canvas-oda and commit"
                + " charts/canvas-oda/Chart.lock with these changes");
    }
}
