package org.odabuild.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.ForeignBaseImage;

/** {@code docker save} archives as Docker 20 (classic) and Docker 25+ (OCI layout) write them. */
class ImageArchiveTest {

    @TempDir
    Path dir;

    final byte[] small = layer("small.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
    final byte[] large = layer("large.bin", random(3 << 20));

    static byte[] layer(String name, byte[] content) {
        try {
            return ForeignBaseImage.tar(name, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        return b;
    }

    static String sha(byte[] b) {
        return "sha256:" + ForeignBaseImage.sha256(b);
    }

    byte[] config(String arch, byte[]... layers) {
        StringBuilder ids = new StringBuilder();
        for (byte[] l : layers) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(sha(l)).append('"');
        }
        return ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"variant\":\"v8\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[" + ids + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Docker 20: {@code <id>.json}, {@code <dir>/layer.tar}, a repeated layer as a symlink, manifest.json last. */
    byte[] classic(byte[] config) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            file(tar, ForeignBaseImage.sha256(config) + ".json", config);
            file(tar, "aaa/layer.tar", small);
            file(tar, "bbb/layer.tar", large);
            TarArchiveEntry link = new TarArchiveEntry("ccc/layer.tar", TarConstants.LF_SYMLINK);
            link.setLinkName("../aaa/layer.tar");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            file(tar, "manifest.json", ("[{\"Config\":\"" + ForeignBaseImage.sha256(config) + ".json\",\"RepoTags\":null,"
                    + "\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\",\"ccc/layer.tar\"]}]")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    static byte[] gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @Test
    void classicArchiveGivesGzippedLayersInOrderWithTheirDigests() throws Exception {
        byte[] config = config("arm64", small, large, small);
        SavedImage image = ImageArchive.read(new ByteArrayInputStream(classic(config)), dir);

        assertThat(image.id()).isEqualTo(sha(config));
        assertThat(image.platform()).isEqualTo(new Platform("linux", "arm64", Optional.of("v8")));
        assertThat(Files.readAllBytes(image.config().file())).isEqualTo(config);
        assertThat(image.layers()).hasSize(3);
        assertThat(gunzip(image.layers().get(0).file())).isEqualTo(small);
        assertThat(gunzip(image.layers().get(1).file())).isEqualTo(large);
        assertThat(image.layers().get(2)).isEqualTo(image.layers().get(0));
        for (Blob blob : image.layers()) {
            byte[] packed = Files.readAllBytes(blob.file());
            assertThat(blob.digest()).isEqualTo(sha(packed));
            assertThat(blob.size()).isEqualTo(packed.length);
        }
    }

    @Test
    void ociLayoutArchiveOfNewerDockers() throws Exception {
        byte[] config = config("amd64", large);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, "blobs/sha256/" + ForeignBaseImage.sha256(large), large);
            file(tar, "blobs/sha256/" + ForeignBaseImage.sha256(config), config);
            file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            file(tar, "manifest.json", ("[{\"Config\":\"blobs/sha256/" + ForeignBaseImage.sha256(config) + "\","
                    + "\"Layers\":[\"blobs/sha256/" + ForeignBaseImage.sha256(large) + "\"]}]")
                    .getBytes(StandardCharsets.UTF_8));
        }
        SavedImage image = ImageArchive.read(new ByteArrayInputStream(bytes.toByteArray()), dir);
        assertThat(image.platform().toString()).isEqualTo("linux/amd64/v8");
        assertThat(gunzip(image.layers().get(0).file())).isEqualTo(large);
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    /**
     * Docker's containerd image store (Docker Desktop, Docker 29) saves layers gzipped, as it keeps them, and names
     * the image by its manifest, which {@code index.json} lists: the layers are uploaded as they are, each checked
     * through its tar against the config, and the image is known by both digests.
     */
    @Test
    void theContainerdStoresGzippedLayersAreTakenAsTheyAre() throws Exception {
        byte[] config = config("amd64", small, large);
        byte[] smallGz = gzip(small);
        byte[] largeGz = gzip(large);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"digest\":\"" + sha(config) + "\"},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, "blobs/sha256/" + ForeignBaseImage.sha256(smallGz), smallGz);
            file(tar, "blobs/sha256/" + ForeignBaseImage.sha256(largeGz), largeGz);
            file(tar, "blobs/sha256/" + ForeignBaseImage.sha256(config), config);
            file(tar, "blobs/sha256/" + ForeignBaseImage.sha256(manifest), manifest);
            file(tar, "index.json", ("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + sha(manifest)
                    + "\"}]}").getBytes(StandardCharsets.UTF_8));
            file(tar, "manifest.json", ("[{\"Config\":\"blobs/sha256/" + ForeignBaseImage.sha256(config) + "\","
                    + "\"Layers\":[\"blobs/sha256/" + ForeignBaseImage.sha256(smallGz) + "\",\"blobs/sha256/"
                    + ForeignBaseImage.sha256(largeGz) + "\"]}]").getBytes(StandardCharsets.UTF_8));
        }
        SavedImage image = ImageArchive.read(new ByteArrayInputStream(bytes.toByteArray()), dir);
        assertThat(image.layers()).extracting(Blob::digest).containsExactly(sha(smallGz), sha(largeGz));
        assertThat(Files.readAllBytes(image.layers().get(1).file())).isEqualTo(largeGz);
        assertThat(image.layers().get(1).size()).isEqualTo(largeGz.length);
        assertThat(image.isSavedAs(sha(config))).isTrue();
        assertThat(image.isSavedAs(sha(manifest))).as("the containerd store's image id").isTrue();
        assertThat(image.isSavedAs(sha(large))).isFalse();
    }

    @Test
    void aGzippedLayerThatIsNotWhatTheConfigSaysIsRefused() throws Exception {
        byte[] config = config("amd64", small);
        byte[] wrong = gzip(large);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, "blobs/sha256/" + ForeignBaseImage.sha256(config), config);
            file(tar, "blobs/sha256/x", wrong);
            file(tar, "manifest.json", ("[{\"Config\":\"blobs/sha256/" + ForeignBaseImage.sha256(config) + "\","
                    + "\"Layers\":[\"blobs/sha256/x\"]}]").getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> ImageArchive.read(new ByteArrayInputStream(bytes.toByteArray()), dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("layer 1 of the daemon's image archive is " + sha(large));
    }

    @Test
    void aLayerThatIsNotWhatTheConfigSaysIsRefused() {
        byte[] config = config("arm64", small, small, small);
        assertThatThrownBy(() -> ImageArchive.read(new ByteArrayInputStream(classic(config)), dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("layer 2 of the daemon's image archive is " + sha(large));
    }

    @Test
    void manifestsAndIndexesAreTheBytesTheirDigestsName() throws Exception {
        SavedImage image = ImageArchive.read(new ByteArrayInputStream(classic(config("arm64", small, large,
                small))), dir);
        Manifests.Document manifest = Manifests.image(ManifestFormat.OCI, image);
        assertThat(manifest.digest()).isEqualTo(sha(manifest.bytes()));
        JsonObject m = JsonParser.parseString(new String(manifest.bytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(m.get("mediaType").getAsString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(m.getAsJsonObject("config").get("mediaType").getAsString())
                .isEqualTo("application/vnd.oci.image.config.v1+json");
        assertThat(m.getAsJsonArray("layers").get(1).getAsJsonObject().get("size").getAsLong())
                .isEqualTo(image.layers().get(1).size());

        Manifests.Document index = Manifests.index(ManifestFormat.DOCKER, List.of(new Manifests.Entry(
                Manifests.image(ManifestFormat.DOCKER, image), Platform.parse("linux/arm64/v8"))));
        JsonObject i = JsonParser.parseString(new String(index.bytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(i.get("mediaType").getAsString())
                .isEqualTo("application/vnd.docker.distribution.manifest.list.v2+json");
        JsonObject entry = i.getAsJsonArray("manifests").get(0).getAsJsonObject();
        assertThat(entry.get("mediaType").getAsString())
                .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(entry.getAsJsonObject("platform").toString())
                .isEqualTo("{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}");
        assertThat(index.digest()).isEqualTo(sha(index.bytes()));
    }

    @Test
    void labelsAndAnotherPlatformGoIntoANewConfigOverTheLayersAsTheyAre() throws Exception {
        String diffIds = "\"" + sha(small) + "\",\"" + sha(large) + "\",\"" + sha(small) + "\"";
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"A=1\"],"
                + "\"Labels\":{\"from.dockerfile\":\"kept\",\"org.opencontainers.image.title\":\"mine\"}},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
        SavedImage image = ImageArchive.read(new ByteArrayInputStream(classic(config)), dir);

        SavedImage labelled = ImageArchive.configure(image, Platform.parse("linux/arm64"),
                Map.of("org.opencontainers.image.title", "Oda Webhook", "org.odabuild.branch", "main"),
                Optional.empty(), dir);

        JsonObject written = JsonParser.parseString(Files.readString(labelled.config().file())).getAsJsonObject();
        assertThat(written.get("architecture").getAsString()).isEqualTo("arm64");
        assertThat(labelled.platform()).isEqualTo(Platform.parse("linux/arm64"));
        JsonObject container = written.getAsJsonObject("config");
        assertThat(container.get("Env").toString()).isEqualTo("[\"A=1\"]");
        assertThat(container.getAsJsonObject("Labels").keySet()).containsExactlyInAnyOrder("from.dockerfile",
                "org.opencontainers.image.title", "org.odabuild.branch");
        // the plugin's label wins over the Dockerfile's, as docker build --label does
        assertThat(container.getAsJsonObject("Labels").get("org.opencontainers.image.title").getAsString())
                .isEqualTo("Oda Webhook");
        assertThat(container.getAsJsonObject("Labels").get("from.dockerfile").getAsString()).isEqualTo("kept");
        assertThat(labelled.id()).isEqualTo(sha(Files.readAllBytes(labelled.config().file()))).isNotEqualTo(image.id());
        assertThat(labelled.config().digest()).isEqualTo(labelled.id());
        assertThat(labelled.config().size()).isEqualTo(Files.size(labelled.config().file()));
        assertThat(labelled.layers()).isEqualTo(image.layers());
        assertThat(written.getAsJsonObject("rootfs").toString())
                .isEqualTo(JsonParser.parseString(new String(config, StandardCharsets.UTF_8)).getAsJsonObject()
                        .getAsJsonObject("rootfs").toString());

        assertThat(ImageArchive.configure(image, image.platform(), Map.of(), Optional.empty(), dir)).isSameAs(image);
    }

    @Test
    void labelsGoIntoAConfigThatHasNoneAndTheVariantStays() throws Exception {
        SavedImage image = ImageArchive.read(new ByteArrayInputStream(classic(config("arm64", small, large, small))),
                dir);
        SavedImage labelled = ImageArchive.configure(image, image.platform(), Map.of("a", "b"), Optional.empty(),
                dir);
        JsonObject written = JsonParser.parseString(Files.readString(labelled.config().file())).getAsJsonObject();
        assertThat(written.getAsJsonObject("config").getAsJsonObject("Labels").get("a").getAsString()).isEqualTo("b");
        assertThat(written.get("variant").getAsString()).isEqualTo("v8");
    }

    @Test
    void noTimeInThePublishedConfigIsLaterThanSourceDateEpochAsWithBuildkit() throws Exception {
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2026-11-27T07:00:00.123456789Z\","
                + "\"history\":[{\"created\":\"2020-01-01T00:00:00Z\",\"created_by\":\"base\"},"
                + "{\"created\":\"2026-11-27T07:00:00Z\",\"created_by\":\"COPY\"},{\"created_by\":\"LABEL\"}],"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + sha(small) + "\",\"" + sha(large) + "\",\""
                + sha(small) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        SavedImage image = ImageArchive.read(new ByteArrayInputStream(classic(config)), dir);
        Instant commit = Instant.parse("2024-07-30T12:31:33Z");
        JsonObject written = JsonParser.parseString(Files.readString(ImageArchive.configure(image, image.platform(),
                Map.of(), Optional.of(commit), dir).config().file())).getAsJsonObject();
        assertThat(written.get("created").getAsString()).isEqualTo("2024-07-30T12:31:33Z");
        List<String> times = new ArrayList<>();
        written.getAsJsonArray("history").forEach(h -> times.add(h.getAsJsonObject().get("created").getAsString()));
        assertThat(times).as("the base image's older entry stays").containsExactly("2020-01-01T00:00:00Z",
                "2024-07-30T12:31:33Z", "2024-07-30T12:31:33Z");
    }

    @Test
    void platformsCompareOsArchitectureAndANamedVariant() {
        assertThat(Platform.parse("linux/arm64").accepts(Platform.parse("linux/arm64/v8"))).isTrue();
        assertThat(Platform.parse("linux/arm/v7").accepts(Platform.parse("linux/arm/v6"))).isFalse();
        assertThat(Platform.parse("linux/amd64").accepts(Platform.parse("linux/arm64"))).isFalse();
        assertThatThrownBy(() -> Platform.parse("linux")).isInstanceOf(IllegalArgumentException.class);
    }
}
