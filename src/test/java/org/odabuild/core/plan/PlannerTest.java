package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.policy.BranchKind;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

class PlannerTest {

    static final String CONFIG = """
            op:
              valuesYamlFile: charts/a/values.yaml
              valuesPathImage: .op.image
              valuesPathVersion: .op.version
              valuesPathPrereleaseSuffix: .op.prereleaseSuffix
              paths:
                - src/op/**/*
              buildContext: src/op
            hook:
              valuesYamlFile: charts/a/values.yaml
              valuesPathImage: .hook.image
              valuesPathVersion: .hook.version
              valuesPathPrereleaseSuffix: .hook.prereleaseSuffix
              paths:
                - src/hook/*
              buildContext: src/hook
            """;

    static final String VALUES = """
            # versions
            op:
              image: org/op
              version: 1.0.0
              prereleaseSuffix:
            hook:
              image: org/hook
              version: 2.0.0
              prereleaseSuffix:
            """;

    @TempDir
    Path dir;

    TestGit git;
    final Map<String, String> env = new HashMap<>();
    final RecordingLog log = new RecordingLog();
    Optional<String> branch = Optional.empty();
    Optional<String> since = Optional.empty();
    Optional<Boolean> includeUncommitted = Optional.of(false);
    List<String> images = List.of();
    boolean force;

    @BeforeEach
    void repo() {
        git = TestGit.init(dir.resolve("repo"))
                .write("dockerbuild-config.yaml", CONFIG)
                .write("charts/a/values.yaml", VALUES)
                .write("src/op/Dockerfile", "FROM scratch\n")
                .write("src/op/main.py", "print(1)\n")
                .write("src/hook/Dockerfile", "FROM scratch\n")
                .write("src/hook/app.py", "print(2)\n")
                .write("README.md", "readme\n");
        git.commit("initial");
    }

    @AfterEach
    void close() {
        git.close();
    }

    Plan plan() {
        return plan(git.root());
    }

    Plan plan(Path root) {
        return plan(root, LintMode.SUMMARY);
    }

    Plan plan(Path root, LintMode lint) {
        ResolveRequest resolve = new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda"));
        return Planner.plan(new PlanRequest(resolve, branch, BranchPolicy.defaults(), since, includeUncommitted,
                images, force, env, lint), log);
    }

    static PlannedImage image(Plan plan, String key) {
        return plan.images().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
    }

    void startFeature(String name) {
        git.branch(name);
    }

    void setSuffix(String key, String version, String suffix) {
        String values = VALUES;
        String block = key + ":\n  image: org/" + key + "\n";
        int at = values.indexOf(block) + block.length();
        String rest = values.substring(at);
        rest = rest.replaceFirst("version: [^\\n]*", "version: " + version)
                .replaceFirst("prereleaseSuffix:[^\\n]*", "prereleaseSuffix: " + suffix);
        git.write("charts/a/values.yaml", values.substring(0, at) + rest);
    }

    /** A branch whose commit changes op's sources and sets its release version 1.1.0. */
    void releaseOfOpOn(String branch) {
        startFeature(branch);
        git.write("src/op/main.py", "print('" + branch + "')\n");
        setSuffix("op", "1.1.0", "");
        git.commit("op 1.1.0 on " + branch);
    }

    /**
     * A values file that is a link to another chart's (or lies in a linked folder) is read at every commit where its
     * link led then, as the work tree reads it: a version bumped in the file it leads to is a change of the image,
     * and the version at the base is the one that file had, not "new" (the link's own text, read as YAML, has none).
     */
    @Test
    void aValuesFileThatIsALinkIsReadWhereItLeadsAtEveryCommit() throws Exception {
        git.write("charts/shared/values.yaml", VALUES);
        Files.delete(git.root().resolve("charts/a/values.yaml"));
        Files.createSymbolicLink(git.root().resolve("charts/a/values.yaml"), Path.of("../shared/values.yaml"));
        git.commit("the chart's values are the shared ones");

        // on main: a version bumped in the file the link leads to
        git.write("charts/shared/values.yaml", VALUES.replace("version: 1.0.0", "version: 1.0.1"));
        git.commit("op 1.0.1");
        PlannedImage op = image(plan(), "op");
        assertThat(op.changed()).isTrue();
        assertThat(op.changedFiles()).containsExactly("charts/a/values.yaml");
        assertThat(op.decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);
        assertThat(image(plan(), "hook").decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);

        // a branch bumps op through the link: measured against 1.0.1, as the base's linked file had it
        startFeature("feature/issue7");
        git.write("src/op/main.py", "print('7')\n");
        git.write("charts/shared/values.yaml", VALUES.replace("version: 1.0.0\n  prereleaseSuffix:",
                "version: 1.0.2\n  prereleaseSuffix: issue7"));
        git.commit("op 1.0.2-issue7");
        assertThat(image(plan(), "op").versionBump()).isEqualTo(new VersionBump(VersionBump.Status.BUMPED,
                Optional.of("1.0.1")));

        // the same through a linked folder
        git.checkout("main");
        Files.delete(git.root().resolve("charts/a/values.yaml"));
        Files.delete(git.root().resolve("charts/a"));
        Files.createSymbolicLink(git.root().resolve("charts/a"), Path.of("shared"));
        git.commit("the chart folder is the shared one");
        git.write("charts/shared/values.yaml", VALUES.replace("version: 1.0.0", "version: 1.0.3"));
        git.commit("op 1.0.3");
        op = image(plan(), "op");
        assertThat(op.changedFiles()).containsExactly("charts/a/values.yaml");
        assertThat(op.decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);
        startFeature("feature/issue8");
        git.write("src/hook/app.py", "print('8')\n");
        git.commit("hook changed, its version forgotten");
        assertThat(image(plan(), "hook").versionBump()).isEqualTo(new VersionBump(VersionBump.Status.MISSING,
                Optional.of("2.0.0")));
    }

    @Test
    void featureBranchBuildsTheChangedPrereleaseOnly() {
        startFeature("feature/issue3456");
        setSuffix("op", "1.0.1", "issue3456");
        git.write("src/op/main.py", "print('changed')\n");
        git.commit("op: change");

        Plan plan = plan();
        assertThat(plan.branch().name()).isEqualTo("feature/issue3456");
        assertThat(plan.branchKind()).isEqualTo(BranchKind.PRERELEASE);
        assertThat(plan.changes().baseReason()).isEqualTo("merge-base with main");
        PlannedImage op = image(plan, "op");
        assertThat(op.decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
        assertThat(op.changedFiles()).containsExactly("src/op/main.py", "charts/a/values.yaml");
        assertThat(op.image().reference()).isEqualTo("org/op:1.0.1-issue3456");
        PlannedImage hook = image(plan, "hook");
        assertThat(hook.decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
        assertThat(hook.changed()).isFalse();
        assertThat(plan.toBuild()).extracting(PlannedImage::key).containsExactly("op");
    }

    @Test
    void mergeBaseIgnoresCommitsMadeOnMainSinceTheFork() {
        startFeature("feature/x");
        setSuffix("op", "1.0.1", "x");
        git.commit("bump");
        git.checkout("main");
        git.write("src/hook/app.py", "print('main moved on')\n");
        git.commit("hook on main");
        git.checkout("feature/x");
        Plan plan = plan();
        assertThat(image(plan, "hook").decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
        assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
    }

    @Test
    void aFileUnderItsPathsThatItsBuildDoesNotReadChangesNothingButItsDockerfileOutsideDoes() {
        git.write("dockerbuild-config.yaml", CONFIG.replace("    - src/op/**/*\n", "    - src/op/**/*\n"
                + "    - shared/*\n    - docker/*\n  buildDockerfile: docker/op.Dockerfile\n"))
                .write("shared/notes.txt", "v1\n").write("docker/op.Dockerfile", "FROM scratch\n")
                .commit("op watches shared/ and has its Dockerfile outside its context");
        startFeature("feature/x");
        git.write("shared/notes.txt", "v2\n").commit("notes");
        PlannedImage op = image(plan(), "op");
        assertThat(op.changedFiles()).containsExactly("shared/notes.txt");
        assertThat(op.changed()).isFalse();
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
        assertThat(op.decision().reason()).startsWith("what changed under its paths is not part of its build");

        // an uncommitted change of its context, counted, makes it changed
        git.write("src/op/main.py", "print('uncommitted')\n");
        includeUncommitted = Optional.of(true);
        assertThat(image(plan(), "op").changed()).isTrue();
        includeUncommitted = Optional.of(false);
        git.write("src/op/main.py", "print(1)\n");

        git.write("docker/op.Dockerfile", "FROM scratch\nCOPY . /\n").commit("op's Dockerfile");
        op = image(plan(), "op");
        assertThat(op.changed()).isTrue();
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);
    }

    @Test
    void anIgnoreFileBesideADockerfileOutsideTheContextIsPartOfTheBuild() {
        git.write("dockerbuild-config.yaml", CONFIG.replace("    - src/op/**/*\n", "    - src/op/**/*\n"
                + "    - docker/*\n  buildDockerfile: docker/op.Dockerfile\n"))
                .write("docker/op.Dockerfile", "FROM scratch\nCOPY . /\n").write("src/op/secret.txt", "s\n")
                .commit("op's Dockerfile is outside its context");
        startFeature("feature/x");
        // BuildKit's own ignore file of that Dockerfile now keeps secret.txt out of the image: another image
        git.write("docker/op.Dockerfile.dockerignore", "secret.txt\n").commit("keep the secret out");
        PlannedImage op = image(plan(), "op");
        assertThat(op.changedFiles()).containsExactly("docker/op.Dockerfile.dockerignore");
        assertThat(op.changed()).isTrue();
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);

        git.write("docker/op.Dockerfile.dockerignore", "secret.txt\n*.md\n").commit("and the notes");
        assertThat(image(plan(), "op").changed()).as("against the base, which had none").isTrue();

        // a base that had it, and a file under paths that the build does not read: unchanged, until the ignore file
        // changes uncommitted and that counts
        git.checkout("main");
        git.merge("feature/x");
        startFeature("feature/y");
        git.write("docker/notes.txt", "n\n").commit("notes");
        assertThat(image(plan(), "op").changed()).isFalse();
        git.write("docker/op.Dockerfile.dockerignore", "*.md\n");
        includeUncommitted = Optional.of(true);
        assertThat(image(plan(), "op").changed()).isTrue();
    }

    @Test
    void valuesKeysMovedWithTheConfigAreReadWhereTheBaseHadThem() {
        startFeature("feature/x");
        String moved = "operator:\n  deployment:\n    image: org/op\n    version: %s\n    prereleaseSuffix: %s\n";
        String entry = "op:\n  image: org/op\n  version: 1.0.0\n  prereleaseSuffix:\n";
        git.write("dockerbuild-config.yaml", CONFIG.replace(".op.", ".operator.deployment."))
                .write("charts/a/values.yaml", VALUES.replace(entry, moved.formatted("1.0.0", "")))
                .commit("op's values move under operator.deployment, as the chart's were restructured");
        PlannedImage op = image(plan(), "op");
        assertThat(op.changed()).as("the same image, version and suffix as before").isFalse();
        assertThat(op.decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);

        git.write("charts/a/values.yaml", VALUES.replace(entry, moved.formatted("1.0.1", "x")))
                .write("src/op/main.py", "print('x')\n").commit("op 1.0.1-x");
        op = image(plan(), "op");
        assertThat(op.decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
        assertThat(op.versionBump()).isEqualTo(new VersionBump(VersionBump.Status.BUMPED, Optional.of("1.0.0")));
    }

    /** The same through a config file that is a link: its history is the history of the file it leads to. */
    @Test
    void valuesKeysMovedWithAConfigThatIsALinkAreReadWhereTheBaseHadThem() throws Exception {
        git.write("automation/dockerbuild-config.yaml", CONFIG);
        Files.delete(git.root().resolve("dockerbuild-config.yaml"));
        Files.createSymbolicLink(git.root().resolve("dockerbuild-config.yaml"),
                Path.of("automation/dockerbuild-config.yaml"));
        git.commit("the config is kept with the generators");
        startFeature("feature/x");
        String moved = "operator:\n  deployment:\n    image: org/op\n    version: 1.0.0\n    prereleaseSuffix:\n";
        git.write("automation/dockerbuild-config.yaml", CONFIG.replace(".op.", ".operator.deployment."))
                .write("charts/a/values.yaml", VALUES.replace("op:\n  image: org/op\n  version: 1.0.0\n"
                        + "  prereleaseSuffix:\n", moved))
                .commit("op's values move under operator.deployment");
        PlannedImage op = image(plan(), "op");
        assertThat(op.changed()).as("the same image, version and suffix as before").isFalse();
        assertThat(op.entryAtBase().valuesPathVersion().toString()).isEqualTo(".op.version");
    }

    @Test
    void aContextThatIsALinkIsNeverTakenForTheSameFiles() throws Exception {
        git.write("dockerbuild-config.yaml", CONFIG.replace("  buildContext: src/op\n", "  buildContext: ctx\n"));
        Files.createSymbolicLink(git.root().resolve("ctx"), Path.of("src/op"));
        git.commit("op's context is a link to src/op");
        startFeature("feature/x");
        git.write("src/op/main.py", "print('changed behind the link')\n").commit("op changed");
        PlannedImage op = image(plan(), "op");
        assertThat(op.changed()).isTrue();
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);
    }

    @Test
    void releaseVersionOnFeatureBranchIsRefused() {
        startFeature("feature/issue3456");
        git.write("src/op/main.py", "print('changed')\n");
        git.commit("op: change without suffix");
        PlannedImage op = image(plan(), "op");
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);
        assertThat(op.decision().reason()).startsWith("release versions can only be built from master");
    }

    /** git allows a line break in a file name: shown escaped, it cannot start a line of the CI log of its own. */
    @Test
    void aFileNameWithALineBreakStaysOnTheLineOfItsMessage() {
        startFeature("feature/issue3456");
        git.write("src/op/x\n::error::forged", "x\n").write("src/hook/sub/y\n::error::forged", "y\n");
        git.commit("op: change without suffix");
        env.put("CI", "true");
        Plan plan = plan();
        assertThat(image(plan, "op").decision().reason()).doesNotContain("\n")
                .endsWith("(src/op/x\\x0a::error::forged)");
        assertThat(plan.lint()).anyMatch(w -> w.contains("(src/hook/sub/y\\x0a::error::forged)"))
                .allMatch(w -> !w.contains("\n"));
    }

    @Test
    void valuesOnlyBumpCountsAsChangeOfThatImageOnly() {
        startFeature("odaa-12");
        setSuffix("hook", "2.0.1", "odaa-12");
        git.commit("bump hook");
        Plan plan = plan();
        assertThat(image(plan, "hook").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
        assertThat(image(plan, "hook").changedFiles()).containsExactly("charts/a/values.yaml");
        assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
    }

    @Test
    void releaseBranchComparesWithFirstParentAfterMerge() {
        releaseOfOpOn("feature/y");
        git.checkout("main");
        git.merge("feature/y");
        Plan plan = plan();
        assertThat(plan.branchKind()).isEqualTo(BranchKind.RELEASE);
        assertThat(plan.changes().baseReason()).isEqualTo("HEAD's first parent");
        assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);
        assertThat(image(plan, "hook").decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
    }

    @Test
    void suffixOnReleaseBranchIsRefused() {
        setSuffix("op", "1.0.1", "rc1");
        git.write("src/op/main.py", "print('z')\n");
        git.commit("oops");
        PlannedImage op = image(plan(), "op");
        assertThat(op.decision().action()).isEqualTo(ImageAction.REFUSE);
        assertThat(op.decision().reason()).contains("cannot be built on release branch main");
    }

    @Test
    void aReleaseBuiltFromAPrereleaseOfAnImageOfTheConfigIsRefused() {
        // a release on a base that the base's branch overwrites on its next push could not be built again
        setSuffix("hook", "2.0.1", "");
        git.write("src/hook/Dockerfile", "FROM python:3.12-slim AS tools\nFROM org/op:1.0.1-issue7\nCOPY app.py /\n")
                .commit("hook on op's prerelease, merged past the pull request's check");
        PlannedImage hook = image(plan(), "hook");
        assertThat(hook.decision().action()).isEqualTo(ImageAction.REFUSE);
        assertThat(hook.decision().reason()).isEqualTo("release 2.0.1 cannot be built FROM org/op:1.0.1-issue7"
                + " (src/hook/Dockerfile:2), a prerelease of image op that the next push of its branch overwrites:"
                + " name its release org/op:1.0.0 there (oda:release-prep does it before the merge)");

        git.write("src/hook/Dockerfile", "ARG OP=org/op:1.0.1-issue7\nFROM $OP\n").commit("through an ARG");
        assertThat(image(plan(), "hook").decision().reason()).contains("(src/hook/Dockerfile:2, through the ARG at line 1)");

        // on its release, another image's tag with a dash, or a feature branch: built
        git.write("src/hook/Dockerfile", "FROM org/op:1.0.0\nFROM python:3.12-slim\n").commit("on op's release");
        assertThat(image(plan(), "hook").decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);
        startFeature("feature/issue7");
        setSuffix("hook", "2.0.2", "issue7");
        git.write("src/hook/Dockerfile", "FROM org/op:1.0.1-issue7\n").commit("the branch builds on op's prerelease");
        assertThat(image(plan(), "hook").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
    }

    @Test
    void otherBranchBuildsNothing() {
        startFeature("docs/x");
        git.write("src/op/main.py", "print('docs')\n");
        git.commit("docs");
        Plan plan = plan();
        assertThat(plan.branchKind()).isEqualTo(BranchKind.OTHER);
        assertThat(plan.images()).allMatch(i -> i.decision().action() == ImageAction.SKIP_BRANCH);
        assertThat(plan.toBuild()).isEmpty();
    }

    @Test
    void aPullRequestFromAForksMainPublishesNoRelease() {
        // a fork's main, merged into the pull request's merge commit: the release branch does not hold this code yet
        releaseOfOpOn("fork-main");
        git.detach();
        env.put("CI", "true");
        env.put("GITHUB_REF_NAME", "12/merge");
        env.put("GITHUB_HEAD_REF", "main");
        Plan plan = plan();
        assertThat(plan.branch().name()).isEqualTo("main");
        assertThat(plan.branchKind()).isEqualTo(BranchKind.OTHER);
        assertThat(plan.toBuild()).isEmpty();
        assertThat(image(plan, "op").decision().reason()).isEqualTo("pull request from a branch named main"
                + " (GITHUB_HEAD_REF), not main itself: releases are built by the push to master/main after the merge");
        assertThat(plan.changes().baseReason()).as("compared with the release branch, as a pull request is")
                .startsWith("merge-base");

        // the push of main itself still builds the release
        env.remove("GITHUB_HEAD_REF");
        env.put("GITHUB_REF_NAME", "main");
        assertThat(image(plan(), "op").decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);

        // Bitbucket's and Buildkite's pull request builds name the source branch in the variable of a push build
        env.remove("GITHUB_REF_NAME");
        for (Map<String, String> request : List.of(Map.of("BITBUCKET_BRANCH", "main", "BITBUCKET_PR_ID", "5"),
                Map.of("BUILDKITE_BRANCH", "main", "BUILDKITE_PULL_REQUEST", "5"))) {
            env.putAll(request);
            assertThat(plan().toBuild()).as(request.toString()).isEmpty();
            assertThat(image(plan(), "op").decision().reason()).startsWith("pull request from a branch named main");
            request.keySet().forEach(env::remove);
        }
    }

    @Test
    void aTagPushedToCiBuildsNothingThoughItIsNamedLikeABranch() {
        // a workflow that runs on every push runs for tags too: tag odaa-7 (or main) is no prerelease (release) branch
        startFeature("odaa-7");
        setSuffix("op", "1.0.1", "odaa-7");
        git.write("src/op/main.py", "print('changed')\n").commit("op 1.0.1-odaa-7");
        git.detach();
        env.put("CI", "true");
        for (String tag : List.of("odaa-7", "main")) {
            env.put("GITHUB_REF_NAME", tag);
            env.put("GITHUB_REF_TYPE", "tag");
            Plan plan = plan();
            assertThat(plan.branch().tag()).isTrue();
            assertThat(plan.branchKind()).isEqualTo(BranchKind.OTHER);
            assertThat(plan.toBuild()).isEmpty();
            assertThat(image(plan, "op").decision().reason()).isEqualTo("the CI builds tag " + tag
                    + " (GITHUB_REF_TYPE=tag), not a branch: images are built by the pushes of master/main and of"
                    + " prerelease branches (feature/*, odaa-*)");
        }

        // ${{ github.ref_name }} given for the branch in that run names the tag
        branch = Optional.of("odaa-7");
        env.put("GITHUB_REF_NAME", "odaa-7");
        assertThat(plan().branch().tag()).isTrue();
        assertThat(image(plan(), "op").decision().action()).isEqualTo(ImageAction.SKIP_BRANCH);
        branch = Optional.empty();

        // the push of the branch odaa-7 builds the prerelease
        env.put("GITHUB_REF_NAME", "odaa-7");
        env.put("GITHUB_REF_TYPE", "branch");
        assertThat(image(plan(), "op").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
    }

    @Test
    void pushEventBeforeCommitIsTheReleaseBase() throws Exception {
        String first = git.commit("empty marker");
        git.write("src/hook/app.py", "print('a')\n");
        git.commit("hook a");
        git.write("README.md", "docs only\n");
        git.commit("docs");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"before\": \"" + first + "\"}");
        env.put("GITHUB_EVENT_PATH", event.toString());
        Plan plan = plan();
        assertThat(plan.changes().baseCommit()).contains(first);
        assertThat(plan.changes().baseReason()).startsWith("push event's before commit");
        assertThat(image(plan, "hook").decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);

        Files.writeString(event, "{\"before\": \"0000000000000000000000000000000000000000\"}");
        Plan fallback = plan();
        assertThat(fallback.changes().baseReason()).isEqualTo("HEAD's first parent");
        assertThat(image(fallback, "hook").decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
    }

    @Test
    void sinceOverridesTheBase() {
        String initial = git.commit("nothing");
        git.write("src/hook/app.py", "print('h')\n");
        git.commit("hook");
        git.write("README.md", "x\n");
        git.commit("readme");
        since = Optional.of(initial.substring(0, 10));
        Plan plan = plan();
        assertThat(plan.changes().baseCommit()).contains(initial);
        assertThat(image(plan, "hook").changed()).isTrue();
    }

    @Test
    void invalidSinceIsAnErrorNamingIt() {
        since = Optional.of("no-such-ref");
        assertThatThrownBy(this::plan).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(Setting.SINCE + " 'no-such-ref' names no commit");
    }

    @Test
    void detachedHeadNeedsABranch() {
        git.detach();
        assertThatThrownBy(this::plan).hasMessageContaining("HEAD is detached at")
                .hasMessageContaining(Setting.BRANCH.set("<branch>"));
        env.put("GITHUB_REF_NAME", "main");
        assertThat(plan().branch().source()).isEqualTo("GITHUB_REF_NAME");
        env.put("GITHUB_HEAD_REF", "feature/pr-branch");
        assertThat(plan().branch().name()).isEqualTo("feature/pr-branch");
        branch = Optional.of("odaa-1");
        assertThat(plan().branch()).extracting(b -> b.name() + "|" + b.source()).isEqualTo("odaa-1|oda.branch");
    }

    @Test
    void aFullRefGivenForTheBranchNamesTheBranchItHolds() {
        startFeature("feature/r");
        git.commit("on the branch");
        branch = Optional.of("refs/heads/feature/r"); // -Doda.branch=${{ github.ref }}
        assertThat(plan().branch().name()).isEqualTo("feature/r");
        assertThat(plan().branchKind()).isEqualTo(BranchKind.PRERELEASE);
        branch = Optional.of("refs/remotes/origin/feature/r");
        assertThat(plan().branch().name()).isEqualTo("feature/r");
        branch = Optional.of("refs/pull/12/merge");
        assertThatThrownBy(this::plan).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'refs/pull/12/merge' is a ref that holds no branch");
        // ${{ github.ref }} of a run for a pushed tag: a tag, which builds nothing, though named like a branch
        branch = Optional.of("refs/tags/odaa-7");
        Plan tag = plan();
        assertThat(tag.branch().tag()).isTrue();
        assertThat(tag.branchKind()).isEqualTo(BranchKind.OTHER);
        assertThat(image(tag, "op").decision().action()).isEqualTo(ImageAction.SKIP_BRANCH);
    }

    @Test
    void shallowCloneWithoutBaseCountsEverythingAsChanged() {
        startFeature("feature/s");
        setSuffix("op", "1.0.1", "s");
        git.commit("one");
        git.write("src/op/main.py", "print('s')\n");
        git.commit("two");
        try (TestGit clone = git.shallowClone(dir.resolve("shallow"), "feature/s", 1)) {
            Plan plan = plan(clone.root());
            assertThat(plan.changes().known()).isFalse();
            assertThat(plan.warnings()).anyMatch(w -> w.contains("every image counts as changed"));
            assertThat(image(plan, "op").changed()).isTrue();
            assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
            assertThat(image(plan, "hook").changed()).isTrue();
            // a release version cannot be built here, but most likely it did not change: the fix named first is
            // the history, a suffix only for an image that did change
            assertThat(image(plan, "hook").decision().action()).isEqualTo(ImageAction.REFUSE);
            assertThat(image(plan, "hook").decision().reason())
                    .startsWith("release 2.0.0 is not built on branch feature/s, and whether its sources changed on"
                            + " this branch cannot be told: this shallow clone does not reach the merge-base with")
                    .contains(". Fetch the release branch with history (git fetch --unshallow origin main")
                    .contains("if you changed hook, set a prereleaseSuffix at");
            // what to do, in the words of the CI system that cloned it so
            env.put("CI", "true");
            env.put("GITLAB_CI", "true");
            assertThat(plan(clone.root()).warnings()).anyMatch(w -> w.contains("every image counts as changed")
                    && w.contains("variables: GIT_DEPTH: \"0\", and 'git fetch origin main' before the goal"));
            env.remove("GITLAB_CI");
            env.put("GITHUB_ACTIONS", "true");
            Plan onGithub = plan(clone.root());
            assertThat(onGithub.warnings()).anyMatch(w -> w.contains("(actions/checkout with fetch-depth: 0)"));
            assertThat(image(onGithub, "hook").decision().reason())
                    .contains("Fetch the release branch with history (actions/checkout with fetch-depth: 0)");
        }
    }

    @Test
    void anOrphanBranchInAFullCloneIsToldToNameACommitNotToFetch() throws Exception {
        git.git().checkout().setOrphan(true).setName("feature/o").call();
        git.commit("history of its own");
        Plan plan = plan();
        String remedy = Setting.SINCE.set("<ref>") + " with a commit this branch shares history with (no fetch joins"
                + " unrelated histories)";
        assertThat(plan.changes().known()).isFalse();
        assertThat(plan.warnings()).anyMatch(w -> w.contains("HEAD has no common ancestor with [main] in this full"
                + " clone: every image counts as changed; pass " + remedy));
        assertThat(image(plan, "hook").decision().reason()).contains(". Pass " + remedy + ", so that only the images"
                + " changed on this branch count").doesNotContain("Fetch", "fetch the release branch");
    }

    @Test
    void shallowReleaseCloneWithoutParentCountsEverythingAsChanged() {
        git.write("README.md", "more\n");
        git.commit("second");
        try (TestGit clone = git.shallowClone(dir.resolve("shallow"), "main", 1)) {
            Plan plan = plan(clone.root());
            assertThat(plan.changes().known()).isFalse();
            assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);
        }
    }

    @Test
    void cloneComparesWithOriginMain() {
        startFeature("feature/c");
        setSuffix("op", "1.0.1", "c");
        git.commit("bump");
        git.checkout("main");
        try (TestGit clone = git.cloneTo(dir.resolve("clone"), "feature/c")) {
            Plan plan = plan(clone.root());
            assertThat(plan.changes().baseReason()).isEqualTo("merge-base with origin/main");
            assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
        }
    }

    @Test
    void projectInASubfolderUsesTheRepositoryRoot() {
        git.write("modules/deploy/pom.xml", "<project/>\n");
        git.commit("module");
        startFeature("feature/sub");
        setSuffix("op", "1.0.1", "sub");
        git.commit("bump");
        Plan plan = plan(git.root().resolve("modules/deploy"));
        assertThat(plan.resolution().layout().root()).isEqualTo(git.root().toAbsolutePath().normalize());
        assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
    }

    @Test
    void linkedWorktreeIsItsOwnRoot() throws Exception {
        startFeature("feature/wt");
        setSuffix("op", "1.0.1", "wt");
        git.commit("bump");
        git.checkout("main");
        Path worktree = dir.resolve("wt");
        Process p = new ProcessBuilder("git", "-C", git.root().toString(), "worktree", "add", worktree.toString(),
                "feature/wt").redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "git worktree is not available");
        Plan plan = plan(worktree);
        assertThat(plan.resolution().layout().root()).isEqualTo(worktree.toAbsolutePath().normalize());
        assertThat(plan.branch().name()).isEqualTo("feature/wt");
        assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
    }

    @Test
    void firstCommitComparesWithTheEmptyTree() {
        Plan plan = plan();
        assertThat(plan.changes().baseReason()).isEqualTo("HEAD is the first commit");
        assertThat(plan.images()).allMatch(i -> i.decision().action() == ImageAction.BUILD_RELEASE);
    }

    @Test
    void uncommittedChangesCountOnlyWhenAsked() {
        startFeature("feature/u");
        setSuffix("hook", "2.0.1", "u");
        git.commit("bump hook");
        git.write("src/op/main.py", "print('dirty')\n");
        includeUncommitted = Optional.of(false);
        Plan clean = plan();
        assertThat(clean.dirty()).isTrue();
        assertThat(image(clean, "op").changed()).isFalse();
        assertThat(clean.warnings()).anyMatch(w -> w.contains("1 uncommitted change(s), not counted"));
        includeUncommitted = Optional.of(true);
        assertThat(image(plan(), "op").changedFiles()).containsExactly("src/op/main.py");
    }

    @Test
    void uncommittedDefaultsToYesLocallyAndNoOnCi() {
        startFeature("feature/u");
        git.write("src/op/main.py", "print('dirty')\n");
        includeUncommitted = Optional.empty();
        assertThat(image(plan(), "op").changed()).isTrue();
        env.put("CI", "true");
        assertThat(image(plan(), "op").changed()).isFalse();
    }

    @Test
    void forceAndImageSelection() {
        startFeature("feature/f");
        force = true;
        images = List.of("hook");
        Plan plan = plan();
        assertThat(plan.images()).extracting(PlannedImage::key).containsExactly("hook");
        assertThat(image(plan, "hook").changed()).isTrue();
        assertThat(image(plan, "hook").decision().reason()).contains(Setting.FORCE.toString());
        images = List.of("nope");
        assertThatThrownBy(this::plan).hasMessageContaining(Setting.IMAGES + " names unknown image(s) [nope]")
                .hasMessageContaining("[op, hook]");
    }

    @Test
    void aSubmoduleGitlinkIsReadPast() {
        startFeature("feature/sub");
        try (TestGit nested = TestGit.init(git.root().resolve("vendor/lib"))) {
            nested.write("lib.txt", "x\n");
            nested.commit("nested");
        }
        git.write("src/op/main.py", "print('with a submodule')\n");
        git.commit("add a submodule-like gitlink");
        Plan plan = plan();
        assertThat(plan.changes().files()).contains("vendor/lib", "src/op/main.py");
        assertThat(plan.skipTests().skip()).as("the HEAD commit's lines were read, the gitlink's too").isFalse();
    }

    @Test
    void coverageLintWarnsAboutUncoveredFilesAndDeadGlobs() {
        git.write("src/hook/sub/deep.py", "x\n");
        git.write("dockerbuild-config.yaml", CONFIG.replace("    - src/hook/*\n", "    - src/hook/*\n    - src/gone/*\n"));
        git.commit("deep file");
        Plan plan = plan();
        assertThat(plan.lint()).anyMatch(w -> w.contains("image hook: 1 file(s) in its build context src/hook are"
                + " not covered by its paths (src/hook/sub/deep.py)") && w.contains("'src/hook/**/*'"));
        assertThat(plan.lint()).anyMatch(w -> w.contains("paths glob 'src/gone/*' matches no tracked file"));
        assertThat(plan.lint()).noneMatch(w -> w.startsWith("image op:"));

        // a Dockerfile outside the context, and the ignore file beside it, read by the build but not watched
        git.write("dockerbuild-config.yaml", CONFIG.replace("  buildContext: src/op\n", "  buildContext: src/op\n"
                + "  buildDockerfile: docker/op.Dockerfile\n")).write("docker/op.Dockerfile", "FROM scratch\n")
                .write("docker/op.Dockerfile.dockerignore", "*.md\n").commit("op's Dockerfile outside");
        assertThat(plan().lint()).filteredOn(w -> w.startsWith("image op:")).containsExactly(
                "image op: docker/op.Dockerfile, outside its build context, is read by its build but not covered by"
                        + " its paths: changes to it do not rebuild it; add 'docker/op.Dockerfile' to its paths in"
                        + " dockerbuild-config.yaml (line 1)",
                "image op: docker/op.Dockerfile.dockerignore, outside its build context, is read by its build but not"
                        + " covered by its paths: changes to it do not rebuild it; add"
                        + " 'docker/op.Dockerfile.dockerignore' to its paths in dockerbuild-config.yaml (line 1)");
        git.write("dockerbuild-config.yaml", CONFIG.replace("    - src/op/**/*\n", "    - src/op/**/*\n"
                + "    - docker/op.*\n").replace("  buildContext: src/op\n", "  buildContext: src/op\n"
                + "  buildDockerfile: docker/op.Dockerfile\n")).commit("watched");
        Plan watched = plan();
        assertThat(watched.lint()).noneMatch(w -> w.startsWith("image op:"));
        assertThat(plan.warnings()).noneMatch(w -> w.contains("paths glob"));

        // by default it runs on CI only: it reads the whole tree of HEAD
        plan = watched;
        assertThat(plan(git.root(), LintMode.AUTO).lint()).isEmpty();
        assertThat(plan(git.root(), LintMode.AUTO).lintRan()).isFalse();
        assertThat(plan(git.root(), LintMode.OFF).lint()).isEmpty();
        assertThat(plan.lintRan()).isTrue();
        env.put("CI", "true");
        assertThat(plan(git.root(), LintMode.AUTO).lint()).isEqualTo(plan.lint());
        assertThat(LintMode.parse(null, "oda.lint")).isEqualTo(LintMode.AUTO);
        assertThat(LintMode.parse(" Verbose ", "oda.lint").verbose()).isTrue();
        assertThatThrownBy(() -> LintMode.parse("loud", "oda.lint"))
                .hasMessage("oda.lint 'loud' is not one of auto, off, summary, verbose");
    }

    @Test
    void branchNamesWithShellAndPathCharactersAreData() throws Exception {
        for (String name : List.of("feature/$(touch pwned)", "feature/../a")) {
            branch = Optional.of(name);
            Plan plan = plan();
            assertThat(plan.branchKind()).isEqualTo(BranchKind.PRERELEASE);
            Path report = PlanReport.writeJson(plan, git.root().resolve("target/oda"));
            JsonObject json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
            assertThat(json.get("branch").getAsString()).isEqualTo(name);
        }
        assertThat(git.root().resolve("pwned")).doesNotExist();
    }

    @Test
    void skipTestsFromCommitSubject() {
        startFeature("feature/t");
        git.write("src/op/main.py", "x\n");
        git.commit("[skip tests] tidy");
        Plan plan = plan();
        assertThat(plan.skipTests().skip()).isTrue();
        assertThat(plan.skipTests().reason()).isEqualTo("commit subject contains [skip tests]");
    }

    @Test
    void gitlabsBeforeShaIsTheReleaseBaseOfAPushOfSeveralCommits() {
        String first = git.commit("empty marker");
        git.write("src/hook/app.py", "print('a')\n");
        git.commit("hook a");
        git.write("README.md", "docs only\n");
        git.commit("docs");
        env.put("CI", "true");
        env.put("CI_COMMIT_REF_NAME", "main");
        env.put("CI_COMMIT_BEFORE_SHA", first);
        Plan plan = plan();
        assertThat(plan.changes().baseCommit()).contains(first);
        // HEAD's first parent alone would miss the hook's change two commits back
        assertThat(image(plan, "hook").decision().action()).isEqualTo(ImageAction.BUILD_RELEASE);
    }

    @Test
    void aGitlabMergeRequestWithoutItsTargetBranchComparesWithTheDiffBase() throws Exception {
        String forked = git.commit("fork point");
        startFeature("feature/mr");
        setSuffix("op", "1.0.1", "mr");
        git.write("src/op/main.py", "print('mr')\n");
        git.commit("op changes");
        // the pipeline fetched only the merge request's branch
        git.git().branchDelete().setBranchNames("main").setForce(true).call();
        env.put("CI", "true");
        env.put("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/mr");
        assertThat(plan().changes().known()).isFalse();

        env.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", forked);
        Plan plan = plan();
        assertThat(plan.changes().baseCommit()).contains(forked);
        assertThat(plan.changes().baseReason()).isEqualTo("the merge request's diff base " + forked.substring(0, 7));
        assertThat(image(plan, "op").decision().action()).isEqualTo(ImageAction.BUILD_PRERELEASE);
        assertThat(image(plan, "hook").decision().action()).isEqualTo(ImageAction.SKIP_UNCHANGED);
    }

    @Test
    void skipTestsFromAGitlabMergeRequestTitle() {
        env.put("CI_MERGE_REQUEST_TITLE", "Tidy up [skip tests]");
        assertThat(plan().skipTests().reason()).isEqualTo("pull request title contains [skip tests]");
    }

    @Test
    void skipTestsFromPullRequestTitle() throws Exception {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\": {\"title\": \"[Skip Tests] remove suffixes\"}}");
        env.put("GITHUB_EVENT_PATH", event.toString());
        assertThat(plan().skipTests().reason()).isEqualTo("pull request title contains [skip tests]");
    }

    @Test
    void skipTestsWhenHeadOnlyClearsSuffixes() {
        startFeature("feature/t");
        setSuffix("op", "1.0.1", "t");
        git.commit("set suffix");
        setSuffix("op", "1.0.1", "");
        git.commit("remove suffix");
        assertThat(plan().skipTests().skip()).isTrue();
        assertThat(plan().skipTests().reason()).isEqualTo("HEAD commit only clears prereleaseSuffix values");
    }

    @Test
    void noSkipWhenHeadAlsoChangesOtherLines() {
        startFeature("feature/t");
        setSuffix("op", "1.0.1", "t");
        git.commit("set suffix");
        setSuffix("op", "1.0.2", "");
        git.commit("remove suffix and bump");
        assertThat(plan().skipTests().skip()).isFalse();
        setSuffix("op", "1.0.2", "t2");
        git.commit("suffix again");
        setSuffix("op", "1.0.2", "");
        git.write("src/op/main.py", "other\n");
        git.commit("remove suffix and code");
        assertThat(plan().skipTests().skip()).isFalse();
    }

    @Test
    void outsideGitTheConfigIsCheckedFirstThenGit() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("dockerbuild-config.yaml"), "op: [unclosed\n");
        assertThatThrownBy(() -> plan(plain)).as("git is opened while the config is read; the config's error wins")
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dockerbuild-config.yaml");
        Files.writeString(plain.resolve("dockerbuild-config.yaml"), CONFIG);
        Files.createDirectories(plain.resolve("charts/a"));
        Files.writeString(plain.resolve("charts/a/values.yaml"), VALUES);
        assertThatThrownBy(() -> plan(plain)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a git repository");
    }
}
