package org.odabuild.core.build;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.docker.CopySources;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.FromDigests;
import org.odabuild.core.dockerfile.ImageReference;
import org.odabuild.core.image.Platform;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.version.ImageName;

/**
 * Base images named by the digest of the platform's own manifest, for a build of another platform than the daemon's.
 * Docker's containerd image store builds such an image right, but records in it the base's layers of the
 * daemon's own platform when the base is an index of several platforms (seen on Docker 26.1 and 28.5): its save, and
 * so the plugin's push, would hold layers its config does not name. Given the platform's manifest, as BuildKit
 * resolves a FROM, the base is an image of one platform and the image is right (measured on Docker 26.1 and 28.5).
 * Docker 20.10's classic store builds on a base it holds under the name for another platform as it is. The digest is
 * read from the base's registry; a base the daemon holds for that platform already, or one its registry does not
 * answer for, is left as written: the daemon's pull with the platform and the publisher's layer check still keep a
 * wrong image from being pushed.
 */
final class PlatformBaseDigests {

    private final DockerDaemon daemon;
    private final Function<String, Optional<Platform>> localPlatform;
    private final RegistryClient registry;
    private final BuildLog log;

    /** @param localPlatform the platform of the image the daemon holds under a name; none when it holds none */
    PlatformBaseDigests(DockerDaemon daemon, Function<String, Optional<Platform>> localPlatform,
            RegistryClient registry, BuildLog log) {
        this.daemon = daemon;
        this.localPlatform = localPlatform;
        this.registry = registry;
        this.log = log;
    }

    /**
     * The context of a build for {@code platform}, its Dockerfile's base images pinned where that is needed.
     *
     * @param platformArgs the build's args with its platform args
     */
    BuildContext forPlatform(String key, BuildContext context, Map<String, String> platformArgs, Platform platform,
            Platform nativePlatform) {
        if (platform.accepts(nativePlatform)) {
            return context;
        }
        Map<String, Optional<String>> asked = new HashMap<>(); // stages on one base ask its registry once
        BuildContext froms = FromDigests.pinned(context, platformArgs, pull -> platformOf(pull, platform)
                .filter(stage -> !stage.accepts(nativePlatform))
                .flatMap(stage -> pin(key, pull.image(), stage, asked)));
        // an image a COPY --from= takes files from is pulled for the build's platform as a FROM's is (Docker 26's
        // classic store refuses an index by digest for a second platform: "cannot overwrite digest")
        return CopySources.pinned(froms, copy -> pin(key, copy.image(), platform, asked));
    }

    private Optional<String> pin(String key, String image, Platform platform, Map<String, Optional<String>> asked) {
        return asked.computeIfAbsent(image + " " + platform, k -> whyPin(image, platform)
                .flatMap(why -> manifestFor(key, image, platform, why)));
    }

    /**
     * Why {@code image} is better named by its platform's manifest, if it is: on the containerd image store always,
     * unless the daemon holds it as an image of that platform; on the classic one when the daemon holds it under its
     * name for another platform, which Docker 20.10 builds on as it is (23 and later pull the platform's variant
     * over it).
     */
    private Optional<String> whyPin(String image, Platform platform) {
        if (image.contains("$")) {
            return Optional.empty(); // an arg none could fill: the daemon says what it makes of it
        }
        Optional<Platform> held = localPlatform.apply(image);
        if (held.isPresent() && platform.accepts(held.get())) {
            return Optional.empty();
        }
        if (daemon.containerdImageStore()) {
            return Optional.of("Docker's containerd image store would otherwise put the base's "
                    + daemon.nativePlatform() + " layers in it");
        }
        return held.map(other -> "the daemon holds " + image + " as a " + other + " image, which Docker 20.10 would"
                + " build on as it is");
    }

    /** The platform the FROM's stage is built for: its own {@code --platform}, else the build's. */
    private static Optional<Platform> platformOf(FromDigests.Pull pull, Platform platform) {
        try {
            return Optional.of(pull.platform().map(Platform::parse).orElse(platform));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an arg none could fill: the daemon says what it makes of it
        }
    }

    /** {@code name@digest} of the platform's manifest, when {@code image} names an index that has one. */
    private Optional<String> manifestFor(String key, String image, Platform platform, String why) {
        ImageReference base = ImageReference.parse(image);
        try {
            List<RegistryClient.IndexEntry> entries = registry.indexEntries(new ImageName(base.name()),
                    base.reference());
            Platform wanted = platform.normalized();
            Optional<String> digest = entries.stream().filter(e -> Platform.parse(e.platform()).normalized()
                    .equals(wanted)).map(RegistryClient.IndexEntry::digest).findFirst();
            digest.ifPresent(d -> log.info("Building " + key + " for " + platform + " FROM " + base.name() + "@" + d
                    + ", the " + platform + " image of " + image + ": " + why));
            return digest.map(d -> base.name() + "@" + d);
        } catch (RegistryException | IllegalArgumentException e) {
            log.info("Could not read the platforms of the base image " + image + " of " + key + " from its registry ("
                    + e.getMessage() + "): the daemon builds " + platform + " on it as it finds it");
            return Optional.empty();
        }
    }
}
