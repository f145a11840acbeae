package org.odabuild.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

/** Two entries that publish one repository are refused, also when a CI matrix job selects only one of them. */
class SharedRepositoriesTest {

    @TempDir
    Path repo;

    private Resolution resolve(List<String> images, Optional<String> imageRepository) {
        return Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda"),
                images, imageRepository), new RecordingLog());
    }

    /** oda-canvas with one more entry at the end of its config. */
    private void odaCanvasWith(String entry) {
        Fixtures.copyOdaCanvas(repo);
        try {
            Files.writeString(repo.resolve(Fixtures.ODA_CANVAS_CONFIG), "\n" + entry, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry copied from the webhook's for a new image, whose values paths were left as they were. */
    private static final String COPIED_WEBHOOK_ENTRY = """
            webhook-v2:
              displayName: Webhook v2
              fileName: webhook-v2
              valuesYamlFile: charts/canvas-oda/values.yaml
              valuesPathImage: .oda-webhook.image
              valuesPathVersion: .oda-webhook.version
              valuesPathPrereleaseSuffix: .oda-webhook.prereleaseSuffix
              paths:
                - source/webhooks-v2/**/*
              buildContext: source/webhooks-v2
            """;

    @Test
    void anEntryCopiedWithItsValuesPathsIsRefusedWithTheOneItWasCopiedFrom() {
        odaCanvasWith(COPIED_WEBHOOK_ENTRY);
        Resolution r = resolve(List.of(), Optional.empty());

        assertThat(r.images()).extracting(ResolvedImage::key).hasSize(15).doesNotContain("compcrdwebhook",
                "webhook-v2");
        assertThat(r.broken()).extracting(BrokenImage::key).containsExactly("compcrdwebhook", "webhook-v2");
        String config = Fixtures.ODA_CANVAS_CONFIG;
        assertThat(r.broken().get(0).reason()).isEqualTo(config + ":6:20: image 'compcrdwebhook' publishes"
                + " tmforumodacanvas/compcrdwebhook, as 'webhook-v2' (" + config + ":281:20) does: entries of one"
                + " repository overwrite each other's tags and latest; give each entry its own image (valuesPathImage"
                + " .oda-webhook.image in charts/canvas-oda/values.yaml)");
        assertThat(r.broken().get(1).reason()).startsWith(config + ":281:20: image 'webhook-v2' publishes"
                + " tmforumodacanvas/compcrdwebhook, as 'compcrdwebhook' (" + config + ":6:20) does");
    }

    @Test
    void aMatrixJobOfOneImageSeesTheOtherEntryThatPublishesItsRepository() {
        odaCanvasWith(COPIED_WEBHOOK_ENTRY);
        Resolution r = resolve(List.of("webhook-v2"), Optional.empty());
        assertThat(r.images()).isEmpty();
        assertThat(r.broken()).singleElement().satisfies(b -> assertThat(b.reason())
                .contains("image 'webhook-v2' publishes tmforumodacanvas/compcrdwebhook, as 'compcrdwebhook'"));

        // another job of the matrix is not held up by an entry it does not share a repository with
        assertThat(resolve(List.of("component-operator"), Optional.empty()).broken()).isEmpty();
    }

    @Test
    void dockerHubsOtherNamesForOneRepositoryAreOneRepository() {
        odaCanvasWith("""
                webhook-hub:
                  valuesYamlFile: charts/webhook-hub/values.yaml
                  valuesPathImage: .image
                  valuesPathVersion: .version
                  paths: [source/hub/**]
                  buildContext: source/hub
                """);
        for (String name : List.of("docker.io/tmforumodacanvas/compcrdwebhook",
                "index.docker.io/tmforumodacanvas/compcrdwebhook",
                "Registry-1.Docker.IO/tmforumodacanvas/compcrdwebhook")) {
            Fixtures.write(repo, "charts/webhook-hub/values.yaml", "image: " + name + "\nversion: 2.0.0\n");
            assertThat(resolve(List.of("webhook-hub"), Optional.empty()).broken()).as(name).singleElement()
                    .satisfies(b -> assertThat(b.reason()).contains("publishes " + name + ", as 'compcrdwebhook'"));
        }
        // Docker Hub's official images: busybox is library/busybox
        Fixtures.replace(repo.resolve("charts/canvas-oda/values.yaml"), "image: tmforumodacanvas/compcrdwebhook\n",
                "image: busybox\n");
        Fixtures.write(repo, "charts/webhook-hub/values.yaml",
                "image: index.docker.io/library/busybox\nversion: 1.0.0\n");
        assertThat(resolve(List.of("webhook-hub"), Optional.empty()).broken()).hasSize(1);
        // another registry's repository of the same path is another repository
        Fixtures.write(repo, "charts/webhook-hub/values.yaml", "image: ghcr.io/library/busybox\nversion: 1.0.0\n");
        assertThat(resolve(List.of(), Optional.empty()).broken()).isEmpty();
    }

    @Test
    void aForkThatRenamesTwoRepositoriesToOneRefusesBoth() {
        odaCanvasWith("""
                webhook-quay:
                  valuesYamlFile: charts/webhook-quay/values.yaml
                  valuesPathImage: .image
                  valuesPathVersion: .version
                  paths: [source/quay/**]
                  buildContext: source/quay
                """);
        Fixtures.write(repo, "charts/webhook-quay/values.yaml",
                "image: quay.io/someone/compcrdwebhook\nversion: 3.0.0\n");
        assertThat(resolve(List.of(), Optional.empty()).broken()).isEmpty();

        Resolution forked = resolve(List.of(), Optional.of("ghcr.io/me"));
        assertThat(forked.broken()).extracting(BrokenImage::key).containsExactly("compcrdwebhook", "webhook-quay");
        assertThat(forked.broken().get(1).reason())
                .contains("publishes ghcr.io/me/compcrdwebhook, as 'compcrdwebhook'");
    }

    @Test
    void theSixteenOdaCanvasImagesEachHaveTheirOwnRepository() {
        Fixtures.copyOdaCanvas(repo);
        assertThat(resolve(List.of(), Optional.empty()).broken()).isEmpty();
        assertThat(resolve(List.of(), Optional.of("ghcr.io/me")).broken()).isEmpty();
    }
}
