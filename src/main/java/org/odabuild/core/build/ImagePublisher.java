package org.odabuild.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.odabuild.core.BuildLog;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.OdaLabels;
import org.odabuild.core.image.ImageArchive;
import org.odabuild.core.image.ManifestFormat;
import org.odabuild.core.image.Manifests;
import org.odabuild.core.image.Platform;
import org.odabuild.core.image.SavedImage;
import org.odabuild.core.registry.ImmutableTagRejection;
import org.odabuild.core.registry.ManifestRefusedException;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.registry.RegistryUploads;
import org.odabuild.core.version.ImageName;

/**
 * Publishes built images with the plugin's own registry client, so that a tag never points at something partial:
 * every blob and every platform manifest goes up by digest first, then the release tag is checked once more and the
 * tag is put as the last, single request (an image index for several platforms). The tag is read back afterwards:
 * the registry has no create-if-absent, and a concurrent build that won the race is reported with its digest.
 */
final class ImagePublisher implements AutoCloseable {

    private static final long SETTLE = 1000;

    private final DockerDaemon daemon;
    private final RegistryClient registry;
    private final RegistryUploads uploads;
    private final Path workDir;
    private final BuildLog log;

    /** @param workDir where gzipped layers wait for their upload; deleted on close */
    ImagePublisher(DockerDaemon daemon, RegistryClient registry, RegistryUploads uploads, Path workDir,
            BuildLog log) {
        this.daemon = daemon;
        this.registry = registry;
        this.uploads = uploads;
        this.workDir = workDir;
        this.log = log;
    }

    /**
     * @param commit the commit the image was built from: a release the registry already holds from it (a push job
     *               re-run after a partial failure) is reported as published, not pushed again
     */
    BuiltImage push(BuiltImage built, String commit) {
        long start = System.nanoTime();
        ImageName name = new ImageName(built.image());
        Optional<String> published = built.release() ? publishedFromThisCommit(name, built, commit)
                : Optional.empty();
        if (published.isPresent()) {
            return built.alreadyPublished(published.get());
        }
        if (built.platforms().isEmpty()) {
            throw new DockerException("build.json names no platform image of " + built.key() + " (written by an older"
                    + " plugin version): run oda:build-image again, then oda:push-image");
        }
        List<SavedImage> images = new ArrayList<>();
        Map<String, SavedImage> saved = new HashMap<>();
        for (BuiltImage.PlatformBuild platform : built.platforms()) {
            images.add(upload(name, built, platform, saved));
        }
        Published manifests;
        try {
            manifests = manifests(name, built, images, ManifestFormat.OCI);
        } catch (ManifestRefusedException e) {
            log.warn("registry " + name.registry() + " refuses OCI manifests (" + e.getMessage() + "): publishing "
                    + built.reference() + " with the Docker media types instead");
            manifests = manifests(name, built, images, ManifestFormat.DOCKER);
        }
        // the last moment before the tag is written: another build may have released it since the first check
        published = built.release() ? publishedFromThisCommit(name, built, commit) : Optional.empty();
        if (published.isPresent()) {
            return built.alreadyPublished(published.get());
        }
        for (String reference : built.tags()) {
            String tag = reference.substring(reference.lastIndexOf(':') + 1);
            log.info("Pushing " + name + ":" + tag + " (" + manifests.top().digest() + ")");
            try {
                uploads.manifest(name, tag, manifests.top().mediaType(), manifests.top().bytes());
            } catch (RegistryException e) {
                throw ImmutableTagRejection.describe(name + ":" + tag, name.registry(), e.getMessage())
                        .<RuntimeException>map(m -> new RuleViolationException("push of " + built.key(), List.of(m)))
                        .orElse(e);
            }
        }
        String pushed = manifests.top().digest();
        // read the tag back (a release once more after a moment): a concurrent push that landed on it fails loudly,
        // so no values-digests pins a digest the tag does not serve
        String digest = servedAs(name, built, pushed);
        if (built.release()) {
            sleep(SETTLE);
            digest = servedAs(name, built, pushed);
        }
        log.info("Pushed " + built.reference() + "@" + digest);
        return built.pushed(digest, manifests.platforms(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The tag's manifest (an index, or the one image) and each platform's manifest digest. */
    private record Published(Manifests.Document top, List<BuiltImage.PlatformBuild> platforms) {
    }

    /** Puts each platform's manifest by digest when an index is published, and returns what the tag will hold. */
    private Published manifests(ImageName name, BuiltImage built, List<SavedImage> images, ManifestFormat format) {
        List<Manifests.Entry> entries = new ArrayList<>();
        List<BuiltImage.PlatformBuild> platforms = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            SavedImage image = images.get(i);
            Manifests.Document manifest = Manifests.image(format, image);
            if (built.index()) {
                uploads.manifest(name, manifest.digest(), manifest.mediaType(), manifest.bytes());
            }
            entries.add(new Manifests.Entry(manifest, Platform.parse(built.platforms().get(i).platform())));
            BuiltImage.PlatformBuild platform = built.platforms().get(i);
            platforms.add(new BuiltImage.PlatformBuild(platform.platform(), platform.imageId(), manifest.digest(),
                    platform.retargeted()));
        }
        Manifests.Document top = built.index() ? Manifests.index(format, entries) : entries.get(0).manifest();
        return new Published(top, platforms);
    }

    /**
     * The daemon's archive of one platform's image, read and checked. Docker's containerd image store (seen on Docker
     * 26.1 and 28.5, also when asked for the platform) saves an image of another platform than its own, built on a
     * multi-platform base image, with the base's layers of its own platform: the check finds a layer its config does
     * not name, and what to do is said. {@link PlatformBaseDigests} prevents it where the base's registry answers.
     */
    private SavedImage save(String imageId, BuiltImage built, BuiltImage.PlatformBuild platform) {
        try {
            return daemon.save(imageId, archive -> ImageArchive.read(archive, workDir));
        } catch (DockerException e) {
            String answer = String.valueOf(e.getMessage());
            if (!answer.contains("of the daemon's image archive is")
                    || Platform.parse(platform.platform()).accepts(Platform.parse(daemon.nativePlatform()))) {
                throw e;
            }
            throw new DockerException("image " + built.key() + ": the daemon's archive of its " + platform.platform()
                    + " image holds a layer that the image's config does not name (" + answer + "). Docker's"
                    + " containerd image store saves an image of another platform than the daemon's own ("
                    + daemon.nativePlatform() + "), built on a multi-platform base image, with that base's layers of"
                    + " the daemon's own platform, though the image holds the right ones. The plugin names such a base"
                    + " by its " + platform.platform() + " manifest when it can read it from the base's registry (the"
                    + " build's log says why it could not). Name the base by that digest in the FROM line (FROM"
                    + " name@sha256:...), build " + platform.platform()
                    + " on a daemon with the classic image store (in daemon.json, \"features\":"
                    + " {\"containerd-snapshotter\": false}; in Docker Desktop, turn off 'Use containerd for pulling"
                    + " and storing images'), or on a " + platform.platform() + " machine", e);
        }
    }

    /** Saves one platform's image from the daemon (once per image) and puts its config and layers into the repository. */
    private SavedImage upload(ImageName name, BuiltImage built, BuiltImage.PlatformBuild platform,
            Map<String, SavedImage> saved) {
        long start = System.nanoTime();
        SavedImage image = saved.computeIfAbsent(platform.imageId(), id -> save(id, built, platform));
        long savedMs = (System.nanoTime() - start) / 1_000_000;
        if (!image.isSavedAs(platform.imageId())) {
            throw new DockerException("the daemon saved " + image.id() + " when asked for " + platform.imageId()
                    + " (" + built.key() + ", " + platform.platform() + ")");
        }
        // a retargeted platform's config says that platform; a platform built as such keeps what the daemon wrote
        Platform target = platform.retargeted() ? Platform.parse(platform.platform()) : image.platform();
        try {
            image = ImageArchive.configure(image, target, built.labels(),
                    Optional.ofNullable(built.sourceDateEpoch()).map(Instant::ofEpochSecond), workDir);
        } catch (IOException e) {
            throw new DockerException("could not write the " + platform.platform() + " config of " + built.key()
                    + ": " + e.getMessage(), e);
        }
        int uploaded = 0;
        var blobs = Stream.concat(image.layers().stream(), Stream.of(image.config())).toList();
        PushProgress progress = new PushProgress(log, built.reference() + " (" + platform.platform() + ")",
                blobs.stream().mapToLong(b -> b.size()).sum());
        for (var blob : blobs) {
            RegistryUploads.BlobResult result = uploads.blob(name, blob.digest(), blob.size(), blob.file(),
                    progress::sent);
            if (result != RegistryUploads.BlobResult.UPLOADED) {
                progress.sent(blob.size());
            }
            if (result != RegistryUploads.BlobResult.PRESENT) {
                uploaded++;
            }
        }
        log.info("Uploaded " + uploaded + " of " + (image.layers().size() + 1) + " blobs of " + built.reference()
                + " (" + platform.platform() + "; saved and compressed in " + savedMs + " ms, uploaded in "
                + ((System.nanoTime() - start) / 1_000_000 - savedMs) + " ms)");
        return image;
    }

    /**
     * The release tag's digest when it exists from this very commit (a re-run job); empty when absent; fails when it
     * exists from anything else, since release tags are immutable.
     */
    private Optional<String> publishedFromThisCommit(ImageName name, BuiltImage built, String commit) {
        var existing = registry.manifest(name, built.tag());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        String revision = registry.labels(name, existing.get().digest()).get(OdaLabels.REVISION);
        if (commit.equals(revision)) {
            log.info(built.reference() + " is already published from this commit: " + existing.get().digest());
            return Optional.of(existing.get().digest());
        }
        throw new RuleViolationException("push of " + built.key(), List.of("another build published "
                + built.reference() + " before this one could: its digest is " + existing.get().digest()
                + "; release tags are immutable, so this build put no tag"));
    }

    private String servedAs(ImageName name, BuiltImage built, String pushed) {
        String served = registry.digest(name, built.tag()).orElseThrow(() -> new RuleViolationException("push of "
                + built.key(), List.of("registry " + name.registry() + " does not serve " + built.reference()
                        + " right after the push")));
        if (!served.equals(pushed)) {
            throw new RuleViolationException("push of " + built.key(), List.of("another build published "
                    + built.reference() + " at the same time: its digest is " + served + " (this build pushed "
                    + pushed + ", which the tag no longer serves); nothing is pinned for it. A CI concurrency group"
                    + " for release jobs, or the registry's own tag immutability, prevents this"));
        }
        return served;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.exists(workDir) ? Files.walk(workDir) : Stream.empty()) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftover layers in target/ are harmless
        }
    }
}
