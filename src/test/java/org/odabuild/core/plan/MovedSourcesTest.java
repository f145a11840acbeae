package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.check.VersionBumpCheck;
import org.odabuild.core.config.DockerBuildConfigReader;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * oda-canvas moved its operators' folders ({@code source/operators/component-management} became
 * {@code source/operators/TMFOP001-Component-Management/component-management}), the config's paths with them, and
 * no image's version: the images are the same, so nothing is changed, no version bump is asked for and main builds
 * nothing (their release tags exist and are immutable).
 */
class MovedSourcesTest {

    static final String CONFIG = Fixtures.ODA_CANVAS_CONFIG;
    /** The layout before the move: the TMFOPnnn-... folder left out of every path. */
    static final String BEFORE = "source/operators/TMFOP\\d+-[A-Za-z0-9-]+/";

    @TempDir
    Path dir;
    TestGit git;
    List<ImageConfig> images;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void odaCanvasBeforeTheMove() {
        git = TestGit.init(dir.resolve("repo"));
        Fixtures.copyOdaCanvas(git.root());
        images = new DockerBuildConfigReader(new RepoLayout(git.root()), new RecordingLog())
                .read(git.root().resolve(CONFIG)).images();
        String config = git.read(CONFIG);
        git.write(CONFIG, config.replaceAll(BEFORE, "source/operators/"));
        for (ImageConfig image : images) {
            sources(image, p -> p.replaceAll(BEFORE, "source/operators/"));
        }
        git.write(".gitignore", "target/\n").commit("oda-canvas before the move");
        git.branch("feature/restructure");
        for (ImageConfig image : images) {
            for (String file : files(image)) {
                String old = file.replaceAll(BEFORE, "source/operators/");
                if (!old.equals(file)) {
                    git.write(file, git.read(old)).delete(old);
                }
            }
        }
        git.write(CONFIG, config);
    }

    @AfterEach
    void close() {
        git.close();
    }

    /** Each image's Dockerfile and a source file, written at the paths {@code at} gives. */
    void sources(ImageConfig image, java.util.function.UnaryOperator<String> at) {
        for (String file : files(image)) {
            String path = at.apply(file);
            if (git.root().resolve(path).toFile().exists()) {
                continue; // two images share a context (the keycloak operator and its listener)
            }
            git.write(path, file.endsWith(".py") ? "print('" + image.key() + "')\n" : "FROM scratch\nCOPY . /app\n");
        }
    }

    static List<String> files(ImageConfig image) {
        List<String> files = new ArrayList<>(List.of(image.buildDockerfile(), image.buildContext() + "/"
                + image.key().replace('-', '_') + ".py"));
        image.testDockerfile().ifPresent(files::add);
        for (String glob : image.paths()) { // a file each glob matches
            files.add(glob.replace("**/*", "lib/util.py").replace("*", "module.py"));
        }
        return files;
    }

    Plan plan() {
        Path root = git.root();
        return Planner.plan(request(root), new RecordingLog());
    }

    PlanRequest request(Path root) {
        return new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(), root.resolve("target/oda")),
                Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(false), List.of(), false, env);
    }

    static Map<String, ImageAction> actions(Plan plan) {
        return plan.images().stream().collect(Collectors.toMap(PlannedImage::key, i -> i.decision().action()));
    }

    @Test
    void theMoveOfOdaCanvasOperatorsChangesNoImageOnTheBranchNorOnMain() {
        git.commit("move the operators into TMFOP folders");
        Plan onBranch = plan();
        List<PlannedImage> moved = onBranch.images().stream()
                .filter(i -> i.image().config().buildContext().matches("source/operators/TMFOP.*")).toList();
        assertThat(moved).hasSize(12);
        assertThat(moved).allSatisfy(i -> {
            assertThat(i.changedFiles()).as(i.key()).isNotEmpty();
            assertThat(i.changed()).as(i.key()).isFalse();
            assertThat(i.decision().action()).as(i.key()).isEqualTo(ImageAction.SKIP_UNCHANGED);
            assertThat(i.versionBump().status()).isEqualTo(VersionBump.Status.NOT_APPLICABLE);
        });
        assertThat(moved).filteredOn(i -> i.key().equals("component-operator")).singleElement()
                .satisfies(i -> assertThat(i.decision().reason()).isEqualTo("its build context moved from"
                        + " source/operators/component-management with the same files, its Dockerfile the same, since"
                        + " the base " + onBranch.changes().baseCommit().orElseThrow().substring(0, 7)
                        + ": the image would be the same"));
        assertThat(onBranch.toBuild()).isEmpty();
        assertThat(actions(onBranch)).doesNotContainValue(ImageAction.REFUSE);

        VersionBumpCheck.run(request(git.root()), new RecordingLog()); // passes: no version to bump

        git.checkout("main").merge("feature/restructure");
        Plan onMain = plan();
        assertThat(onMain.toBuild()).isEmpty();
        assertThat(actions(onMain).values()).containsOnly(ImageAction.SKIP_UNCHANGED);
    }

    @Test
    void aFileChangedInAMovedFolderIsAChangeAndAsksForItsBump() {
        git.write("source/operators/TMFOP001-Component-Management/component-management/component_operator.py",
                "print('changed while moved')\n").commit("move, and change the component operator");
        Plan plan = plan();
        Map<String, ImageAction> actions = actions(plan);
        assertThat(actions).containsEntry("component-operator", ImageAction.REFUSE)
                .containsEntry("api-operator-istio", ImageAction.SKIP_UNCHANGED);
        assertThat(PlannerTest.image(plan, "component-operator").versionBump().status())
                .isEqualTo(VersionBump.Status.MISSING);
        assertThatThrownBy(() -> VersionBumpCheck.run(request(git.root()), new RecordingLog()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageFindingMatch("image component-operator changed since [0-9a-f]{7} \\(merge-base with main\\)"
                        + " but")
                .hasMessageNotContaining("api-operator-istio");
    }

    @Test
    void aMovedFolderWithOtherPlatformsOrAnotherDockerfileIsAChange() {
        String config = git.read(CONFIG);
        git.write(CONFIG, config.replace("  buildDockerfile: source/operators/TMFOP002-API-Management/kong/kong-dockerfile",
                        "  buildDockerfile: source/operators/TMFOP002-API-Management/kong/kong-dockerfile\n"
                                + "  platforms: linux/amd64"))
                .write("source/operators/TMFOP002-API-Management/istio/api-operator-istio-dockerfile",
                        "FROM scratch\nCOPY . /srv\n")
                .commit("move; kong for amd64 only; istio's Dockerfile changed");
        Map<String, ImageAction> actions = actions(plan());
        assertThat(actions).containsEntry("api-operator-kong", ImageAction.REFUSE)
                .containsEntry("api-operator-istio", ImageAction.REFUSE)
                .containsEntry("api-operator-apisix", ImageAction.SKIP_UNCHANGED);
    }
}
