package org.odabuild.core.release;

import java.util.Optional;
import org.odabuild.core.version.SemVer;

/** A new version must be above every release already in the registry: no accidental downgrades. */
final class VersionMustBeNewest implements ImmutabilityRule {

    @Override
    public Optional<String> check(RegistryFacts f, String branch) {
        // a release published already is not built: nothing goes down (a re-run, or a shallow clone's plan)
        if (f.newestRelease().isEmpty() || f.publishedFromThisCommit() || f.publishedFromTheseSources()) {
            return Optional.empty();
        }
        var image = f.image().image();
        SemVer newest = f.newestRelease().get();
        SemVer version = image.version();
        // an existing equal release is ReleaseTagMustNotExist's or PrereleaseNeedsUnreleasedVersion's finding
        if (version.compareTo(newest) >= 0) {
            return Optional.empty();
        }
        return Optional.of(image.reference() + ": version " + version + " is lower than " + newest
                + ", the newest release in the registry: set a version above " + newest + " in " + image.versionAt()
                + (image.isRelease() ? "" : PrereleaseNeedsUnreleasedVersion.prereleaseBumps(f)));
    }
}
