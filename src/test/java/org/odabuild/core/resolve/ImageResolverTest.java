package org.odabuild.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

class ImageResolverTest {

    @TempDir
    Path repo;

    private final RecordingLog log = new RecordingLog();

    private Resolution resolveOdaCanvas() {
        return Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda")),
                log).requireAll();
    }

    @Test
    void resolvesAllSixteenOdaCanvasImagesAsYqDoes() {
        Fixtures.copyOdaCanvas(repo);
        // expected values computed from the fixtures with a YAML parser (duplicate keys: last wins)
        assertThat(resolveOdaCanvas().images()).extracting(ResolvedImage::key, ResolvedImage::reference).containsExactly(
                tuple("compcrdwebhook", "tmforumodacanvas/compcrdwebhook:1.0.2"),
                tuple("component-operator", "tmforumodacanvas/component-operator:1.1.2"),
                tuple("identityconfig-operator-keycloak", "tmforumodacanvas/identityconfig-operator-keycloak:1.1.0"),
                tuple("identity-listener-keycloak", "tmforumodacanvas/identity-listener-keycloak:1.1.0"),
                tuple("api-operator-istio", "tmforumodacanvas/api-operator-istio:1.1.0"),
                tuple("dependentapi-simple-operator", "tmforumodacanvas/dependentapi-simple-operator:1.0.1"),
                tuple("tmf638-service-inventory-api", "tmforumodacanvas/tmf638-service-inventory-api:1.0.0"),
                tuple("secretsmanagement-operator-vault", "tmforumodacanvas/secretsmanagement-operator-vault:1.0.0"),
                tuple("secretsmanagement-sidecar", "tmforumodacanvas/secretsmanagement-sidecar:0.1.0"),
                tuple("baseimage-kubectl-curl", "tmforumodacanvas/baseimage-kubectl-curl:1.30.5"),
                tuple("api-operator-apisix", "tmforumodacanvas/api-operator-apisix:1.1.0"),
                tuple("api-operator-kong", "tmforumodacanvas/api-operator-kong:1.1.0"),
                tuple("credentialsmanagement-operator", "tmforumodacanvas/credentialsmanagement-operator:1.0.0"),
                tuple("oauth2envoyfilter-operator", "tmforumodacanvas/oauth2-envoy-op:0.1.0"),
                tuple("pdb-management-operator", "tmforumodacanvas/pdb-management-operator:1.0.0"),
                tuple("tmf639-resource-inventory-api", "tmforumodacanvas/tmf639-resource-inventory-api:1.0.0"));
        assertThat(resolveOdaCanvas().images()).allMatch(ResolvedImage::isRelease);
    }

    @Test
    void seedExampleIssue123() {
        Fixtures.copyOdaCanvas(repo);
        Path values = repo.resolve("charts/canvas-oda/values.yaml");
        Fixtures.replace(values, "  version: 1.0.2\n  prereleaseSuffix: ", "  version: 0.6.3\n  prereleaseSuffix: issue123");
        ResolvedImage webhook = resolveOdaCanvas().images().get(0);
        assertThat(webhook.reference()).isEqualTo("tmforumodacanvas/compcrdwebhook:0.6.3-issue123");
        assertThat(webhook.isRelease()).isFalse();
        assertThat(webhook.suffixAt().orElseThrow().file()).isEqualTo("charts/canvas-oda/values.yaml");
        assertThat(webhook.suffixAt().orElseThrow().line()).isEqualTo(webhook.versionAt().line() + 1);
    }

    private static final String CONFIG = """
            op:
              valuesYamlFile: charts/a/values.yaml
              valuesPathImage: .op.image
              valuesPathVersion: .op.version
              valuesPathPrereleaseSuffix: .op.prereleaseSuffix
              paths: [src/op/*]
              buildContext: src/op
            """;

    private Resolution resolve(String values) {
        Fixtures.write(repo, "dockerbuild-config.yaml", CONFIG);
        Fixtures.write(repo, "charts/a/values.yaml", values);
        return resolveOdaCanvas();
    }

    @Test
    void versionKeepsTrailingZeroAsText() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: 0.10\n  prereleaseSuffix:\n"))
                .hasMessageContaining("charts/a/values.yaml:3:12")
                .hasMessageContaining("'0.10' is not a semantic version");
        assertThat(resolve("op:\n  image: a/b\n  version: 0.10.0\n  prereleaseSuffix:\n").images().get(0).tag())
                .hasToString("0.10.0");
    }

    @Test
    void nonStringVersionIsAnError() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: {major: 1}\n  prereleaseSuffix:\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("charts/a/values.yaml:3:12")
                .hasMessageContaining("'.op.version' is a mapping");
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: 1\n  prereleaseSuffix:\n"))
                .hasMessageContaining("'1' is not a semantic version");
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: true\n  prereleaseSuffix:\n"))
                .hasMessageContaining("'true' is not a semantic version");
    }

    @Test
    void emptyVersionIsAnError() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version:\n  prereleaseSuffix:\n"))
                .hasMessageContaining("charts/a/values.yaml:3:11")
                .hasMessageContaining("version is empty");
    }

    @Test
    void badSuffixNamesTheValuesLine() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: issue 12\n"))
                .hasMessageContaining("charts/a/values.yaml:4:21")
                .hasMessageContaining("'issue 12' is not a semver prerelease");
    }

    @Test
    void aSuffixHelmReadsAsABooleanOrNumberMustBeQuoted() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: off\n"))
                .hasMessageContaining("charts/a/values.yaml:4:21: prereleaseSuffix: 'off' is not quoted, and Helm"
                        + " reads it as the boolean false, so the chart would not deploy")
                .hasMessageContaining("quote it (prereleaseSuffix: \"off\")");
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: 1e3\n"))
                .hasMessageContaining("Helm reads it as a number");
        assertThat(resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: \"off\"\n").images().get(0).tag())
                .hasToString("1.0.0-off");
        assertThat(resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: 'yes'\n").images().get(0).tag())
                .hasToString("1.0.0-yes");
        assertThat(resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: 42\n").images().get(0).tag())
                .hasToString("1.0.0-42");
    }

    @Test
    void tooLongTagNamesTheSuffixLine() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: "
                + "a".repeat(130) + "\n"))
                .hasMessageContaining("charts/a/values.yaml:4:21")
                .hasMessageContaining("at most 128");
    }

    @Test
    void missingValuesKeyNamesPathAndFile() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  prereleaseSuffix:\n"))
                .hasMessageContaining("charts/a/values.yaml:2:3: has no value at '.op.version'")
                .hasMessageContaining("'.op' has no key 'version'")
                .hasMessageContaining("valuesPathVersion of image 'op'");
    }

    @Test
    void anAbsentSuffixKeyIsNoSuffixAsYqAndHelmReadItWithAWarning() {
        // oda-canvas' workflows: yq '[.version, .prereleaseSuffix] | filter(.!=null and .!="") | join("-")'
        ResolvedImage op = resolve("op:\n  image: a/b\n  version: 1.0.0\n").images().get(0);
        assertThat(op.tag()).hasToString("1.0.0");
        assertThat(op.isRelease()).isTrue();
        assertThat(op.suffixAt()).isEmpty();
        assertThat(log.warnings).singleElement().asString().startsWith("charts/a/values.yaml:2:3: '.op' has no key"
                + " 'prereleaseSuffix' (valuesPathPrereleaseSuffix of image 'op'): read as no suffix");
    }

    @Test
    void aSuffixKeyThatLooksMistypedOrAMissingParentIsStillAnError() {
        // the chart would read 'prereleaseSuffix', the config names another key: which one is meant is not clear
        assertThatThrownBy(() -> resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSufix: x\n"))
                .hasMessageContaining("'.op' has no key 'prereleaseSuffix' but has 'prereleaseSufix'");
        Fixtures.write(repo, "dockerbuild-config.yaml", CONFIG.replace(".op.prereleaseSuffix",
                ".sidecar.prereleaseSuffix"));
        Fixtures.write(repo, "charts/a/values.yaml", "op:\n  image: a/b\n  version: 1.0.0\n");
        assertThatThrownBy(this::resolveOdaCanvas).hasMessageContaining("the top level has no key 'sidecar'");
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void missingValuesFileIsAnError() {
        Fixtures.write(repo, "dockerbuild-config.yaml", CONFIG);
        assertThatThrownBy(this::resolveOdaCanvas)
                .hasMessageContaining("dockerbuild-config.yaml:2:19: valuesYamlFile 'charts/a/values.yaml' of image"
                        + " 'op' does not exist: fix the path in dockerbuild-config.yaml or restore the file");
    }

    @Test
    void aValuesFileThatIsAFolderIsRefusedAtItsConfigLine() throws Exception {
        Fixtures.write(repo, "dockerbuild-config.yaml", CONFIG);
        java.nio.file.Files.createDirectories(repo.resolve("charts/a/values.yaml"));
        assertThatThrownBy(this::resolveOdaCanvas).hasMessageContaining("dockerbuild-config.yaml:2:19: valuesYamlFile"
                + " of image op 'charts/a/values.yaml' is a folder: name a file");
    }

    @Test
    void duplicateKeyOnTheReadPathWarns() {
        ResolvedImage op = resolve("op:\n  image: a/b\n  version: 1.0.0\n  version: 1.0.1\n  prereleaseSuffix:\n")
                .images().get(0);
        assertThat(op.tag()).hasToString("1.0.1");
        assertThat(log.warnings).singleElement().asString().contains("charts/a/values.yaml:4:12")
                .contains("'.op.version' is written more than once");
    }

    @Test
    void reportsEveryBrokenImageAtOnce() {
        Fixtures.write(repo, "dockerbuild-config.yaml", CONFIG + CONFIG.replace("op:", "op2:").replace(".op.", ".op2."));
        Fixtures.write(repo, "charts/a/values.yaml", "op:\n  image: a/b\n  version: v1.0.0\n  prereleaseSuffix:\nop2:\n  image: A\n");
        assertThatThrownBy(this::resolveOdaCanvas)
                .hasMessageContaining("2 image entries are broken:")
                .hasMessageContaining("drop the leading 'v'")
                .hasMessageContaining("'.op2.version'");
    }

    @Test
    void imageWithTagIsRefused() {
        assertThatThrownBy(() -> resolve("op:\n  image: a/b:1.0\n  version: 1.0.0\n  prereleaseSuffix:\n"))
                .hasMessageContaining("charts/a/values.yaml:2:10")
                .hasMessageContaining("must not contain a tag");
    }

    @Test
    void writesImagesJson() throws Exception {
        resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix: rc1\n");
        ResolveVersions.Result result = ResolveVersions.run(
                new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda")), log);
        String json = java.nio.file.Files.readString(result.report());
        com.google.gson.JsonObject image = com.google.gson.JsonParser.parseString(json).getAsJsonObject()
                .getAsJsonArray("images").get(0).getAsJsonObject();
        assertThat(image.get("tag").getAsString()).isEqualTo("1.0.0-rc1");
        assertThat(image.get("reference").getAsString()).isEqualTo("a/b:1.0.0-rc1");
        assertThat(image.get("release").getAsBoolean()).isFalse();
        assertThat(image.get("prereleaseSuffix").getAsString()).isEqualTo("rc1");
        assertThat(image.get("valuesFile").getAsString()).isEqualTo("charts/a/values.yaml");
        assertThat(image.get("valuesLine").getAsInt()).isEqualTo(3);
        assertThat(image.get("dockerfile").getAsString()).isEqualTo("src/op/Dockerfile");
        assertThat(List.of(image.getAsJsonArray("platforms").get(0).getAsString())).containsExactly("linux/amd64");
        assertThat(log.infos).anyMatch(l -> l.contains("a/b:1.0.0-rc1") && l.contains("prerelease"));
    }

    @Test
    void releaseHasNullSuffixInJson() throws Exception {
        resolve("op:\n  image: a/b\n  version: 1.0.0\n  prereleaseSuffix:\n");
        ResolveVersions.Result result = ResolveVersions.run(
                new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda")), log);
        assertThat(java.nio.file.Files.readString(result.report())).contains("\"prereleaseSuffix\": null");
    }
}
