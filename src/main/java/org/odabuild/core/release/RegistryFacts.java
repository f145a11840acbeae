package org.odabuild.core.release;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 */
public record RegistryFacts(PlannedImage image, Optional<Manifest> tag, Optional<Manifest> releaseTag,
        Optional<SemVer> newestRelease, Optional<String> owner, Optional<String> sourceHash,
        Optional<String> revision, List<String> platforms, Set<String> buildCommits) {

    public RegistryFacts {
        platforms = List.copyOf(platforms);
        buildCommits = Set.copyOf(buildCommits);
    }

    /** An existing release tag built from this very commit: a re-run job, which may succeed without building. */
    public boolean publishedFromThisCommit() {
        return image.image().isRelease() && tag.isPresent() && revision.filter(buildCommits::contains).isPresent();
    }
}
