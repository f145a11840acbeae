package org.odabuild.core.release;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.image.Platform;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.registry.RegistryClient.Manifest;
import org.odabuild.core.version.SemVer;

/**
 * What the registry holds for one image about to be built.
 *
 * @param tag           the manifest of the tag to be built, when it exists
 * @param releaseTag    for a prerelease: the manifest of its release tag {@code X.Y.Z}, when it exists
 * @param newestRelease the highest release tag in the repository
 * @param owner         for an existing prerelease tag: its {@code org.odabuild.branch} label, when it has one
 * @param sourceHash    for an existing tag: its {@code org.odabuild.source-hash} label, when it has one
 * @param revision      for an existing tag: its {@code org.opencontainers.image.revision} label, when it has one
 * @param platforms     for an existing tag: the platforms it serves
 * @param buildCommits  the commits this build stands for: HEAD and the last commit that changed the image's paths
 * @param localSourceHash for an existing release tag with a source hash: this checkout's, when it was computed
 */
public record RegistryFacts(PlannedImage image, Optional<Manifest> tag, Optional<Manifest> releaseTag,
        Optional<SemVer> newestRelease, Optional<String> owner, Optional<String> sourceHash,
        Optional<String> revision, List<String> platforms, Set<String> buildCommits,
        Optional<String> localSourceHash) {

    public RegistryFacts {
        platforms = List.copyOf(platforms);
        buildCommits = Set.copyOf(buildCommits);
    }

    /** An existing release tag built from this very commit: a re-run job, which may succeed without building. */
    public boolean publishedFromThisCommit() {
        return image.image().isRelease() && tag.isPresent() && revision.filter(buildCommits::contains).isPresent();
    }

    /**
     * An existing release tag built from the same sources for the same platforms: what a build here would make. A
     * move of its folder, a clone too shallow to tell what changed, or {@code -Doda.force} plan it again; it is not
     * built again, and not refused.
     */
    public boolean publishedFromTheseSources() {
        return image.image().isRelease() && tag.isPresent() && sourceHash.isPresent()
                && sourceHash.equals(localSourceHash)
                && Platform.sameSet(image.image().config().platforms(), platforms);
    }
}
