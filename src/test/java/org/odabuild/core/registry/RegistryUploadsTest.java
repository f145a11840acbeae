package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.ForeignBaseImage;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;

/** Blob uploads and manifest puts against the real Debian docker-registry. */
class RegistryUploadsTest {

    @TempDir
    static Path dir;
    static LocalRegistry registry;

    @BeforeAll
    static void start() {
        registry = LocalRegistry.start(dir.resolve("registry"));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    RegistrySettings settings = new RegistrySettings(Set.of(registry.host()), Duration.ofSeconds(5), 2,
            Duration.ofMillis(20));
    RegistryClient client = new RegistryClient(settings, CredentialSource.none(), new RecordingLog());

    ImageName image(String repository) {
        return new ImageName(registry.host() + "/" + repository);
    }

    @Test
    void aBlobIsUploadedOnceMountedIntoAnotherRepositoryAndThenFound() throws Exception {
        byte[] content = ("blob " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("blob"), content);
        String digest = "sha256:" + ForeignBaseImage.sha256(content);
        RegistryUploads uploads = new RegistryUploads(client, settings);

        assertThat(uploads.blob(image("up/a"), digest, content.length, file))
                .isEqualTo(RegistryUploads.BlobResult.UPLOADED);
        assertThat(uploads.blob(image("up/b"), digest, content.length, file))
                .as("this build stored it in up/a: the registry links it, no bytes are sent")
                .isEqualTo(RegistryUploads.BlobResult.MOUNTED);
        assertThat(new RegistryUploads(client, settings).blob(image("up/b"), digest, content.length, file))
                .isEqualTo(RegistryUploads.BlobResult.PRESENT);
    }

    @Test
    void everyByteOfAnUploadIsReportedAsSent() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("big-blob"), content);
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger chunks = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(new RegistryUploads(client, settings).blob(image("up/progress"), "sha256:"
                + ForeignBaseImage.sha256(content), content.length, file, bytes -> {
                    sent.addAndGet(bytes);
                    chunks.incrementAndGet();
                })).isEqualTo(RegistryUploads.BlobResult.UPLOADED);
        assertThat(sent.get()).isEqualTo(content.length);
        assertThat(chunks.get()).as("reported as the client sends, not once at the end").isGreaterThan(1);
    }

    @Test
    void aBlobWhoseBytesAreNotItsDigestIsRefusedByTheRegistry() throws Exception {
        Path file = Files.writeString(dir.resolve("wrong"), "these bytes");
        String digest = "sha256:" + ForeignBaseImage.sha256("other bytes".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new RegistryUploads(client, settings).blob(image("up/c"), digest, 11, file))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("answered 400 when asked to upload blob " + digest)
                .hasMessageContaining("DIGEST_INVALID");
    }

    @Test
    void aManifestNamingBlobsTheRegistryLacksIsRefusedAndNoTagAppears() {
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                + "0".repeat(64) + "\",\"size\":2},\"layers\":[]}";
        assertThatThrownBy(() -> new RegistryUploads(client, settings).manifest(image("up/d"), "1.0.0",
                "application/vnd.oci.image.manifest.v1+json", manifest.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("MANIFEST_BLOB_UNKNOWN");
        assertThat(client.manifest(image("up/d"), "1.0.0")).isEmpty();
    }
}
