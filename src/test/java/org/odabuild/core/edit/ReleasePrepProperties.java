package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.odabuild.core.check.NoPrereleaseCheck;
import org.odabuild.core.check.VersionBumpCheck;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * The how-to's branch, at random, on the real oda-canvas charts: templates, values, Chart.yaml fields, docs and image
 * sources changed, chart versions lowered by mistake, charts added; then {@code prerelease} for the changed images
 * and {@code release-prep}. Whatever the branch did, the pull request's checks then pass
 * ({@code check-version-bump}, {@code check-no-prerelease}), and a second {@code release-prep} has nothing to do.
 */
class ReleasePrepProperties {

    private static final List<String> CHARTS = List.of("charts/api-operator-istio", "charts/canvas-oda",
            "charts/canvas-vault", "charts/component-operator", "charts/credentialsmanagement-operator",
            "charts/dependentapi-simple-operator", "charts/identityconfig-operator-keycloak", "charts/kong-gateway",
            "charts/oda-crds", "charts/oda-webhook", "charts/pdb-management-operator",
            "charts/secretsmanagement-operator", "charts/experimental/oauth2-envoyfilter-operator",
            "charts/apisix-gateway", "charts/cert-manager-init", "charts/canvas-namespaces");
    /** A file under each of some images' paths. */
    private static final List<String> SOURCES = List.of("source/webhooks/implementation/app.js",
            "source/operators/TMFOP001-Component-Management/component-management/componentOperator.py",
            "source/operators/TMFOP003-Identity-Config/keycloak/keycloakOperator.py",
            "source/operators/TMFOP003-Identity-Config/keycloak/identity-listener-keycloak/listener.py",
            "source/operators/TMFOP002-API-Management/istio/apiOperator.py", "baseimages/kubectl-curl/Dockerfile",
            "source/operators/TMFOP010-Disruption-Budget-Management/pdb-management/pdb.py",
            "source/tmf-services/TMF638_Service_Inventory/src/app.py",
            "source/operators/TMFOP002-API-Management/kong/kong.py");

    private static final Pattern HAND = Pattern.compile("^chart (\\S+) needs a new version .* set its version in (\\S+)"
            + " by hand$");

    @Property(tries = 30)
    void afterPrereleaseAndReleasePrepThePullRequestsChecksPass(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        try (TestGit git = TestGit.temporary("release-prep-properties")) {
            Fixtures.copyOdaCanvas(git.root());
            CHARTS.forEach(c -> git.write(c + "/templates/deployment.yaml", "kind: Deployment\n"));
            SOURCES.forEach(s -> git.write(s, "v1\n"));
            git.write(".gitignore", "target/\n");
            git.commit("oda-canvas");
            git.branch("feature/issue" + random.nextInt(1000));
            int commits = 1 + random.nextInt(2);
            for (int c = 0; c < commits; c++) {
                int changes = 1 + random.nextInt(3);
                for (int i = 0; i < changes; i++) {
                    change(git, random, c * 10 + i);
                }
                git.commit("change " + c);
            }
            RecordingLog log = new RecordingLog();
            PrereleaseCommand.run(new PrereleaseRequest(plan(git), Optional.empty(), Bump.PATCH, false), log);
            git.commit("prerelease");
            ReleasePrepCommand.run(new ReleasePrepRequest(plan(git), Bump.PATCH, false), log);
            // a chart in a prerelease version (oda-canvas' experimental oauth2-envoyfilter-operator, 0.1.0-rc) is
            // said, not promoted: its developer sets its version by hand, as the warning asks
            log.warnings.stream().map(HAND::matcher).filter(Matcher::find).forEach(m -> git.write(m.group(2),
                    git.read(m.group(2)).replaceFirst("(?m)^version: .*$", "version: 9.0.0")));
            git.commit("[skip tests] release prep");

            assertThat(VersionBumpCheck.run(plan(git), log)).as("check-version-bump").allMatch(
                    VersionBumpCheck.Finding::bumped);
            assertThat(NoPrereleaseCheck.run(plan(git).resolve(), log)).as("check-no-prerelease").isEmpty();
            assertThat(ReleasePrepCommand.run(new ReleasePrepRequest(plan(git), Bump.PATCH, false), log).edits())
                    .as("a second release-prep").isEmpty();
        }
    }

    private static void change(TestGit git, Random random, int n) throws IOException {
        String chart = CHARTS.get(random.nextInt(CHARTS.size()));
        switch (random.nextInt(9)) {
            case 0 -> git.write(chart + "/templates/deployment.yaml", "kind: Deployment # " + n + "\n");
            case 1 -> git.write(chart + "/templates/extra" + n + ".yaml", "kind: ConfigMap\n");
            case 2 -> git.write(chart + "/README.md", "# changed " + n + "\n");
            case 3 -> git.write(chart + "/Chart.yaml", git.read(chart + "/Chart.yaml").stripTrailing()
                    + "\nkeywords:\n  - k" + n + "\n");
            case 4 -> git.write(chart + "/Chart.yaml", git.read(chart + "/Chart.yaml") // a slip while at it
                    .replaceFirst("(?m)^version: .*$", "version: 0.0." + n))
                    .write(chart + "/templates/deployment.yaml", "kind: Deployment # " + n + "\n");
            case 5 -> git.write(SOURCES.get(random.nextInt(SOURCES.size())), "v" + n + "\n");
            case 6 -> {
                if (Files.exists(git.root().resolve(chart + "/templates/deployment.yaml"))) {
                    git.delete(chart + "/templates/deployment.yaml");
                }
            }
            case 7 -> mergeAReleaseOfMain(git, chart, n);
            default -> git.write("charts/new" + n + "/Chart.yaml", "apiVersion: v2\nname: new" + n
                    + "\nversion: 0.1.0\n").write("charts/new" + n + "/templates/a.yaml", "kind: ConfigMap\n");
        }
    }

    /** Another pull request merged into main meanwhile (a chart changed and released there), merged into the branch. */
    private static void mergeAReleaseOfMain(TestGit git, String chart, int n) throws IOException {
        String branch = git.git().getRepository().getFullBranch().substring("refs/heads/".length());
        git.commit("before merging main " + n);
        String onBranch = git.read(chart + "/Chart.yaml");
        git.checkout("main");
        git.write(chart + "/templates/main" + n + ".yaml", "kind: Service\n");
        if (git.read(chart + "/Chart.yaml").equals(onBranch)) { // else the merge would conflict there
            git.write(chart + "/Chart.yaml", onBranch.replaceFirst("(?m)^version: .*$", "version: 5.0." + n));
        }
        git.commit("released on main " + n);
        git.checkout(branch);
        git.merge("main");
    }

    private static PlanRequest plan(TestGit git) {
        Path repo = git.root();
        return new PlanRequest(new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda")),
                Optional.empty(), BranchPolicy.defaults(), Optional.empty(), Optional.of(true), List.of(), false,
                Map.of());
    }
}
