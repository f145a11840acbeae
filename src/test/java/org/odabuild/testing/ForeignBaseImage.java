package org.odabuild.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A base image of another architecture for tests on a machine with no emulation and no Docker Hub: a
 * {@code docker save} archive whose config says {@code "architecture": "arm64"}, loaded with {@code docker load}.
 * COPY-only Dockerfiles build FROM it without running foreign code.
 */
public final class ForeignBaseImage {

    private ForeignBaseImage() {
    }

    /** Loads {@code name} (e.g. {@code oda-test/arm64-base:1}) whose one layer holds {@code /base.txt}. */
    public static void load(String dockerHost, String name, String architecture, String variant, Path dir) {
        try {
            byte[] layer = tar("base.txt", ("base for " + architecture + "\n").getBytes(StandardCharsets.UTF_8));
            String diffId = "sha256:" + sha256(layer);
            String config = "{\"architecture\":\"" + architecture + "\",\"os\":\"linux\""
                    + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
                    + ",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]},"
                    + "\"history\":[{\"created_by\":\"oda test base\"}]}";
            byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
            String configName = sha256(configBytes) + ".json";
            String layerName = sha256(layer) + "/layer.tar";
            String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + name + "\"],\"Layers\":[\""
                    + layerName + "\"]}]";
            Files.createDirectories(dir);
            Path archive = dir.resolve("base-" + architecture + ".tar");
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
                add(out, configName, configBytes);
                add(out, layerName, layer);
                add(out, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            }
            Process p = new ProcessBuilder("docker", "-H", dockerHost, "load", "-i", archive.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("docker load failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A one-file tar, as a layer or an archive entry. */
    public static byte[] tar(String file, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            add(out, file, content);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream out, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(0100755); // executable: a RUN of it on this machine fails as foreign code does, "exec format error"
        e.setModTime(0);
        out.putArchiveEntry(e);
        out.write(content);
        out.closeArchiveEntry();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
