package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.RecordingLog;

/**
 * What the docker CLI's classic builder and the plugin put in an image of one context, read back with
 * {@code docker save}: files with their content, every entry with its mode.
 */
record ClassicAndPluginImages(Map<String, byte[]> cliFiles, Map<String, Integer> cliEntries,
        Map<String, byte[]> pluginFiles, Map<String, Integer> pluginEntries) {

    /** One way to run {@code docker build}: the image id, or why it failed. */
    interface Cli {
        LocalDocker.CliBuild build(String host, Path context, Path dockerfile);
    }

    /** Built by the docker 20.10 CLI, the daemon's own package's. */
    static ClassicAndPluginImages built(String host, Path ctx, Path dockerfile, String tag) throws Exception {
        return built(LocalDocker::classicBuild, host, ctx, dockerfile, tag, context -> context);
    }

    /** {@code sent}: what the plugin makes of the context before it builds. */
    static ClassicAndPluginImages built(String host, Path ctx, Path dockerfile, String tag,
            java.util.function.UnaryOperator<BuildContext> sent) throws Exception {
        return built(LocalDocker::classicBuild, host, ctx, dockerfile, tag, sent);
    }

    static ClassicAndPluginImages built(Cli cli, String host, Path ctx, Path dockerfile, String tag,
            java.util.function.UnaryOperator<BuildContext> sent) throws Exception {
        ClassicAndPluginImages images = new ClassicAndPluginImages(new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>());
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(host, null, new RecordingLog())) {
            daemon.save(dockerBuild(cli, host, ctx, dockerfile), in -> {
                readLayers(in, images.cliFiles(), new HashMap<>(), images.cliEntries());
                return null;
            });
            DockerDaemon.LocalImage built = daemon.build(new DockerDaemon.Build(tag,
                    sent.apply(BuildContext.of(ctx, dockerfile)), Map.of(), Optional.empty(), true));
            daemon.save(built.id(), in -> {
                readLayers(in, images.pluginFiles(), new HashMap<>(), images.pluginEntries());
                return null;
            });
        }
        return images;
    }

    /** The image id that a docker CLI's classic builder makes of the context. */
    private static String dockerBuild(Cli cli, String host, Path ctx, Path dockerfile) {
        LocalDocker.CliBuild built = cli.build(host, ctx, dockerfile);
        assertThat(built.built()).as("docker build: " + built.answer()).isTrue();
        return built.answer();
    }

    /**
     * The entries of every layer of a {@code docker save} archive, in the order {@code manifest.json} lists them: the
     * classic layout of Docker 20.10 ({@code <id>/layer.tar}) and the OCI layout of Docker 25 and later, whose
     * containerd image store keeps layers gzipped.
     */
    static void readLayers(InputStream saved, Map<String, byte[]> contents, Map<String, String> links,
            Map<String, Integer> modes) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        TarArchiveInputStream outer = new TarArchiveInputStream(saved);
        for (TarArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
            if (e.isFile()) {
                entries.put(e.getName(), outer.readAllBytes());
            } else if (e.isSymbolicLink()) {
                entries.put(e.getName(), entries.get(java.nio.file.Path.of(e.getName()).resolveSibling(
                        e.getLinkName()).normalize().toString()));
            }
        }
        var manifest = org.odabuild.core.report.JsonText.parse(new String(entries.get("manifest.json"),
                StandardCharsets.UTF_8)).getAsJsonArray().get(0).getAsJsonObject();
        for (var layerName : manifest.getAsJsonArray("Layers")) {
            byte[] bytes = entries.get(layerName.getAsString());
            InputStream raw = new java.io.ByteArrayInputStream(bytes);
            TarArchiveInputStream layer = new TarArchiveInputStream((bytes[0] & 0xff) == 0x1f
                    ? new java.util.zip.GZIPInputStream(raw) : raw, "UTF-8");
            for (TarArchiveEntry f = layer.getNextEntry(); f != null; f = layer.getNextEntry()) {
                modes.put(f.getName(), f.getMode());
                if (f.isSymbolicLink()) {
                    links.put(f.getName(), f.getLinkName());
                } else if (f.isFile()) {
                    contents.put(f.getName(), layer.readAllBytes());
                }
            }
        }
    }
}
