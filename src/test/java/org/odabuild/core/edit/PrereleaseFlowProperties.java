package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.plan.PlanStops;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * The how-to's feature branch, at random, on the real oda-canvas config: some images' sources changed over one or
 * more pushes, {@code prerelease} run once. The plan then builds a prerelease of exactly the changed images and
 * refuses none; a later push that changes one of them again builds it again (its tag is overwritten) with nothing
 * more for {@code prerelease} to do; after {@code release-prep} and the merge, main builds their releases.
 */
class PrereleaseFlowProperties {

    /** A file under each image's paths, and only under its own. */
    private static final Map<String, String> SOURCES = Map.of(
            "compcrdwebhook", "source/webhooks/implementation/app.js",
            "component-operator", "source/operators/TMFOP001-Component-Management/component-management/op.py",
            "identityconfig-operator-keycloak", "source/operators/TMFOP003-Identity-Config/keycloak/op.py",
            "identity-listener-keycloak",
            "source/operators/TMFOP003-Identity-Config/keycloak/identity-listener-keycloak/listener.py",
            "api-operator-istio", "source/operators/TMFOP002-API-Management/istio/op.py",
            "baseimage-kubectl-curl", "baseimages/kubectl-curl/Dockerfile",
            "pdb-management-operator", "source/operators/TMFOP010-Disruption-Budget-Management/pdb-management/op.py",
            "tmf638-service-inventory-api", "source/tmf-services/TMF638_Service_Inventory/src/app.py",
            "api-operator-kong", "source/operators/TMFOP002-API-Management/kong/op.py");

    @Property(tries = 25)
    void thePlanBuildsAPrereleaseOfExactlyTheChangedImages(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>(new TreeSet<>(SOURCES.keySet()));
        try (TestGit git = TestGit.temporary("prerelease-flow")) {
            Fixtures.copyOdaCanvas(git.root());
            SOURCES.values().forEach(s -> git.write(s, "v1\n"));
            git.write(".gitignore", "target/\n");
            git.commit("oda-canvas");
            git.branch("feature/issue" + random.nextInt(1000));
            Set<String> changed = new TreeSet<>();
            int pushes = 1 + random.nextInt(3);
            for (int p = 0; p < pushes; p++) {
                String key = keys.get(random.nextInt(keys.size()));
                git.write(SOURCES.get(key), "v" + (p + 2) + "\n");
                changed.add(key);
                if (random.nextBoolean()) { // what no image's paths cover: a chart, its values, the docs
                    git.write(random.nextBoolean() ? "charts/canvas-oda/templates/t" + p + ".yaml" : "docs/p" + p
                            + ".md", "x\n");
                    git.write("charts/canvas-oda/values.yaml", git.read("charts/canvas-oda/values.yaml")
                            .replace("\n    compopImage:", "\n    extra" + p + ": 1\n    compopImage:"));
                }
                git.commit("push " + p);
            }
            RecordingLog log = new RecordingLog();
            PrereleaseCommand.run(new PrereleaseRequest(plan(git), Optional.empty(), Bump.PATCH, false), log);
            git.commit("prerelease");
            assertBuilds(Planner.plan(plan(git), log), changed, ImageAction.BUILD_PRERELEASE);

            String again = new ArrayList<>(changed).get(random.nextInt(changed.size()));
            git.write(SOURCES.get(again), "once more\n");
            git.commit("another push");
            assertThat(PrereleaseCommand.run(new PrereleaseRequest(plan(git), Optional.empty(), Bump.PATCH, false),
                    log).edits()).as("prerelease again").isEmpty();
            assertBuilds(Planner.plan(plan(git), log), changed, ImageAction.BUILD_PRERELEASE);

            // release-prep, the pull request merged: main builds the releases of the same images
            String branch = git.git().getRepository().getFullBranch().substring("refs/heads/".length());
            ReleasePrepCommand.run(new ReleasePrepRequest(plan(git), Bump.PATCH, false), log);
            git.commit("[skip tests] release prep");
            git.checkout("main");
            git.merge(branch);
            assertBuilds(Planner.plan(plan(git), log), changed, ImageAction.BUILD_RELEASE);
        }
    }

    private static void assertBuilds(Plan plan, Set<String> changed, ImageAction build) {
        assertThat(PlanStops.refusals(plan)).isEmpty();
        for (PlannedImage image : plan.images()) {
            assertThat(image.decision().action()).as(image.key() + ": " + image.decision().reason())
                    .isEqualTo(changed.contains(image.key()) ? build : ImageAction.SKIP_UNCHANGED);
        }
    }

    private static PlanRequest plan(TestGit git) {
        Path repo = git.root();
        return new PlanRequest(new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda")),
                Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(true), List.of(), false,
                Map.of());
    }
}
