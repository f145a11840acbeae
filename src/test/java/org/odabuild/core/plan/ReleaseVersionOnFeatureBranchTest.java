package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.check.VersionBumpCheck;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * The how-to's step 5 on a feature branch: after the suffix is cleared for the merge, a push builds nothing and
 * stays green; code changed without a suffix is still refused.
 */
class ReleaseVersionOnFeatureBranchTest {

    @TempDir
    Path dir;

    TestGit git;
    final Map<String, String> env = new HashMap<>();
    Optional<String> since = Optional.empty();
    Optional<Boolean> includeUncommitted = Optional.of(false);

    @BeforeEach
    void repo() {
        git = TestGit.init(dir.resolve("repo"))
                .write("dockerbuild-config.yaml", PlannerTest.CONFIG)
                .write("charts/a/values.yaml", PlannerTest.VALUES)
                .write("src/op/Dockerfile", "FROM scratch\n")
                .write("src/op/main.py", "print(1)\n")
                .write("src/hook/Dockerfile", "FROM scratch\n")
                .write("src/hook/app.py", "print(2)\n");
        git.commit("initial");
        git.branch("feature/issue3456");
    }

    @AfterEach
    void close() {
        git.close();
    }

    Plan plan() {
        ResolveRequest resolve = new ResolveRequest(git.root(), Optional.empty(), Optional.empty(),
                git.root().resolve("target/oda"));
        return Planner.plan(new PlanRequest(resolve, Optional.empty(), BranchPolicy.defaults(), since,
                includeUncommitted, List.of(), false, env), new RecordingLog());
    }

    PlannedImage op() {
        return op(plan());
    }

    static PlannedImage op(Plan plan) {
        return plan.images().stream().filter(i -> i.key().equals("op")).findFirst().orElseThrow();
    }

    void values(String version, String suffix) {
        git.write("charts/a/values.yaml", PlannerTest.VALUES.replace("version: 1.0.0\n  prereleaseSuffix:",
                "version: " + version + "\n  prereleaseSuffix:" + (suffix.isEmpty() ? "" : " " + suffix)));
    }

    @Test
    void afterTheSuffixIsClearedTheBranchBuildsNothingUntilTheCodeChangesAgain() {
        values("1.0.1", "issue3456");
        git.commit("op: prerelease");
        git.write("src/op/main.py", "print('first')\n");
        git.commit("op: first change");
        assertThat(op().decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
        git.write("src/op/main.py", "print('second')\n");
        git.commit("op: second change");
        assertThat(op().decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);

        values("1.0.1", "");
        String cleared = git.commit("[skip tests] remove prerelease suffixes");
        PlannedImage op = op();
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);
        assertThat(op.decision().reason()).startsWith("release 1.0.1 is built on master/main after the merge")
                .contains("the last one with a prereleaseSuffix");
        assertThat(op.changed()).as("it did change since the merge-base").isTrue();

        git.write("src/op/main.py", "print('third, without a suffix')\n");
        git.commit("op: change after the release prep");
        op = op();
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);
        assertThat(op.decision().reason()).startsWith("release versions can only be built from master/main")
                .contains("its sources changed in the commits after").contains("src/op/main.py");
        assertThat(cleared).isNotEmpty();
    }

    @Test
    void aCommitThatMovesTheValuesKeysAndClearsTheSuffixReadsTheEarlierOnesWhereTheyHadIt() {
        values("1.0.1", "issue3456");
        git.write("src/op/main.py", "print('first')\n");
        String withSuffix = git.commit("op 1.0.1-issue3456");
        // the chart's values are restructured and the suffix cleared for the merge, in one commit
        git.write("dockerbuild-config.yaml", PlannerTest.CONFIG.replace(".op.", ".operator.deployment."))
                .write("charts/a/values.yaml", PlannerTest.VALUES.replace("op:\n  image: org/op\n  version: 1.0.0\n"
                        + "  prereleaseSuffix:\n", "operator:\n  deployment:\n    image: org/op\n    version: 1.0.1\n"
                        + "    prereleaseSuffix:\n"));
        git.commit("[skip tests] restructure the values, remove prerelease suffixes");
        PlannedImage op = op();
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);
        assertThat(op.decision().reason()).contains("the commits after " + withSuffix.substring(0, 7)
                + ", the last one with a prereleaseSuffix");
    }

    @Test
    void forgottenSuffixIsStillRefused() {
        git.write("src/op/main.py", "print('no suffix ever')\n");
        git.commit("op: change");
        values("1.0.1", "");
        git.commit("op: bump without suffix");
        PlannedImage op = op();
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);
        assertThat(op.decision().reason()).contains("never had a prereleaseSuffix on this branch");
    }

    @Test
    void valuesOnlyBumpOfAReleaseVersionIsNotRefused() {
        values("1.1.0", "");
        git.commit("bump op for the next release");
        PlannedImage op = op();
        assertThat(op.changed()).isTrue();
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);
    }

    @Test
    void newEntryWithoutSuffixIsNotRefused() {
        git.write("dockerbuild-config.yaml", PlannerTest.CONFIG + """
                extra:
                  valuesYamlFile: charts/a/values.yaml
                  valuesPathImage: .extra.image
                  valuesPathVersion: .extra.version
                  valuesPathPrereleaseSuffix: .extra.prereleaseSuffix
                  paths: [src/extra/*]
                  buildContext: src/extra
                """);
        git.write("charts/a/values.yaml", PlannerTest.VALUES + "extra:\n  image: org/extra\n  version: 0.1.0\n"
                + "  prereleaseSuffix:\n");
        git.commit("add a values entry");
        ResolveRequest resolve = new ResolveRequest(git.root(), Optional.empty(), Optional.empty(),
                git.root().resolve("target/oda"));
        Plan plan = Planner.plan(new PlanRequest(resolve, Optional.empty(), BranchPolicy.defaults(), since,
                includeUncommitted, List.of(), false, env), new RecordingLog());
        assertThat(plan.refused()).isEmpty();
        assertThat(plan.images()).filteredOn(i -> i.key().equals("extra")).singleElement()
                .satisfies(i -> assertThat(i.decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION));
    }

    @Test
    void valuesFileUnderItsOwnPathsDoesNotCountWhenOnlyTheEntryChanged() {
        // like oda-canvas' baseimage-kubectl-curl, whose version.yaml lies under its paths
        git.write("dockerbuild-config.yaml", PlannerTest.CONFIG.replace("    - src/op/**/*\n",
                "    - src/op/**/*\n    - charts/a/**/*\n"));
        git.commit("op watches its chart");
        values("1.0.1", "issue3456");
        git.commit("op: prerelease");
        values("1.0.1", "");
        git.commit("clear suffix");
        assertThat(op().decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);

        git.write("charts/a/values.yaml", PlannerTest.VALUES.replace("version: 1.0.0\n  prereleaseSuffix:",
                "version: 1.0.1\n  prereleaseSuffix:") + "other: setting\n");
        git.commit("another setting in the same file");
        assertThat(op().decision().action()).as("a real change of a file under its paths").isEqualTo(
                ImageAction.REFUSE);
    }

    /** The same when the commit that clears the suffix also moves the entry's keys with the config. */
    @Test
    void valuesFileUnderItsOwnPathsDoesNotCountWhenTheEntryOnlyMovedWithTheConfig() {
        String config = PlannerTest.CONFIG.replace("    - src/op/**/*\n", "    - src/op/**/*\n    - charts/a/**/*\n");
        git.write("dockerbuild-config.yaml", config);
        git.commit("op watches its chart");
        values("1.0.1", "issue3456");
        git.commit("op: prerelease");
        git.write("dockerbuild-config.yaml", config.replace(".op.", ".operator.deployment."))
                .write("charts/a/values.yaml", PlannerTest.VALUES.replace("op:\n  image: org/op\n  version: 1.0.0\n"
                        + "  prereleaseSuffix:\n", "operator:\n  deployment:\n    image: org/op\n    version: 1.0.1\n"
                        + "    prereleaseSuffix:\n"));
        git.commit("clear the suffix; op's values move under operator.deployment");
        assertThat(op().decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);
    }

    @Test
    void onCiThePushedCommitsDecide() throws Exception {
        values("1.0.1", "issue3456");
        git.write("src/op/main.py", "print('first')\n");
        String pushed = git.commit("op: prerelease and change");
        values("1.0.1", "");
        git.commit("[skip tests] remove prerelease suffixes");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"before\": \"" + pushed + "\"}");
        env.put("CI", "true");
        env.put("GITHUB_EVENT_PATH", event.toString());
        PlannedImage op = op();
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);
        assertThat(op.decision().reason()).contains("the pushed commits " + pushed.substring(0, 7));

        // a push that carries a code change of an image without a suffix is refused
        git.write("src/op/main.py", "print('second')\n");
        git.commit("op: change");
        assertThat(op().decision().action()).isEqualTo(ImageAction.REFUSE);
    }

    @Test
    void sinceNamesTheCommitsBeingBuilt() {
        values("1.0.1", "issue3456");
        git.write("src/op/main.py", "print('first')\n");
        String first = git.commit("op: prerelease and change");
        git.write("src/op/main.py", "print('second')\n");
        git.commit("op: second");
        values("1.0.1", "");
        String cleared = git.commit("clear");
        since = Optional.of(cleared);
        assertThat(op().decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
        since = Optional.of(first);
        assertThat(op().decision().action()).as("oda.since covers a code change without a suffix")
                .isEqualTo(ImageAction.REFUSE);
    }

    @Test
    void suffixClearedInTheWorkTreeOnlyCountsTheUncommittedFiles() {
        values("1.0.1", "issue3456");
        git.write("src/op/main.py", "print('first')\n");
        git.commit("op: prerelease and change");
        values("1.0.1", "");
        includeUncommitted = Optional.of(true);
        assertThat(op().decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);
        git.write("src/op/main.py", "print('uncommitted')\n");
        assertThat(op().decision().action()).isEqualTo(ImageAction.REFUSE);
    }

    @Test
    void mainMergedIntoTheBranchAfterTheReleasePrepBringsNoSourceChangeOfItsOwn() {
        values("1.0.1", "issue3456");
        git.write("src/op/main.py", "print('first')\n");
        git.commit("op: prerelease and change");
        values("1.0.1", "");
        git.commit("[skip tests] remove prerelease suffixes");
        // meanwhile main changes a file under op's paths (another pull request), and main is merged into the branch
        git.checkout("main");
        git.write("src/op/README.txt", "docs from another pull request\n");
        git.commit("main: op docs");
        git.checkout("feature/issue3456");
        git.merge("main");
        PlannedImage op = op();
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);

        git.write("src/op/main.py", "print('after the merge, without a suffix')\n");
        git.commit("op: change");
        assertThat(op().decision().action()).isEqualTo(ImageAction.REFUSE);
    }

    @Test
    void aSuffixInMainsHistoryBelowTheForkIsNotTheBranchs() {
        // main carried a suffix once, before this branch was forked; the branch never set one
        git.checkout("main");
        values("0.9.0", "old1");
        git.commit("a suffix on main long ago");
        values("1.0.0", "");
        git.commit("released");
        git.branch("feature/b2");
        git.checkout("main");
        git.write("README.md", "main moves on\n");
        git.commit("main: docs");
        git.checkout("feature/b2");
        git.merge("main");
        git.write("src/op/main.py", "print('no suffix on this branch')\n");
        git.commit("op: change");
        PlannedImage op = op();
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);
        assertThat(op.decision().reason()).contains("never had a prereleaseSuffix on this branch");
    }

    /** The how-to's branch: op's prerelease and a change, then "[skip tests]" clearing the suffix; that commit. */
    String changedThenClearedForTheMerge() {
        values("1.0.1", "issue3456");
        git.write("src/op/main.py", "print('first')\n");
        git.commit("op: prerelease and change");
        values("1.0.1", "");
        return git.commit("[skip tests] remove prerelease suffixes");
    }

    /**
     * GitHub's merge queue builds the pull request's merge on the queue's entry ahead of it ({@code merge_group}):
     * that entry is the base, and the pull request's own last commit is the merge's other parent.
     */
    @Test
    void aMergeQueueBuildComparesWithTheQueuesBaseAndReadsThePullRequestsLastCommit() throws Exception {
        String cleared = changedThenClearedForTheMerge();
        // the queue's entry ahead: another pull request, merged onto main in the queue, not on main yet
        git.checkout("main");
        git.detach();
        git.write("src/hook/app.py", "print('from #11')\n");
        String ahead = git.commit("Merge pull request #11 from o/feature/other");
        String merge = git.merge("feature/issue3456");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"merge_group\": {\"head_sha\": \"" + merge + "\", \"base_sha\": \"" + ahead
                + "\", \"base_ref\": \"refs/heads/main\", \"head_commit\": {\"message\": \"Merge pull request #12"
                + " from o/feature/issue3456\\n\\nFix 3456\"}}}");
        env.put("CI", "true");
        env.put("GITHUB_REF_NAME", "gh-readonly-queue/main/pr-12-" + ahead);
        env.put("GITHUB_EVENT_PATH", event.toString());

        Plan plan = plan();
        assertThat(plan.changes().baseReason()).isEqualTo("the merge queue's base " + ahead.substring(0, 7));
        assertThat(plan.changes().files()).as("the entry ahead is not this pull request's").contains(
                "src/op/main.py").doesNotContain("src/hook/app.py");
        assertThat(plan.pullRequestHead()).contains(cleared);
        assertThat(plan.skipTests().reason()).isEqualTo("the subject of the pull request's last commit "
                + cleared.substring(0, 7) + " contains [skip tests]");
        assertThat(plan.toBuild()).isEmpty();
        RecordingLog checked = new RecordingLog();
        VersionBumpCheck.run(new PlanRequest(new ResolveRequest(git.root(), Optional.empty(), Optional.empty(),
                git.root().resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), since,
                includeUncommitted, List.of(), false, env), checked);
        assertThat(checked.infos).as("the base is named as the plan names it").contains("Versions bumped: 1 changed"
                + " image(s) and 0 changed chart(s) are above their versions at the merge queue's base "
                + ahead.substring(0, 7) + ".");

        // the title in the queue's commit message, with a last commit that does not say it
        git.checkout("feature/issue3456");
        git.write("src/op/notes.txt", "n\n");
        git.commit("notes");
        git.checkout("main");
        git.detach();
        String again = git.merge("feature/issue3456");
        Files.writeString(event, "{\"merge_group\": {\"head_sha\": \"" + again + "\", \"base_sha\": \""
                + git.git().getRepository().resolve("main").getName() + "\", \"head_commit\": {\"message\":"
                + " \"Merge pull request #12 from o/feature/issue3456\\n\\n[skip tests] Fix 3456\"}}}");
        assertThat(plan().skipTests().reason()).isEqualTo("the merge queue's commit message (the pull request's"
                + " title) contains [skip tests]");
    }

    /**
     * The README's workflow plans a pull request on GitHub's {@code refs/pull/N/merge}: HEAD is the merge of the
     * branch into main, its subject "Merge ... into ...", its first-parent line main's.
     */
    @Test
    void aPullRequestBuildOfTheMergeCommitReadsTheBranchsOwnCommits() throws Exception {
        String cleared = changedThenClearedForTheMerge();
        // meanwhile another pull request is merged: it bumps hook in the same values file and touches op's folder
        git.checkout("main");
        git.write("charts/a/values.yaml", PlannerTest.VALUES.replace("version: 2.0.0", "version: 2.0.1"));
        git.write("src/op/README.txt", "docs from another pull request\n");
        git.commit("main: hook 2.0.1");
        git.detach();
        String merge = git.merge("feature/issue3456");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\": {\"title\": \"Fix 3456\", \"head\": {\"sha\": \"" + cleared
                + "\"}}}");
        env.put("CI", "true");
        env.put("GITHUB_HEAD_REF", "feature/issue3456");
        env.put("GITHUB_EVENT_PATH", event.toString());

        Plan plan = plan();
        assertThat(plan.head().id()).as("what is built is the merge").isEqualTo(merge);
        assertThat(plan.pullRequestHead()).contains(cleared);
        assertThat(plan.skipTests().skip()).isTrue();
        assertThat(plan.skipTests().reason()).isEqualTo("the subject of the pull request's last commit "
                + cleared.substring(0, 7) + " contains [skip tests]");
        PlannedImage op = op(plan);
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);
        assertThat(op.decision().reason()).contains("the last one with a prereleaseSuffix");

        // the same commit without the marker: it only clears suffixes
        git.checkout("feature/issue3456");
        git.git().commit().setAmend(true).setMessage("remove prerelease suffixes").setSign(false).call();
        String amended = git.git().getRepository().resolve("HEAD").getName();
        git.checkout("main");
        git.detach();
        git.merge("feature/issue3456");
        Files.writeString(event, "{\"pull_request\": {\"title\": \"Fix 3456\", \"head\": {\"sha\": \"" + amended
                + "\"}}}");
        plan = plan();
        assertThat(plan.skipTests().reason()).isEqualTo("the pull request's last commit " + amended.substring(0, 7)
                + " only clears prereleaseSuffix values");
        assertThat(op(plan).decision().action()).isEqualTo(ImageAction.SKIP_RELEASE_VERSION);

        // a code change on the branch after the release prep is still refused, in the merge too
        git.checkout("feature/issue3456");
        git.write("src/op/main.py", "print('second, without a suffix')\n");
        String changed = git.commit("op: change");
        git.checkout("main");
        git.detach();
        git.merge("feature/issue3456");
        Files.writeString(event, "{\"pull_request\": {\"head\": {\"sha\": \"" + changed + "\"}}}");
        plan = plan();
        assertThat(plan.skipTests().skip()).isFalse();
        assertThat(plan.pullRequestHead()).contains(changed);
        assertThat(op(plan).decision().action()).isEqualTo(ImageAction.REFUSE);
        assertThat(op(plan).decision().reason()).contains("src/op/main.py").doesNotContain("README.txt");
    }
}
