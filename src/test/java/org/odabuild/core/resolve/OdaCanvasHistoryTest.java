package org.odabuild.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

/** States from oda-canvas' history (src/test/resources/oda-canvas-history) that the current files do not show. */
class OdaCanvasHistoryTest {

    @TempDir
    Path repo;

    private Resolution resolveAt(String commit) {
        Fixtures.copyOdaCanvasAt(commit, repo);
        return Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.of(repo), repo.resolve("target/oda"),
                List.of(), Optional.empty()), new RecordingLog());
    }

    /** Each resolved image's tag, in the config's order. */
    private static Map<String, String> tags(Resolution r) {
        return r.images().stream().collect(Collectors.toMap(ResolvedImage::key, i -> i.tag().toString(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void aFeatureBranchWhoseKongAndApisixEntriesPointedAtKeysTheChartDidNotHave() {
        Resolution r = resolveAt("7dede50");
        // trailing spaces after a suffix and after an image key are YAML's to drop, as yq did
        assertThat(tags(r)).containsExactly(
                Map.entry("conversion-webhook", "1.0.0-issue-419"),
                Map.entry("component-operator", "1.0.0-issue-419"),
                Map.entry("identityconfig-operator-keycloak", "1.0.0-issue-419"),
                Map.entry("identity-listener-keycloak", "0.7.2"),
                Map.entry("api-operator-istio", "1.0.0-issue-419"),
                Map.entry("dependentapi-simple-operator", "1.0.0-issue-419"),
                Map.entry("tmf638-service-inventory-api", "0.1.2"),
                Map.entry("secretsmanagement-operator-vault", "1.0.0-issue-419"),
                Map.entry("secretsmanagement-sidecar", "0.1.0"),
                Map.entry("baseimage-kubectl-curl", "1.30.5"));
        // the two broken entries do not stop the others, and each says where the chart keeps its image
        assertThat(r.broken()).extracting(BrokenImage::key).containsExactly("api-operator-apisix",
                "api-operator-kong");
        assertThat(r.broken().get(0).reason()).contains("the top level has no key 'api-operator-apisix'; the file has"
                + " '.apisix-gateway.apisixoperatorimage.apisixopImage' at line 282: point the path there");
        assertThat(r.broken().get(1).reason()).contains("the top level has no key 'api-operator-kong'; the file has"
                + " '.kong-gateway.kongoperatorimage.kongopImage' at line 259: point the path there");
    }

    @Test
    void aFeatureBranchWhoseKeycloakOperatorTookItsVersionFromAKeyTheChartDidNotHave() {
        Resolution r = resolveAt("62a4756");
        // two trailing spaces after oda-webhook's empty suffix leave it empty: a release tag
        assertThat(tags(r)).containsExactly(
                Map.entry("compcrdwebhook", "0.11.0"),
                Map.entry("component-operator", "0.7.0-223-refact-2"),
                Map.entry("identity-listener-keycloak", "0.7.1"),
                Map.entry("api-operator-istio", "0.1.0"),
                Map.entry("dependentapi-simple-operator", "0.2.4"),
                Map.entry("tmf638-service-inventory-api", "0.1.1"),
                Map.entry("secretsmanagement-operator", "0.1.3"),
                Map.entry("secretsmanagement-sidecar", "0.1.0"),
                Map.entry("baseimage-kubectl-curl", "1.30.5"));
        // the image path was right, the version path named another parent: the message points at the sibling
        assertThat(r.broken()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("identityconfig-operator-keycloak");
            assertThat(b.reason()).contains("has no value at '.identityconfig-operator.deployment.idkopVersion'")
                    .contains("the top level has no key 'identityconfig-operator'; the file has"
                            + " '.identityconfig-operator-keycloak.deployment.idkopVersion' at line 60: point the"
                            + " path there");
        });
    }
}
