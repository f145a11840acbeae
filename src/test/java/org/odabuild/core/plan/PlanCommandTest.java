package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

class PlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesPlanJsonGithubOutputsAndSummary() throws Exception {
        Path out = dir.resolve("gh-output");
        Path summary = dir.resolve("gh-summary");
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            opPrereleaseOnBranch(git, "feature/x|y");
            String head = git.commit("[skip tests] op");

            RecordingLog log = new RecordingLog();
            Path root = git.root();
            Plan plan = PlanCommand.run(new PlanRequest(
                    new ResolveRequest(root, Optional.empty(), Optional.empty(), root.resolve("target/oda")),
                    Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(false), List.of(), false,
                    Map.of("GITHUB_OUTPUT", out.toString(), "GITHUB_STEP_SUMMARY", summary.toString())), log);

            assertThat(plan.toBuild()).hasSize(1);
            JsonObject json = JsonParser.parseString(Files.readString(root.resolve("target/oda/plan.json")))
                    .getAsJsonObject();
            assertThat(json.get("branch").getAsString()).isEqualTo("feature/x|y");
            assertThat(json.get("commit").getAsString()).isEqualTo(head);
            assertThat(json.get("shortCommit").getAsString()).isEqualTo(head.substring(0, 7));
            assertThat(json.get("pullRequestHead").isJsonNull()).as("a push, not a pull request's merge").isTrue();
            assertThat(json.get("skipTests").getAsBoolean()).isTrue();
            assertThat(json.get("baseReason").getAsString()).isEqualTo("merge-base with main");
            assertThat(log.infos).anyMatch(l -> l.matches("Branch feature/x\\|y \\(prerelease, from checked-out"
                    + " branch\\), commit [0-9a-f]{7}, compared with [0-9a-f]{7} \\(merge-base with main\\)"));
            assertThat(json.getAsJsonArray("imagesToBuild").toString()).isEqualTo("[\"op\"]");
            JsonObject op = json.getAsJsonArray("images").get(0).getAsJsonObject();
            assertThat(op.get("tag").getAsString()).isEqualTo("1.0.1-x");
            assertThat(op.get("action").getAsString()).isEqualTo("build-prerelease");
            assertThat(op.get("changed").getAsBoolean()).isTrue();
            assertThat(op.getAsJsonArray("changedFiles").toString())
                    .isEqualTo("[\"src/op/main.py\",\"charts/a/values.yaml\"]");
            JsonObject hook = json.getAsJsonArray("images").get(1).getAsJsonObject();
            assertThat(hook.get("action").getAsString()).isEqualTo("skip-unchanged");

            assertThat(Files.readString(out)).isEqualTo("images-to-build=[\"op\"]\nskip-tests=true\n");
            String md = Files.readString(summary);
            assertThat(md).contains("### oda plan: feature/x\\|y @ " + head.substring(0, 7))
                    .contains("| op | 1.0.1-x | yes (2 files) | build-prerelease |")
                    .contains("| hook | 2.0.0 | no | skip-unchanged |");
            assertThat(log.infos).anyMatch(l -> l.matches("op +1\\.0\\.1-x +yes \\(2 files\\) +bumped +build-prerelease.*"));
        }
    }

    @Test
    void multiLineOutputValuesUseTheHeredocForm() throws Exception {
        Path out = dir.resolve("out");
        new org.odabuild.core.ci.GithubActions(org.odabuild.core.ci.CiEnvironment.of(
                Map.of("GITHUB_OUTPUT", out.toString()))).output("x", "a\nforged=1");
        String text = Files.readString(out);
        assertThat(text).startsWith("x<<ODA_").contains("\na\nforged=1\nODA_");
    }

    @Test
    void anOutputFileThatLeadsNowhereIsNamedByItsVariable() {
        String nowhere = dir.resolve("no-such-folder/out").toString();
        assertThatThrownBy(() -> new org.odabuild.core.ci.GithubActions(org.odabuild.core.ci.CiEnvironment.of(
                Map.of("GITHUB_OUTPUT", nowhere))).output("x", "1"))
                .hasMessage("cannot write GITHUB_OUTPUT=" + nowhere + ", the file GitHub Actions reads after the step"
                        + " (unset GITHUB_OUTPUT outside a workflow step)");
    }

    /**
     * In a CI matrix over {@code images-to-build} a refused or broken image has no job of its own: the plan fails on
     * it, after plan.json, the outputs and the summary are written, as a build of the push would stop on it.
     */
    @Test
    void aRefusedOrBrokenImageFailsThePlanAfterItsReports() throws Exception {
        Path out = dir.resolve("gh-output");
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            opPrereleaseOnBranch(git, "feature/x");
            git.write("src/hook/app.py", "changed, suffix forgotten\n");
            git.commit("op and hook");
            Path root = git.root();
            Path planJson = root.resolve("target/oda/plan.json");

            assertThatThrownBy(() -> plan(root, out))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageStartingWith("oda plan (a build of this push would stop here; plan.json is written)")
                    .hasMessageContaining("hook: release versions can only be built from master/main (branch"
                            + " feature/x, image hook, version 2.0.0)");
            assertThat(Files.readString(planJson)).contains("\"action\": \"refuse\"");
            assertThat(Files.readString(out)).isEqualTo("images-to-build=[\"op\"]\nskip-tests=false\n");

            // a broken entry alone fails as bad input, naming its place, as a build does after the other images
            git.write("src/hook/app.py", "2\n").write("dockerbuild-config.yaml", PlannerTest.CONFIG
                    .replace("valuesPathVersion: .hook.version", "valuesPathVersion: .hook.versoin"));
            git.commit("hook as before, its entry broken");
            Files.delete(out);
            assertThatThrownBy(() -> plan(root, out))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("charts/a/values.yaml")
                    .hasMessageContaining(".hook.versoin");
            assertThat(Files.readString(planJson)).contains("\"broken\": true");
            assertThat(Files.readString(out)).startsWith("images-to-build=[\"op\"]");

            // both at once: one failure that lists both
            git.write("src/hook/app.py", "3\n").write("dockerbuild-config.yaml", PlannerTest.CONFIG
                    .replace("valuesPathVersion: .op.version", "valuesPathVersion: .op.versoin"));
            git.commit("op broken, hook changed again");
            assertThatThrownBy(() -> plan(root, out))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("hook: release versions can only be built")
                    .hasMessageContaining(".op.versoin");

            // a plan that refuses nothing passes
            git.write("dockerbuild-config.yaml", PlannerTest.CONFIG).write("charts/a/values.yaml", PlannerTest.VALUES
                    .replace("version: 1.0.0\n  prereleaseSuffix:", "version: 1.0.1\n  prereleaseSuffix: x")
                    .replace("version: 2.0.0\n  prereleaseSuffix:", "version: 2.0.1\n  prereleaseSuffix: x"));
            git.commit("hook gets its suffix");
            assertThat(plan(root, out).toBuild()).extracting(PlannedImage::key).containsExactly("op", "hook");
        }
    }

    /**
     * An image to build whose Dockerfile is missing (a config entry with a typo in its path): its job would stop
     * there, so the plan says it with the config line, where a pull request's checks show it. A warning only: a
     * step before the build may write it, and the image has a job of its own that fails.
     */
    @Test
    void anImageToBuildWithoutItsDockerfileIsWarnedAboutWithTheConfigLine() throws Exception {
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            opPrereleaseOnBranch(git, "feature/x");
            git.write("dockerbuild-config.yaml", PlannerTest.CONFIG
                    .replace("  buildContext: src/op\n", "  buildContext: src/op\n  buildDockerfile: src/op/Dockerfil\n"));
            git.commit("op");
            RecordingLog log = new RecordingLog();
            Path root = git.root();
            Plan plan = PlanCommand.run(new PlanRequest(
                    new ResolveRequest(root, Optional.empty(), Optional.empty(), root.resolve("target/oda")),
                    Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(false), List.of(), false,
                    Map.of()), log);
            assertThat(plan.toBuild()).extracting(PlannedImage::key).containsExactly("op");
            assertThat(log.warnings).containsExactly("dockerbuild-config.yaml:9:20: buildDockerfile of image 'op'"
                    + " 'src/op/Dockerfil' does not exist: fix the path in dockerbuild-config.yaml or restore the file"
                    + " (a build of image op stops there unless a step before it writes it)");

            git.write("src/op/Dockerfil", "FROM scratch\n").commit("the Dockerfile");
            log = new RecordingLog();
            PlanCommand.run(new PlanRequest(
                    new ResolveRequest(root, Optional.empty(), Optional.empty(), root.resolve("target/oda")),
                    Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(false), List.of(), false,
                    Map.of()), log);
            assertThat(log.warnings).isEmpty();
        }
    }

    /** op and hook released on main; on {@code branch} op's code changed with a prerelease version, not committed. */
    private static void opPrereleaseOnBranch(TestGit git, String branch) {
        git.write("dockerbuild-config.yaml", PlannerTest.CONFIG).write("charts/a/values.yaml", PlannerTest.VALUES)
                .write("src/op/main.py", "1\n").write("src/hook/app.py", "2\n");
        git.commit("initial");
        git.branch(branch);
        git.write("charts/a/values.yaml", PlannerTest.VALUES.replace("version: 1.0.0\n  prereleaseSuffix:",
                "version: 1.0.1\n  prereleaseSuffix: x"));
        git.write("src/op/main.py", "changed\n");
    }

    private static Plan plan(Path root, Path githubOutput) {
        return PlanCommand.run(new PlanRequest(
                new ResolveRequest(root, Optional.empty(), Optional.empty(), root.resolve("target/oda")),
                Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(false), List.of(), false,
                Map.of("GITHUB_OUTPUT", githubOutput.toString())), new RecordingLog());
    }
}
