package org.odabuild.core.release;

import java.util.Optional;
import org.odabuild.core.Setting;

/** A prerelease leads to its release {@code X.Y.Z}; when that is already out, the version must be bumped first. */
final class PrereleaseNeedsUnreleasedVersion implements ImmutabilityRule {

    @Override
    public Optional<String> check(RegistryFacts f, String branch) {
        if (f.image().image().isRelease() || f.releaseTag().isEmpty()) {
            return Optional.empty();
        }
        var image = f.image().image();
        return Optional.of(image.image() + ":" + image.version() + " is already released ("
                + f.releaseTag().get().digest() + "), so prerelease " + image.tag() + " would sort below it: bump"
                + " the version in " + image.versionAt() + " first" + prereleaseBumps(f));
    }

    /** The goal that bumps a prerelease above what the release branch released since the branch left it. */
    static String prereleaseBumps(RegistryFacts f) {
        return " (git fetch, then oda:prerelease " + Setting.IMAGES.set(f.image().key()) + " bumps it above the"
                + " release branch's)";
    }
}
