package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.Setting;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.version.ImageRepository;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

/**
 * Which FROM lines a fork asks its registry about, on the real oda-canvas config: only those that name an image of
 * the config as upstream publishes it, by a tag. The fork's registry here answers nothing (no server on the port), so
 * any FROM it is asked about fails a run that pushes, and only those.
 */
class ForkBasesTest {

    static final String FORK = "127.0.0.1:1/me";

    @TempDir
    Path repo;
    final RecordingLog log = new RecordingLog();
    Resolution resolution;
    ResolvedImage webhook;

    @BeforeEach
    void odaCanvas() {
        Fixtures.copyOdaCanvas(repo);
        resolution = Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.empty(),
                repo.resolve("target/oda"), List.of(), Optional.of(FORK)), log);
        webhook = resolution.images().stream().filter(i -> i.key().equals("compcrdwebhook")).findFirst()
                .orElseThrow();
    }

    ForkBases forkBases(boolean forked, boolean pushes) {
        RegistryClient nowhere = new RegistryClient(new RegistrySettings(Set.of("127.0.0.1:1"), Duration.ofSeconds(2),
                1, Duration.ofMillis(1), Optional.empty()), CredentialSource.none(), log);
        return new ForkBases(resolution, Optional.of(ImageRepository.parse(FORK, "test")).filter(f -> forked),
                nowhere, pushes, repo.resolve("target/oda"), log);
    }

    @Test
    void fromLinesThatNameNoImageOfTheConfigAsUpstreamDoesByATagAreLeftAsWritten() {
        ForkBases bases = forkBases(true, true);
        for (String image : List.of("python:3.12-slim", "tmforumodacanvas/component-operator@sha256:"
                + "0".repeat(64), FORK + "/component-operator:1.1.3-issue3456", "tmforumodacanvas/component-operator:",
                "tmforumodacanvas/component-operator:-x", "${BASE}", "tmforumodacanvas/other-image:1.0.0")) {
            assertThat(bases.of(webhook, 2, image)).as(image).isEmpty();
        }
        assertThat(forkBases(false, true).of(webhook, 2, "tmforumodacanvas/component-operator:1.1.2")).isEmpty();
        assertThat(repo.resolve("target/oda/" + ForkBases.FILE)).doesNotExist();
    }

    @Test
    void anImageOfTheConfigNamedAsUpstreamDoesIsAskedOfTheForksRegistryFailingClosedInARunThatPushes()
            throws Exception {
        assertThatThrownBy(() -> forkBases(true, true).of(webhook, 2, "tmforumodacanvas/component-operator"
                + ":1.1.3-issue3456")).isInstanceOf(RegistryException.class).hasMessageStartingWith(
                        "source/webhooks/webhook-dockerfile:2: compcrdwebhook is built on tmforumodacanvas/"
                        + "component-operator:1.1.3-issue3456, which " + Setting.IMAGE_REPOSITORY + " renames to "
                        + FORK + "/component-operator:1.1.3-issue3456, but the fork's registry could not say whether"
                        + " it holds it (")
                .hasMessageEndingWith("run this again once the registry answers");

        // Docker Hub's long name is the same image; a run that does not push builds on it as written, and says so
        ForkBases preview = forkBases(true, false);
        assertThat(preview.of(webhook, 2, "docker.io/tmforumodacanvas/component-operator:1.1.2")).isEmpty();
        assertThat(preview.of(webhook, 2, "docker.io/tmforumodacanvas/component-operator:1.1.2")).isEmpty();
        assertThat(log.warnings).singleElement().asString().endsWith("; built on docker.io/tmforumodacanvas/"
                + "component-operator:1.1.2 as written (a run that pushes stops here)");
        JsonObject finding = JsonParser.parseString(Files.readString(repo.resolve("target/oda/" + ForkBases.FILE)))
                .getAsJsonObject().getAsJsonArray("bases").get(0).getAsJsonObject();
        assertThat(finding.get("fork").getAsString()).isEqualTo(FORK + "/component-operator:1.1.2");
        assertThat(finding.get("published").isJsonNull()).isTrue();
    }
}
