package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * A plan on a state of oda-canvas' history (src/test/resources/oda-canvas-history/62a4756): the feature branch of
 * issue 223, where one entry is broken (refused on its own, the others planned) and one image still carries its release version.
 */
class OdaCanvasHistoryPlanTest {

    @TempDir
    Path dir;

    @Test
    void theBranchBuildsItsPrereleaseRefusesTheReleaseVersionAndTheBrokenEntryAndSkipsTheRest() {
        Path root = Fixtures.copyOdaCanvasAt("62a4756", dir.resolve("repo"));
        try (TestGit git = TestGit.init(root)) {
            git.write("source/operators/component-management/componentOperator.py", "print(1)\n")
                    .write("source/operators/securityController/controller.py", "print(2)\n")
                    .write("source/operators/identity-config/keycloak/op.py", "print(3)\n")
                    .commit("the sources before the branch");
            git.branch("feature/223-refact-2");
            git.write("source/operators/component-management/componentOperator.py", "print('refactored')\n")
                    .write("source/operators/securityController/controller.py", "print('refactored')\n")
                    .write("source/operators/identity-config/keycloak/op.py", "print('refactored')\n")
                    .commit("refactor the operators");

            ResolveRequest resolve = new ResolveRequest(root, Optional.empty(), Optional.empty(),
                    root.resolve("target/oda"));
            Plan plan = Planner.plan(new PlanRequest(resolve, Optional.empty(), BranchPolicy.defaults(),
                    Optional.empty(), Optional.of(false), List.of(), false, Map.of()), new RecordingLog());

            Map<String, ImageAction> actions = plan.images().stream()
                    .collect(Collectors.toMap(PlannedImage::key, i -> i.decision().action()));
            assertThat(actions).containsEntry("component-operator", ImageAction.BUILD_PRERELEASE)
                    .containsEntry("identity-listener-keycloak", ImageAction.REFUSE);
            assertThat(plan.broken()).extracting(b -> b.key()).containsExactly("identityconfig-operator-keycloak");
            assertThat(actions).hasSize(9).containsEntry("compcrdwebhook", ImageAction.SKIP_UNCHANGED)
                    .containsEntry("api-operator-istio", ImageAction.SKIP_UNCHANGED)
                    .containsEntry("baseimage-kubectl-curl", ImageAction.SKIP_UNCHANGED);
            assertThat(plan.images()).filteredOn(i -> i.key().equals("identity-listener-keycloak")).singleElement()
                    .satisfies(i -> assertThat(i.decision().reason())
                            .startsWith("release versions can only be built from master/main")
                            .contains("source/operators/securityController/controller.py"));
        }
    }
}
