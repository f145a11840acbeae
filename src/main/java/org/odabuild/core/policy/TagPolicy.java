package org.odabuild.core.policy;

import org.odabuild.core.resolve.ResolvedImage;

/**
 * The seed's branch rules for one image: release tags only from the release branch, prerelease tags only from
 * prerelease branches, nothing from other branches, and nothing at all when the image's sources did not change.
 */
public record TagPolicy(BranchPolicy branches) {

    public Decision decide(String branch, ResolvedImage image, boolean changed) {
        BranchKind kind = branches.classify(branch);
        if (kind == BranchKind.OTHER) {
            return new Decision(ImageAction.SKIP_BRANCH, "branch " + branch + " builds no images (release branches: "
                    + String.join(", ", branches.releaseBranches()) + "; prerelease branches: "
                    + String.join(", ", branches.prereleaseBranches()) + ")");
        }
        if (!changed) {
            return new Decision(ImageAction.SKIP_UNCHANGED, "no file under its paths changed");
        }
        if (kind == BranchKind.RELEASE) {
            return image.isRelease()
                    ? new Decision(ImageAction.BUILD_RELEASE, "release " + image.tag() + " on release branch "
                            + branch)
                    : new Decision(ImageAction.REFUSE, "prerelease versions cannot be built on release branch "
                            + branch + " (image " + image.key() + ", tag " + image.tag() + "): remove the"
                            + " prereleaseSuffix at " + image.suffixAt().map(Object::toString).orElse("its values file")
                            + " before merging");
        }
        return image.isRelease()
                ? new Decision(ImageAction.REFUSE, "release versions can only be built from "
                        + branches.releaseBranchNames() + " (branch " + branch + ", image " + image.key() + ", version "
                        + image.version() + "): set a prereleaseSuffix at " + image.versionAt().file()
                        + " and bump the version")
                : new Decision(ImageAction.BUILD_PRERELEASE, "prerelease " + image.tag() + " on branch " + branch);
    }
}
