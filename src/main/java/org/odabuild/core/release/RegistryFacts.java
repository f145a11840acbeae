package org.odabuild.core.release;

import java.util.Optional;
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
 */
public record RegistryFacts(PlannedImage image, Optional<Manifest> tag, Optional<Manifest> releaseTag,
        Optional<SemVer> newestRelease, Optional<String> owner, Optional<String> sourceHash) {
}
