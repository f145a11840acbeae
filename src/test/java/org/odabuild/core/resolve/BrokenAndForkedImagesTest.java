package org.odabuild.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageRepository;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

/** One broken image does not block the others; {@code -Doda.imageRepository} renames every image for a fork. */
class BrokenAndForkedImagesTest {

    @TempDir
    Path repo;

    private Resolution resolve(List<String> images, Optional<String> imageRepository) {
        return Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda"),
                images, imageRepository), new RecordingLog());
    }

    /** The real oda-canvas files, with one values entry removed as a real pull request once did. */
    private void odaCanvasWithoutWebhookValues() {
        Fixtures.copyOdaCanvas(repo);
        Fixtures.replace(repo.resolve("charts/canvas-oda/values.yaml"), "oda-webhook:\n", "oda-webhook-gone:\n");
    }

    @Test
    void brokenValuesEntryIsKeptAsideAndTheOthersResolve() {
        odaCanvasWithoutWebhookValues();
        Resolution r = resolve(List.of(), Optional.empty());
        assertThat(r.images()).hasSize(15).extracting(ResolvedImage::key).doesNotContain("compcrdwebhook");
        assertThat(r.broken()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("compcrdwebhook");
            assertThat(b.reason()).startsWith("charts/canvas-oda/values.yaml").contains("'.oda-webhook.image'");
        });
        assertThatThrownBy(r::requireAll).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'.oda-webhook.image'");
    }

    @Test
    void selectedImagesAreTheOnlyOnesValidated() {
        odaCanvasWithoutWebhookValues();
        Resolution r = resolve(List.of("component-operator"), Optional.empty());
        assertThat(r.images()).extracting(ResolvedImage::key).containsExactly("component-operator");
        assertThat(r.broken()).isEmpty();
        assertThat(resolve(List.of("compcrdwebhook"), Optional.empty()).broken()).extracting(BrokenImage::key)
                .containsExactly("compcrdwebhook");
        assertThatThrownBy(() -> resolve(List.of("nope"), Optional.empty()))
                .hasMessageContaining(Setting.IMAGES + " names unknown image(s) [nope]");
    }

    @Test
    void anUnknownImageNameIsAnsweredWithTheKeyClearlyMeant() {
        Fixtures.copyOdaCanvas(repo);
        // the how-to's older key, a displayName, a fileName written in capitals
        assertThatThrownBy(() -> resolve(List.of("secretsmanagement-operator"), Optional.empty()))
                .hasMessageContaining(Setting.IMAGES + " names unknown image(s) [secretsmanagement-operator]"
                        + " ('secretsmanagement-operator': did you mean 'secretsmanagement-operator-vault'?): known"
                        + " images are [compcrdwebhook, component-operator,");
        assertThatThrownBy(() -> resolve(List.of("Component-CRD-Webhook", "nope"), Optional.empty()))
                .hasMessageContaining("[Component-CRD-Webhook, nope] ('Component-CRD-Webhook': did you mean"
                        + " 'compcrdwebhook'?): known");
        assertThatThrownBy(() -> resolve(List.of("COMPONENT-OPERATOR"), Optional.empty()))
                .hasMessageContaining("did you mean 'component-operator'?");
        // a letter left out or two swapped, as typed on a laptop or in a matrix list
        assertThatThrownBy(() -> resolve(List.of("compcrdwebhok"), Optional.empty()))
                .hasMessageContaining("[compcrdwebhok] ('compcrdwebhok': did you mean 'compcrdwebhook'?): known");
        assertThatThrownBy(() -> resolve(List.of("componnet-operator"), Optional.empty()))
                .hasMessageContaining("did you mean 'component-operator'?");
        // many keys hold 'operator', none holds 'nope': no guess
        assertThatThrownBy(() -> resolve(List.of("operator", "nope"), Optional.empty()))
                .hasMessageContaining("[operator, nope]: known images are").hasMessageNotContaining("did you mean");
    }

    @Test
    void brokenConfigEntryIsKeptAsideButAFileThatDoesNotParseStopsEverything() {
        Fixtures.copyOdaCanvas(repo);
        Path config = repo.resolve(Fixtures.ODA_CANVAS_CONFIG);
        Fixtures.replace(config, "  valuesPathVersion: .oda-webhook.version\n", "");
        Resolution r = resolve(List.of(), Optional.empty());
        assertThat(r.images()).hasSize(15);
        assertThat(r.broken()).singleElement().satisfies(b -> assertThat(b.reason())
                .contains("image 'compcrdwebhook' has no valuesPathVersion"));

        Fixtures.write(repo, Fixtures.ODA_CANVAS_CONFIG, "compcrdwebhook:\n  paths: [a\n");
        assertThatThrownBy(() -> resolve(List.of(), Optional.empty())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml");
    }

    @Test
    void imageRepositoryRenamesEveryImageWithoutTouchingValues() {
        Fixtures.copyOdaCanvas(repo);
        Resolution r = resolve(List.of(), Optional.of("ocfork"));
        assertThat(r.images()).extracting(i -> i.image().name()).allMatch(n -> n.startsWith("ocfork/"));
        ResolvedImage webhook = r.images().get(0);
        assertThat(webhook.reference()).isEqualTo("ocfork/compcrdwebhook:1.0.2");
        assertThat(resolve(List.of(), Optional.of("ghcr.io:443/me/oda/")).images().get(0).reference())
                .isEqualTo("ghcr.io:443/me/oda/compcrdwebhook:1.0.2");
        assertThat(Fixtures.read(repo.resolve("charts/canvas-oda/values.yaml")))
                .contains("image: tmforumodacanvas/compcrdwebhook");
    }

    @Test
    void malformedImageRepositoryIsAClearError() {
        for (String bad : List.of("", "Upper/Case", "ghcr.io/me:tag", "ghcr.io/me@sha256:abc", "a//b", "-x",
                "myfork:latest", "localhost:5000/ns:1")) {
            assertThatThrownBy(() -> ImageRepository.parse(bad, "oda.imageRepository"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("oda.imageRepository '")
                    .hasMessageContaining("Write <registry>/<namespace>");
        }
        assertThat(ImageRepository.parse("localhost:5000/ns", "p").rename(new ImageName("docker.io/org/op")))
                .isEqualTo(new ImageName("localhost:5000/ns/op"));
        // a login pasted into the name: said as a login, and the password never repeated (a CI log is public)
        for (String withLogin : List.of("https://bob:hunter2@ghcr.io/me", "bob:hunter2@ghcr.io/me")) {
            assertThatThrownBy(() -> ImageRepository.parse(withLogin, "oda.imageRepository"))
                    .hasMessageContaining("it holds a login, which an image name never has: log in with docker login")
                    .hasMessageContaining("***@ghcr.io/me")
                    .hasMessageNotContaining("hunter2").hasMessageNotContaining("bob");
        }
        assertThatThrownBy(() -> ImageRepository.parse("https://ghcr.io/me", "oda.imageRepository"))
                .hasMessageContaining("'https://ghcr.io/me' cannot be used: it is a URL; an image name has no scheme");
        // a local registry alone, as `docker run -p 5000:5000 registry` gives one, with or without a closing '/'
        for (String registry : List.of("localhost:5000", "localhost:5000/", "127.0.0.1:5000")) {
            assertThat(ImageRepository.parse(registry, "p").rename(new ImageName("docker.io/org/op")).toString())
                    .isEqualTo(registry.replace("/", "") + "/op");
        }
    }
}
