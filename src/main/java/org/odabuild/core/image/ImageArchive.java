package org.odabuild.core.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.odabuild.core.report.JsonText;

/**
 * Reads the archive of {@code docker save} (classic layout, and the OCI layout of Docker 25+, both list the image
 * in {@code manifest.json}) as it streams from the daemon: layers are gzipped on the way into blob files, so the
 * uncompressed image never lands on disk; layers the daemon keeps gzipped (its containerd image store) are taken as
 * they are. Each layer is checked against the config's {@code diff_ids} and the
 * config against the image id: what is uploaded is exactly what the daemon built.
 */
public final class ImageArchive {

    /** Entries up to this size are held in memory until {@code manifest.json} says what they are. */
    private static final long IN_MEMORY = 1 << 20;

    private final Path workDir;
    private final Map<String, byte[]> small = new HashMap<>();
    private final Map<String, Layer> large = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private JsonObject manifest;

    /** A layer as a registry takes it (gzipped), and the digest of its tar (the config's diff id). */
    private record Layer(Blob blob, String diffId) {
    }

    private ImageArchive(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * @param workDir where the gzipped blobs are written (named by digest, so images that share layers share files)
     */
    public static SavedImage read(InputStream archive, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        ImageArchive reader = new ImageArchive(workDir);
        // the daemon's stream comes through a socket in small reads: tar records are 512 bytes
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(archive, 1 << 20))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                reader.entry(entry, tar);
            }
        }
        return reader.image();
    }

    private void entry(TarArchiveEntry entry, InputStream content) throws IOException {
        String name = normal(entry.getName());
        if (entry.isSymbolicLink() || entry.isLink()) {
            // a layer saved twice is stored once and linked
            String target = entry.isSymbolicLink() ? resolve(name, entry.getLinkName()) : normal(entry.getLinkName());
            links.put(name, target);
            return;
        }
        if (!entry.isFile()) {
            return;
        }
        if (name.equals("manifest.json")) {
            manifest = firstImage(content.readAllBytes());
        } else if (entry.getSize() <= IN_MEMORY) {
            small.put(name, content.readAllBytes());
        } else {
            large.put(name, layer(content));
        }
    }

    private SavedImage image() throws IOException {
        if (manifest == null) {
            throw new IOException("the daemon's image archive has no manifest.json");
        }
        String configName = normal(text(manifest, "Config", "manifest.json"));
        byte[] config = Optional.ofNullable(small.get(follow(configName))).orElseThrow(() -> new IOException(
                "the daemon's image archive lacks the image config " + configName));
        String id = digest(config);
        JsonObject configJson = object(config, "image config");
        List<String> diffIds = new ArrayList<>();
        if (configJson.get("rootfs") instanceof JsonObject rootfs && rootfs.get("diff_ids") instanceof JsonArray a) {
            a.forEach(e -> diffIds.add(e.getAsString()));
        }
        JsonArray layerNames = manifest.getAsJsonArray("Layers");
        if (layerNames == null || layerNames.size() != diffIds.size()) {
            throw new IOException("the daemon's image archive lists " + (layerNames == null ? 0 : layerNames.size())
                    + " layers, its config " + diffIds.size());
        }
        List<Blob> layers = new ArrayList<>();
        for (int i = 0; i < layerNames.size(); i++) {
            String layerName = follow(normal(layerNames.get(i).getAsString()));
            Layer layer = large.containsKey(layerName) ? large.get(layerName)
                    : layer(new ByteArrayInputStream(Optional.ofNullable(small.get(layerName)).orElseThrow(
                            () -> new IOException("the daemon's image archive lacks layer " + layerName))));
            if (!layer.diffId().equals(diffIds.get(i))) {
                throw new IOException("layer " + (i + 1) + " of the daemon's image archive is " + layer.diffId()
                        + ", its config says " + diffIds.get(i));
            }
            layers.add(layer.blob());
        }
        Path configFile = workDir.resolve(id.replace(':', '-'));
        Files.write(configFile, config);
        Platform platform = new Platform(text(configJson, "os", "image config"),
                text(configJson, "architecture", "image config"),
                Optional.ofNullable(configJson.get("variant")).map(JsonElement::getAsString));
        List<String> daemonIds = new ArrayList<>(List.of(id));
        manifestOf(id).ifPresent(daemonIds::add);
        return new SavedImage(id, daemonIds, platform, new Blob(id, config.length, configFile), layers);
    }

    /**
     * The digest of the image's manifest, where the archive is in the OCI layout (Docker 25 and later): its
     * {@code index.json} lists the manifest, whose blob names the config. The containerd image store calls an image
     * by it.
     */
    private Optional<String> manifestOf(String configDigest) throws IOException {
        byte[] index = small.get(follow("index.json"));
        if (index == null || !(object(index, "index.json").get("manifests") instanceof JsonArray manifests)) {
            return Optional.empty();
        }
        for (JsonElement entry : manifests) {
            if (entry instanceof JsonObject e && e.get("digest") instanceof JsonPrimitive d) {
                byte[] manifest = small.get(follow("blobs/" + d.getAsString().replace(':', '/')));
                if (manifest != null && digest(manifest).equals(d.getAsString())
                        && object(manifest, "image manifest").get("config") instanceof JsonObject config
                        && config.get("digest") instanceof JsonPrimitive c && c.getAsString().equals(configDigest)) {
                    return Optional.of(d.getAsString());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The same layers under a config that says {@code platform} and carries {@code labels} (over the Dockerfile's own
     * labels of the same name): labels are metadata, written here as BuildKit's exporter and Jib write them, not as
     * builder steps. A platform other than the built one is for an image whose files do not depend on it (FROM
     * scratch, nothing run), as buildx publishes such images. Returns {@code image} itself when nothing changes.
     */
    public static SavedImage configure(SavedImage image, Platform platform, Map<String, String> labels,
            Optional<Instant> sourceDate, Path workDir) throws IOException {
        if (platform.equals(image.platform()) && labels.isEmpty() && sourceDate.isEmpty()) {
            return image;
        }
        JsonObject config = object(Files.readAllBytes(image.config().file()), "image config");
        sourceDate.ifPresent(epoch -> clampTimes(config, epoch));
        config.addProperty("os", platform.os());
        config.addProperty("architecture", platform.architecture());
        config.remove("variant");
        platform.variant().ifPresent(v -> config.addProperty("variant", v));
        if (!labels.isEmpty()) {
            JsonObject container = config.get("config") instanceof JsonObject c ? c : new JsonObject();
            JsonObject merged = container.get("Labels") instanceof JsonObject l ? l : new JsonObject();
            labels.forEach(merged::addProperty);
            container.add("Labels", merged);
            config.add("config", container);
        }
        byte[] bytes = config.toString().getBytes(StandardCharsets.UTF_8);
        String id = digest(bytes);
        Path file = workDir.resolve(id.replace(':', '-'));
        Files.write(file, bytes);
        return new SavedImage(id, image.daemonIds(), platform, new Blob(id, bytes.length, file), image.layers());
    }

    /**
     * BuildKit's reading of the build arg {@code SOURCE_DATE_EPOCH}, which oda-canvas' workflows pass: no time in the
     * config is later than the commit, neither {@code created} nor a history entry's (a base image's older entries
     * stay as they are).
     */
    private static void clampTimes(JsonObject config, Instant epoch) {
        String at = DateTimeFormatter.ISO_INSTANT.format(epoch);
        if (!(config.get("created") instanceof JsonPrimitive created) || later(created.getAsString(), epoch)) {
            config.addProperty("created", at);
        }
        if (config.get("history") instanceof JsonArray history) {
            for (JsonElement entry : history) {
                if (entry instanceof JsonObject h && (!(h.get("created") instanceof JsonPrimitive time)
                        || later(time.getAsString(), epoch))) {
                    h.addProperty("created", at);
                }
            }
        }
    }

    private static boolean later(String time, Instant epoch) {
        try {
            return OffsetDateTime.parse(time).toInstant().isAfter(epoch);
        } catch (DateTimeParseException e) {
            return true; // no time to keep
        }
    }

    /**
     * A layer as the archive holds it: a tar (the classic image store) is gzipped, a gzipped one (the containerd image
     * store keeps layers as it pulled or built them) is taken as it is.
     */
    private Layer layer(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return gzipped(in);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            throw new IOException("the daemon keeps a layer zstd-compressed, which the plugin does not read: build"
                    + " on a base image whose layers are gzipped, or turn off the daemon's containerd image store");
        }
        return gzip(in);
    }

    /** A gzipped layer, uploaded as it is: its digest is that of the bytes, its diff id that of the tar inside. */
    private Layer gzipped(InputStream layer) throws IOException {
        MessageDigest packed = sha256();
        Path tmp = Files.createTempFile(workDir, "layer", ".gz");
        long size;
        try (OutputStream file = Files.newOutputStream(tmp)) {
            size = new DigestInputStream(layer, packed).transferTo(file);
        }
        MessageDigest raw = sha256();
        try (InputStream tar = new DigestInputStream(new GZIPInputStream(Files.newInputStream(tmp), 1 << 16), raw)) {
            tar.transferTo(OutputStream.nullOutputStream());
        }
        return stored(tmp, packed, size, raw);
    }

    /**
     * Gzips a layer into the work dir on every core, hashing what goes in (the diff id) and what comes out (the blob
     * digest).
     */
    private Layer gzip(InputStream layer) throws IOException {
        MessageDigest raw = sha256();
        MessageDigest packed = sha256();
        Path tmp = Files.createTempFile(workDir, "layer", ".gz");
        long size;
        try (OutputStream file = Files.newOutputStream(tmp);
                CountingStream counted = new CountingStream(new DigestOutputStream(file, packed));
                ParallelGzip gz = new ParallelGzip(counted)) {
            new DigestInputStream(layer, raw).transferTo(gz);
            gz.finish();
            size = counted.count;
        }
        return stored(tmp, packed, size, raw);
    }

    /** The gzipped layer in {@code tmp}, named by its digest in the work dir. */
    private Layer stored(Path tmp, MessageDigest packed, long size, MessageDigest raw) throws IOException {
        String digest = "sha256:" + HexFormat.of().formatHex(packed.digest());
        Path file = workDir.resolve(digest.replace(':', '-'));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return new Layer(new Blob(digest, size, file), "sha256:" + HexFormat.of().formatHex(raw.digest()));
    }

    private String follow(String name) {
        String n = name;
        for (int hops = 0; links.containsKey(n) && hops < 10; hops++) {
            n = links.get(n);
        }
        return n;
    }

    private static String resolve(String linkName, String target) {
        if (target.startsWith("/")) {
            return normal(target);
        }
        Path parent = Path.of(linkName).getParent();
        return normal((parent == null ? Path.of(target) : parent.resolve(target)).normalize().toString());
    }

    private static String normal(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        return n;
    }

    private static JsonObject firstImage(byte[] manifestJson) throws IOException {
        try {
            JsonElement e = JsonText.parse(new String(manifestJson, StandardCharsets.UTF_8));
            if (e instanceof JsonArray a && a.size() == 1 && a.get(0) instanceof JsonObject o) {
                return o;
            }
        } catch (JsonParseException e) {
            throw new IOException("the daemon's image archive has an unreadable manifest.json", e);
        }
        throw new IOException("the daemon's image archive should hold exactly one image");
    }

    private static JsonObject object(byte[] json, String what) throws IOException {
        try {
            return JsonText.parse(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException("the daemon's " + what + " is not a JSON object", e);
        }
    }

    private static String text(JsonObject o, String key, String where) throws IOException {
        if (o.get(key) == null || !o.get(key).isJsonPrimitive()) {
            throw new IOException("the daemon's " + where + " has no " + key);
        }
        return o.get(key).getAsString();
    }

    static String digest(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Counts the compressed bytes: the blob's size in the manifest. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
