package org.odabuild.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.DaemonFactory;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.image.Platform;

/**
 * A Docker daemon in memory, for the build's orchestration without a real one: a build makes an image whose one
 * layer is the context archive as the build sent it (so the files the daemon got can be checked) and whose config
 * names the platform asked for; {@code save} writes a real {@code docker save} archive of it; {@code run} "runs" a
 * test image by printing the {@code report.xml} of its context. Every call is recorded.
 */
public final class RecordingDaemon implements DockerDaemon {

    /** One {@code /build} as the daemon received it. */
    public record BuildCall(String reference, List<String> files, Map<String, String> buildArgs, String platform,
            boolean noCache) {
    }

    private record Image(String id, Platform platform, byte[] config, byte[] layer, String report) {
    }

    public final List<BuildCall> builds = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Image> images = new ConcurrentHashMap<>();
    private final Map<String, String> tags = new ConcurrentHashMap<>();
    /** Set to make the next builds fail as a daemon does (e.g. a Dockerfile error). */
    public volatile String failBuildsWith;

    /** Connections to this one daemon, counted. */
    public DaemonFactory factory(java.util.concurrent.atomic.AtomicInteger connects) {
        return (String host, String certs, BuildLog log) -> {
            connects.incrementAndGet();
            return this;
        };
    }

    @Override
    public String nativePlatform() {
        return "linux/amd64";
    }

    @Override
    public boolean containerdImageStore() {
        return false;
    }

    @Override
    public LocalImage build(Build build) {
        calls.add("build " + build.reference());
        if (failBuildsWith != null) {
            throw new DockerException("build of " + build.reference() + " failed: " + failBuildsWith);
        }
        try {
            ByteArrayOutputStream context = new ByteArrayOutputStream();
            build.context().writeTar(context);
            byte[] layer = context.toByteArray();
            Platform platform = Platform.parse(build.platform().orElse(nativePlatform()));
            String config = "{\"architecture\":\"" + platform.architecture() + "\",\"os\":\"" + platform.os() + "\""
                    + platform.variant().map(v -> ",\"variant\":\"" + v + "\"").orElse("")
                    + ",\"config\":{\"Labels\":{}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
                    + ForeignBaseImage.sha256(layer) + "\"]},\"history\":[{\"created_by\":\"recording daemon\"}]}";
            byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
            String id = "sha256:" + ForeignBaseImage.sha256(configBytes);
            java.nio.file.Path report = build.context().contextDir().resolve("report.xml");
            images.put(id, new Image(id, platform, configBytes, layer,
                    Files.exists(report) ? Files.readString(report) : ""));
            tags.put(build.reference(), id);
            builds.add(new BuildCall(build.reference(), build.context().files(), build.buildArgs(),
                    build.platform().orElse(null), build.noCache()));
            return new LocalImage(id, platform);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LocalImage inspect(String reference) {
        calls.add("inspect " + reference);
        Image image = image(reference);
        return new LocalImage(image.id(), image.platform());
    }

    @Override
    public void tag(String source, String target) {
        calls.add("tag " + target);
        tags.put(target, image(source).id());
    }

    @Override
    public <T> T save(String imageId, ArchiveReader<T> reader) {
        calls.add("save " + imageId);
        Image image = image(imageId);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String configName = image.id().substring(7) + ".json";
            String layerName = ForeignBaseImage.sha256(image.layer()) + "/layer.tar";
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
                add(out, configName, image.config());
                add(out, layerName, image.layer());
                add(out, "manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":null,\"Layers\":[\""
                        + layerName + "\"]}]").getBytes(StandardCharsets.UTF_8));
            }
            return reader.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RunResult run(String reference, Duration timeout) {
        calls.add("run " + reference);
        return new RunResult(0, image(reference).report(), "");
    }

    @Override
    public void close() {
    }

    private Image image(String reference) {
        Image image = images.get(tags.getOrDefault(reference, reference));
        if (image == null) {
            throw new DockerException("no such image: " + reference);
        }
        return image;
    }

    private static void add(TarArchiveOutputStream out, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        out.putArchiveEntry(e);
        out.write(content);
        out.closeArchiveEntry();
    }
}
