package org.odabuild.core.build;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odabuild.core.docker.FailedStep;

/**
 * One image of {@code build.json}.
 *
 * @param status     what became of it (see {@link BuildStatus})
 * @param tags       every {@code image:tag} made (the tag, and latest when the policy says so)
 * @param digest     the registry's {@code sha256:...} after a push (of the image index for several platforms), or
 *                   of the existing tag when up to date
 * @param durationMs time spent building (and testing, and pushing)
 * @param error      why it failed or was not built, else null
 * @param platforms  each platform built: its image in the daemon and, once pushed, its manifest digest
 * @param index      published as an image index (several platforms, or {@code -Doda.index=always})
 * @param labels     the labels the plugin writes into each platform's image config when it publishes (revision,
 *                   version, branch, source hash, ...); the daemon's image carries the Dockerfile's own labels only
 * @param sourceDateEpoch the build arg {@code SOURCE_DATE_EPOCH} (HEAD's commit time, seconds) the image was built
 *                   with: the published config's {@code created} and history times are clamped to it, as BuildKit
 *                   does with that arg; null when not built (or by an older version)
 * @param failedStep the step its build (or its test image's) stopped at, and that step's last output lines; else null
 */
public record BuiltImage(String key, String image, String tag, String reference, boolean release, BuildStatus status,
        List<String> tags, String sourceHash, String digest, long durationMs, String testReport, String error,
        List<PlatformBuild> platforms, boolean index, Map<String, String> labels, Long sourceDateEpoch,
        FailedStep failedStep) {

    /**
     * @param platform   {@code os/architecture[/variant]}
     * @param imageId    the daemon's id of what was built for it
     * @param digest     its manifest's digest in the registry, once pushed
     * @param retargeted the image's files do not depend on the platform (FROM scratch, no RUN): the native build's
     *                   layers, published with this platform in its config, as buildx does for such images
     */
    public record PlatformBuild(String platform, String imageId, String digest, boolean retargeted) {
    }

    public BuiltImage {
        tags = List.copyOf(tags);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        // a build.json of an older version has none
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    BuiltImage alreadyPublished(String existingDigest) {
        return new BuiltImage(key, image, tag, reference, release, BuildStatus.ALREADY_PUBLISHED, tags, sourceHash, existingDigest,
                durationMs, testReport, null, platforms, index, labels, sourceDateEpoch, null);
    }

    BuiltImage pushed(String pushedDigest, List<PlatformBuild> pushedPlatforms, long extraMs) {
        return new BuiltImage(key, image, tag, reference, release, BuildStatus.PUSHED, tags, sourceHash, pushedDigest,
                durationMs + extraMs, testReport, null, pushedPlatforms, index, labels, sourceDateEpoch, null);
    }
}
