package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.check.NoPrereleaseCheck;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/** oda:prerelease then oda:release-prep on a git copy of the real oda-canvas charts. */
class VersionStepsTest {

    static final String OPERATOR_SOURCE = "source/operators/TMFOP001-Component-Management/component-management/";

    @TempDir
    Path dir;
    TestGit git;
    Path values;
    Path canvasChart;
    Path operatorChart;
    final RecordingLog log = new RecordingLog();

    @BeforeEach
    void odaCanvas() {
        git = TestGit.init(dir.resolve("repo"));
        Fixtures.copyOdaCanvas(git.root());
        git.write(OPERATOR_SOURCE + "componentOperator.py", "print('v1')\n")
                .write("charts/component-operator/templates/deployment.yaml", "kind: Deployment\n")
                .write(".gitignore", "target/\n");
        git.commit("oda-canvas");
        values = git.root().resolve("charts/canvas-oda/values.yaml");
        canvasChart = git.root().resolve("charts/canvas-oda/Chart.yaml");
        operatorChart = git.root().resolve("charts/component-operator/Chart.yaml");
    }

    @AfterEach
    void close() {
        git.close();
    }

    PlanRequest plan(List<String> images) {
        Path root = git.root();
        return new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(), root.resolve("target/oda")),
                Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(true), images, false,
                Map.of());
    }

    static List<String> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        assertThat(b.length).as("line count").isEqualTo(a.length);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                out.add(a[i].strip() + " => " + b[i].strip());
            }
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aValuesFileBrokenOnMainAndMendedOnTheBranchIsReadAsUnknownThereOnce() {
        // a merge to main left canvas-oda's values file unreadable; the branch mends it and changes the operator
        String good = read(values);
        Fixtures.replace(values, "    compopVersion: 1.1.2\n", "    compopVersion: [1.1.2\n");
        String main = git.commit("a bad merge");
        git.branch("feature/issue77");
        git.write("charts/canvas-oda/values.yaml", good).write(OPERATOR_SOURCE + "componentOperator.py", "print('v2')\n");
        git.commit("mend the values and change the operator");

        // the plan cannot tell which entries of the unreadable base changed: each of the file's 13 images counts
        assertThat(PrereleaseCommand.run(new PrereleaseRequest(plan(List.of()), Optional.empty(), Bump.PATCH, false),
                log).edits()).hasSize(26).extracting(e -> e.path() + "=" + e.newValue()).contains(
                ".component-operator.deployment.compopVersion=1.1.3",
                ".component-operator.deployment.compopPrereleaseSuffix=issue77", ".oda-webhook.version=1.0.3");
        git.commit("prerelease");
        EditReport prep = ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false), log);
        assertThat(prep.edits()).extracting(e -> e.file() + " " + e.path() + "=" + e.newValue()).contains(
                "charts/canvas-oda/values.yaml .component-operator.deployment.compopPrereleaseSuffix=",
                "charts/canvas-oda/Chart.yaml .version=1.2.6");
        String said = "charts/canvas-oda/values.yaml at " + main.substring(0, 7) + ":";
        assertThat(log.warnings).filteredOn(w -> w.startsWith(said)).containsExactly(
                said + "169:27: invalid YAML: expected ',' or ']', but got : (while parsing a flow"
                        + " sequence) (history; the file here is read as it is): the versions released from it are"
                        + " unknown, so the versions are bumped",
                said + "169:27: invalid YAML: expected ',' or ']', but got : (while parsing a flow"
                        + " sequence) (history; the file here is read as it is): its image entries there are unknown,"
                        + " so they count as changed");
    }

    @Test
    void aSuffixKeyWithTrailingSpacesInOdaCanvasIsFilledWithoutThem() {
        // canvas-oda's values file has "idlistkeyPrereleaseSuffix:  " (two trailing spaces)
        assertThat(read(values)).contains("\n    idlistkeyPrereleaseSuffix:  \n");
        git.branch("feature/issue777");
        git.write("source/operators/TMFOP003-Identity-Config/keycloak/identity-listener-keycloak/a.py", "x\n");
        git.commit("work on the identity listener");

        PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("identity-listener-keycloak")), Optional.empty(),
                Bump.PATCH, false), log);
        assertThat(read(values)).contains("\n    idlistkeyVersion: 1.1.1\n    idlistkeyPrereleaseSuffix: issue777\n");
    }

    @Test
    void aSecondCopyOfAnImageReferenceFollowsItIsSaidWhileItPartsAndReleasedByReleasePrep() {
        // canvas-oda deploys its Helm hooks' image from global.hookImages.kubectlCurl (name:tag in one text), while
        // the image's own version is in baseimages/kubectl-curl/version.yaml
        String hookLine = "    kubectlCurl: tmforumodacanvas/baseimage-kubectl-curl:1.30.5\n";
        assertThat(read(values)).contains(hookLine);
        assertThat(Planner.plan(plan(List.of()), log).warnings()).noneMatch(w -> w.contains("kubectlCurl"));
        git.branch("feature/issue9");
        git.write("baseimages/kubectl-curl/Dockerfile", "FROM scratch\n");
        git.commit("a new kubectl-curl");
        EditReport pre = PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("baseimage-kubectl-curl")),
                Optional.empty(), Bump.PATCH, false), log);
        // the chart on the branch deploys the image of the branch, as it deployed the image before
        assertThat(pre.edits()).extracting(e -> e.file() + ":" + e.line() + " " + e.path() + "=" + e.newValue()
                + " " + e.rule()).contains("charts/canvas-oda/values.yaml:23 .global.hookImages.kubectlCurl="
                        + "tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9 copy-follows (baseimage-kubectl-curl)");
        assertThat(read(values)).contains(hookLine.replace("1.30.5", "1.30.6-issue9"));
        git.commit("prerelease");
        assertThat(Planner.plan(plan(List.of()), log).warnings()).noneMatch(w -> w.contains("kubectlCurl"));

        // a developer who means the hooks to stay on the release puts it back: said, and left as it is
        Fixtures.replace(values, hookLine.replace("1.30.5", "1.30.6-issue9"), hookLine);
        assertThat(Planner.plan(plan(List.of()), log).warnings()).contains("charts/canvas-oda/values.yaml:23:18:"
                + " .global.hookImages.kubectlCurl names tmforumodacanvas/baseimage-kubectl-curl:1.30.5, but image"
                + " 'baseimage-kubectl-curl' is 1.30.6-issue9 here (baseimages/kubectl-curl/version.yaml:2:10): the"
                + " chart deploys the other; write 1.30.6-issue9 there too, or leave it if the other is meant");
        assertThat(PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("baseimage-kubectl-curl")),
                Optional.empty(), Bump.PATCH, false), log).edits()).isEmpty();
        Fixtures.replace(values, hookLine, hookLine.replace("1.30.5", "1.30.6-issue9"));
        assertThat(Planner.plan(plan(List.of()), log).warnings()).noneMatch(w -> w.contains("kubectlCurl"));
        assertThatThrownBy(() -> NoPrereleaseCheck.run(plan(List.of()).resolve(), new RecordingLog()))
                .hasMessageContaining("baseimages/kubectl-curl/version.yaml:3 baseimage-kubectl-curl=issue9")
                .hasMessageContaining("charts/canvas-oda/values.yaml:23 baseimage-kubectl-curl=issue9"
                        + " (tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9)");

        EditReport prep = ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false), log);
        assertThat(prep.edits()).extracting(e -> e.file() + ":" + e.line() + " " + e.path() + "=" + e.newValue()
                + " " + e.rule()).contains("charts/canvas-oda/values.yaml:23 .global.hookImages.kubectlCurl="
                        + "tmforumodacanvas/baseimage-kubectl-curl:1.30.6 suffix-cleared (baseimage-kubectl-curl)");
        assertThat(read(values)).contains(hookLine.replace("1.30.5", "1.30.6"));
        assertThat(NoPrereleaseCheck.run(plan(List.of()).resolve(), new RecordingLog())).isEmpty();
        assertThat(Planner.plan(plan(List.of()), log).warnings()).noneMatch(w -> w.contains("kubectlCurl"));
    }

    /**
     * An operator built FROM the branch's prerelease of a base image of the config: merged so, its release would stand
     * on a tag the next push of that branch overwrites. check-no-prerelease names the FROM line, release-prep writes
     * the base's release there (only that word) or in the default of the ARG the FROM names, and one it cannot write
     * (a tag put together from two args) is said.
     */
    @Test
    void aDockerfileFromAPrereleaseOfAnImageOfTheConfigFailsTheCheckAndReleasePrepWritesTheRelease() {
        String dockerfile = OPERATOR_SOURCE + "component-operator-dockerfile";
        String body = "# the operator\nFROM  tmforumodacanvas/baseimage-kubectl-curl:1.30.5 AS base\r\nCOPY . /app\n";
        git.write(dockerfile, body).write("baseimages/kubectl-curl/Dockerfile", "FROM scratch\n").commit("dockerfiles");
        git.branch("feature/issue9");
        git.write("baseimages/kubectl-curl/Dockerfile", "FROM scratch\nCOPY x /x\n").commit("a new kubectl-curl");
        PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("baseimage-kubectl-curl")), Optional.empty(),
                Bump.PATCH, false), log);
        git.write(dockerfile, body.replace("1.30.5", "1.30.6-issue9")).commit("the operator on the new base");
        assertThatThrownBy(() -> NoPrereleaseCheck.run(plan(List.of()).resolve(), new RecordingLog()))
                .hasMessageContaining(dockerfile + ":2 baseimage-kubectl-curl=issue9"
                        + " (FROM tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9)")
                .hasMessageContaining("a values file or a Dockerfile's FROM names an image with its tag");

        EditReport prep = ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false), log);
        assertThat(prep.edits()).extracting(e -> e.file() + ":" + e.line() + " " + e.path() + "=" + e.newValue()
                + " " + e.rule()).contains(dockerfile + ":2 FROM=tmforumodacanvas/baseimage-kubectl-curl:1.30.6"
                        + " suffix-cleared (baseimage-kubectl-curl)");
        assertThat(read(git.root().resolve(dockerfile))).isEqualTo(body.replace("1.30.5", "1.30.6"));
        assertThat(NoPrereleaseCheck.run(plan(List.of()).resolve(), new RecordingLog())).isEmpty();

        // through an ARG before the first FROM, the whole reference or its tag, quoted or not: written there
        for (String[] arg : List.of(
                new String[] {"ARG BASE=tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9\nFROM ${BASE}\n",
                    "ARG BASE=tmforumodacanvas/baseimage-kubectl-curl:1.30.6\nFROM ${BASE}\n", "1"},
                new String[] {"ARG OTHER=1.30.6-issue9\nARG TAG=\"1.30.6-issue9\"\n"
                    + "FROM tmforumodacanvas/baseimage-kubectl-curl:$TAG\n", "ARG OTHER=1.30.6-issue9\n"
                    + "ARG TAG=\"1.30.6\"\nFROM tmforumodacanvas/baseimage-kubectl-curl:$TAG\n", "2"})) {
            git.commit("release prep");
            Fixtures.replace(git.root().resolve("baseimages/kubectl-curl/version.yaml"), "prereleaseSuffix:",
                    "prereleaseSuffix: issue9");
            git.write(dockerfile, arg[0]).commit("the operator on the prerelease again");
            assertThatThrownBy(() -> NoPrereleaseCheck.run(plan(List.of()).resolve(), new RecordingLog()))
                    .hasMessageContaining(dockerfile + ":" + arg[2] + " baseimage-kubectl-curl=issue9"
                            + " (FROM tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9 at line "
                            + arg[0].lines().count() + ", through this ARG)");
            EditReport viaArg = ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false),
                    log);
            assertThat(viaArg.edits()).extracting(e -> e.file() + ":" + e.line() + " " + e.path())
                    .contains(dockerfile + ":" + arg[2] + " ARG");
            assertThat(read(git.root().resolve(dockerfile))).isEqualTo(arg[1]);
        }

        // a FROM whose tag is put together from two args: said with the line, nothing of the Dockerfile written
        git.commit("release prep");
        Fixtures.replace(git.root().resolve("baseimages/kubectl-curl/version.yaml"), "prereleaseSuffix:",
                "prereleaseSuffix: issue9");
        String twoArgs = "ARG V=1.30.6\nARG S=issue9\nFROM tmforumodacanvas/baseimage-kubectl-curl:${V}-${S}\n";
        git.write(dockerfile, twoArgs).commit("the operator on the prerelease, in two args");
        assertThatThrownBy(() -> NoPrereleaseCheck.run(plan(List.of()).resolve(), new RecordingLog()))
                .hasMessageContaining(dockerfile + ":3 baseimage-kubectl-curl=issue9"
                        + " (FROM tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9)");
        RecordingLog prepLog = new RecordingLog();
        ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false), prepLog);
        assertThat(read(git.root().resolve(dockerfile))).isEqualTo(twoArgs);
        assertThat(prepLog.warnings).contains(dockerfile + ":3: FROM names"
                + " tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9, a prerelease of image"
                + " 'baseimage-kubectl-curl', written in more than one place or not as one word: write"
                + " tmforumodacanvas/baseimage-kubectl-curl:1.30.6 there by hand (check-no-prerelease fails until"
                + " then)");
    }

    @Test
    void prereleaseThenReleasePrepTouchOnlyTheIntendedLines() {
        String valuesBefore = read(values);
        String canvasBefore = read(canvasChart);
        String operatorBefore = read(operatorChart);
        git.branch("feature/issue3456");
        git.write(OPERATOR_SOURCE + "componentOperator.py", "print('v2')\n");
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("work");

        EditReport pre = PrereleaseCommand.run(new PrereleaseRequest(plan(List.of()), Optional.empty(), Bump.PATCH,
                false), log);
        assertThat(pre.edits()).hasSize(2);
        assertThat(diff(valuesBefore, read(values))).containsExactly(
                "compopVersion: 1.1.2 => compopVersion: 1.1.3",
                "compopPrereleaseSuffix: => compopPrereleaseSuffix: issue3456");
        git.commit("prerelease");

        // running it again changes nothing: the version is already ahead of main
        assertThat(PrereleaseCommand.run(new PrereleaseRequest(plan(List.of()), Optional.empty(), Bump.PATCH, false),
                log).edits()).isEmpty();
        assertThat(log.infos).contains("component-operator: already 1.1.3-issue3456");

        EditReport prep = ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false), log);
        assertThat(diff(valuesBefore, read(values))).containsExactly("compopVersion: 1.1.2 => compopVersion: 1.1.3",
                "compopPrereleaseSuffix: => compopPrereleaseSuffix:"); // the fixture's trailing space is gone
        assertThat(diff(operatorBefore, read(operatorChart))).hasSize(1).allMatch(l -> l.matches(
                "version: (\\S+) => version: \\S+"));
        String oldOperator = diff(operatorBefore, read(operatorChart)).get(0).replaceAll("version: (\\S+) => .*", "$1");
        String newOperator = diff(operatorBefore, read(operatorChart)).get(0).replaceAll(".* => version: ", "");
        assertThat(diff(canvasBefore, read(canvasChart))).containsExactly(
                "version: 1.2.5 => version: 1.2.6",
                "version: \"" + oldOperator + "\" => version: \"" + newOperator + "\"");
        assertThat(prep.edits()).extracting(ScalarEdit::file).contains("charts/canvas-oda/values.yaml",
                "charts/canvas-oda/Chart.yaml", "charts/component-operator/Chart.yaml");
        assertThat(NoPrereleaseCheck.run(plan(List.of()).resolve(), new RecordingLog())).isEmpty();

        git.commit("release prep");
        assertThat(ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false), log).edits())
                .as("charts are bumped once per branch").isEmpty();
    }

    @Test
    void aPrereleaseThatAnotherBranchsReleaseOvertookIsBumpedAboveTheReleaseBranch() {
        git.branch("feature/a");
        git.write(OPERATOR_SOURCE + "componentOperator.py", "print('a')\n");
        git.commit("a's work");
        PrereleaseCommand.run(new PrereleaseRequest(plan(List.of()), Optional.empty(), Bump.PATCH, false), log);
        git.commit("a's prerelease");
        git.checkout("main");
        git.branch("feature/b");
        git.write(OPERATOR_SOURCE + "other.py", "print('b')\n");
        git.commit("b's work");
        PrereleaseCommand.run(new PrereleaseRequest(plan(List.of()), Optional.empty(), Bump.PATCH, false), log);
        git.commit("b's prerelease");
        assertThat(log.infos).contains("component-operator: 1.1.2 -> 1.1.3-a", "component-operator: 1.1.2 -> 1.1.3-b");

        // a is released first: 1.1.3 on main, where b's 1.1.3-b now sorts below a release
        git.checkout("feature/a");
        ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false), log);
        git.commit("[skip tests] release prep");
        git.checkout("main");
        git.merge("feature/a");
        git.checkout("feature/b");

        EditReport again = PrereleaseCommand.run(new PrereleaseRequest(plan(List.of()), Optional.empty(), Bump.PATCH,
                false), log);
        assertThat(again.edits()).extracting(e -> e.path() + "=" + e.newValue())
                .containsExactly(".component-operator.deployment.compopVersion=1.1.4");
        assertThat(log.infos).contains("component-operator: 1.1.3-b -> 1.1.4-b (main has 1.1.3 since this branch"
                + " left it)");
        git.commit("b's prerelease above a's release");
        assertThat(PrereleaseCommand.run(new PrereleaseRequest(plan(List.of()), Optional.empty(), Bump.PATCH, false),
                log).edits()).as("1.1.4-b is ahead of main").isEmpty();
    }

    @Test
    void dryRunWritesNothingButReportsTheEdits() throws Exception {
        String valuesBefore = read(values);
        git.branch("odaa-42-fix");
        EditReport report = PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("compcrdwebhook")),
                Optional.empty(), Bump.MINOR, true), log);
        assertThat(report.edits()).extracting(ScalarEdit::newValue).containsExactly("1.1.0", "odaa-42-fix");
        assertThat(read(values)).isEqualTo(valuesBefore);
        assertThat(Files.readString(git.root().resolve("target/oda/edits.json"))).contains("\"dryRun\": true")
                .contains("odaa-42-fix");
    }

    @Test
    void anImageTheBranchAddsKeepsItsFirstVersionWhileAnOldOneIsBumped() throws Exception {
        git.branch("feature/new-op");
        Path config = git.root().resolve(Fixtures.ODA_CANVAS_CONFIG);
        git.write(Fixtures.ODA_CANVAS_CONFIG, Files.readString(config) + """

                new-op:
                  valuesYamlFile: charts/new-op/values.yaml
                  valuesPathImage: .image
                  valuesPathVersion: .version
                  valuesPathPrereleaseSuffix: .prereleaseSuffix
                  paths:
                  - source/new-op/**
                  buildContext: source/new-op
                """);
        git.write("charts/new-op/values.yaml", "image: tmforumodacanvas/new-op\nversion: 0.1.0\nprereleaseSuffix:\n");
        git.write("source/new-op/Dockerfile", "FROM scratch\n");
        git.commit("a new operator");

        EditReport report = PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("new-op", "compcrdwebhook")),
                Optional.empty(), Bump.PATCH, false), log);
        assertThat(report.edits()).extracting(e -> e.file() + " " + e.path() + "=" + e.newValue())
                .containsExactlyInAnyOrder("charts/new-op/values.yaml .prereleaseSuffix=new-op",
                "charts/canvas-oda/values.yaml .oda-webhook.version=1.0.3",
                "charts/canvas-oda/values.yaml .oda-webhook.prereleaseSuffix=new-op");
        assertThat(read(git.root().resolve("charts/new-op/values.yaml")))
                .isEqualTo("image: tmforumodacanvas/new-op\nversion: 0.1.0\nprereleaseSuffix: new-op\n");
    }

    @Test
    void aBranchThatMovesAnImagesValuesKeysWithTheConfigIsBumpedFromTheReleasedVersion() {
        // oda-canvas' tmf638 went between .canvas-info-service and .canvas-info-service.serviceInventoryAPI
        Path config = git.root().resolve(Fixtures.ODA_CANVAS_CONFIG);
        String context = "source/tmf-services/TMF638_Service_Inventory/";
        git.write(context + "Dockerfile", "FROM scratch\nCOPY app.js /\n").write(context + "app.js", "1\n");
        git.commit("tmf638's sources");
        git.branch("feature/issue638");
        for (String key : List.of("image", "version", "prereleaseSuffix")) {
            Fixtures.replace(config, ".canvas-info-service." + key, ".canvas-info-service.serviceInventoryAPI." + key);
        }
        Fixtures.replace(values, "  image: tmforumodacanvas/tmf638-service-inventory-api\n  version: 1.0.0\n"
                + "  prereleaseSuffix:\n", "  serviceInventoryAPI:\n    image: tmforumodacanvas/tmf638-service-inventory-api\n"
                + "    version: 1.0.0\n    prereleaseSuffix:\n");
        git.write(context + "app.js", "2\n");

        // uncommitted, as a developer runs it before the commit, and committed: 1.0.0 is released, 1.0.1 is next
        for (boolean committed : new boolean[] {false, true}) {
            if (committed) {
                git.commit("tmf638's values move under serviceInventoryAPI; its code changes");
            }
            EditReport report = PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("tmf638-service-inventory-api")),
                    Optional.empty(), Bump.PATCH, true), log);
            assertThat(report.edits()).as(committed ? "committed" : "uncommitted")
                    .extracting(e -> e.path() + "=" + e.newValue()).containsExactly(
                            ".canvas-info-service.serviceInventoryAPI.version=1.0.1",
                            ".canvas-info-service.serviceInventoryAPI.prereleaseSuffix=issue638");
        }
    }

    @Test
    void aFailureBetweenTwoFilesLeavesBothOld() {
        git.branch("feature/x");
        git.write("charts/component-operator/templates/deployment.yaml", "kind: Deployment # changed\n");
        git.commit("chart change");
        PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("component-operator")), Optional.empty(),
                Bump.PATCH, false), log);
        git.commit("prerelease");
        String valuesBefore = read(values);
        String canvasBefore = read(canvasChart);
        String operatorBefore = read(operatorChart);
        AtomicInteger moves = new AtomicInteger();
        AtomicFileSet.Mover failSecond = (from, to) -> {
            if (moves.incrementAndGet() == 2) {
                throw new IOException("disk full (injected)");
            }
            AtomicFileSet.ATOMIC.move(from, to);
        };
        assertThatThrownBy(() -> ReleasePrepCommand.run(new ReleasePrepRequest(plan(List.of()), Bump.PATCH, false),
                log, failSecond)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full (injected)")
                .hasMessageContaining("no file was changed");
        assertThat(moves.get()).isEqualTo(2);
        assertThat(read(values)).isEqualTo(valuesBefore);
        assertThat(read(canvasChart)).isEqualTo(canvasBefore);
        assertThat(read(operatorChart)).isEqualTo(operatorBefore);
        try (var files = Files.list(values.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".oda-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void prereleaseIsRefusedOnTheReleaseBranch() {
        assertThatThrownBy(() -> PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("compcrdwebhook")),
                Optional.empty(), Bump.PATCH, false), log)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("release branch main");
    }

    /**
     * oda-canvas' how-to: a branch not named feature/... or odaa-... gets no automated docker builds. The suffix is
     * set as asked, and the developer is told at once that CI will not build it, with the name that would.
     */
    @Test
    void aPrereleaseOnABranchThatCiDoesNotBuildSaysSoWithTheNameThatWould() {
        git.branch("develop");
        PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("compcrdwebhook")), Optional.empty(), Bump.PATCH,
                false), log);
        assertThat(read(values)).contains("prereleaseSuffix: develop");
        assertThat(log.warnings).containsExactly("branch develop is no prerelease branch (feature/*, odaa-*), so CI"
                + " builds and pushes no image of it: compcrdwebhook 1.0.3-develop is built only by oda:build on this"
                + " machine: rename the branch (git branch -m feature/develop) for CI to build and push it on every push");

        log.warnings.clear();
        git.branch("feature/issue7");
        PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("compcrdwebhook")), Optional.empty(), Bump.PATCH,
                false), log);
        assertThat(log.warnings).isEmpty();
        assertThat(new BranchPolicy(List.of("main"), List.of("team-*-dev")).prereleaseNameFor("x"))
                .contains("team-x-dev");
        assertThat(new BranchPolicy(List.of("main"), List.of("next")).prereleaseNameFor("x")).isEmpty();
    }

    @Test
    void aLongBranchNameIsCutSoThatEveryTagFitsAndALongSuffixGivenIsRefused() {
        String words = "make-the-component-operator-retry-every-keycloak-call-with-backoff-and-log-what-it-waited-for"
                + "-and-why-it-gave-up-after-the-third-attempt";
        git.branch("feature/" + words);
        EditReport report = PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("compcrdwebhook")),
                Optional.empty(), Bump.PATCH, true), log);
        String suffix = report.edits().get(1).newValue();
        // compcrdwebhook 1.0.2 -> 1.0.3: version, '-' and suffix fill Docker's 128 characters at most
        assertThat(("1.0.3-" + suffix).length()).isLessThanOrEqualTo(128);
        assertThat(words).startsWith(suffix);
        assertThat(suffix).doesNotEndWith("-").hasSizeGreaterThan(100);
        assertThat(log.infos).anyMatch(i -> i.contains("is long: its prerelease suffix is cut to"));

        String given = "x".repeat(124);
        assertThatThrownBy(() -> PrereleaseCommand.run(new PrereleaseRequest(plan(List.of("compcrdwebhook")),
                Optional.of(given), Bump.PATCH, true), log)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is 124 characters long: with version 1.0.3 the tag would be longer than the 128"
                        + " characters Docker allows; pass one of at most 122");
    }

    @Test
    void suffixesFromBranchNames() {
        assertThat(BranchSuffix.of("feature/issue3456").text()).isEqualTo("issue3456");
        assertThat(BranchSuffix.of("odaa-42-fix").text()).isEqualTo("odaa-42-fix");
        assertThat(BranchSuffix.of("feature/JIRA_12 fix.v2").text()).isEqualTo("JIRA-12-fix-v2");
        assertThat(BranchSuffix.of("feature/0123").text()).isEqualTo("b0123");
        assertThat(BranchSuffix.of("feature/Änderung-für-Größe").text()).isEqualTo("Anderung-fur-Gro-e");
        assertThatThrownBy(() -> BranchSuffix.of("feature/___")).hasMessageContaining(Setting.SUFFIX.set("<suffix>"));
        // cut to a length, never ending in '-', a numeric one still not starting with 0
        assertThat(BranchSuffix.of("feature/issue-3456-fix", 11).text()).isEqualTo("issue-3456");
        assertThat(BranchSuffix.of("feature/01234567", 5).text()).isEqualTo("b0123");
    }
}
