package org.odabuild.core.policy;

import org.odabuild.core.resolve.PrereleaseBases;
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
                            + branch + " (image " + image.key() + ", tag " + image.tag() + "): clear the"
                            + " prereleaseSuffix at " + image.suffixAt().map(Object::toString).orElse("its values file")
                            + " (oda:release-prep does it) before the merge, or in a commit on "
                            + branch + " once merged with it: that commit builds release " + image.version());
        }
        return image.isRelease()
                ? new Decision(ImageAction.REFUSE, "release versions can only be built from "
                        + branches.releaseBranchNames() + " (branch " + branch + ", image " + image.key() + ", version "
                        + image.version() + "): " + howToSetASuffix(image))
                : new Decision(ImageAction.BUILD_PRERELEASE, "prerelease " + image.tag() + " on branch " + branch);
    }

    /**
     * A release built {@code FROM} a prerelease tag of another image of the config: the release would stand on a tag
     * that the next push of that image's branch overwrites, so its content could not be built again.
     */
    public Decision releaseOnPrereleaseBase(ResolvedImage image, PrereleaseBases.Base base) {
        return new Decision(ImageAction.REFUSE, "release " + image.tag() + " cannot be built FROM "
                + base.reference() + " (" + base.dockerfile() + ":" + base.line()
                + (!base.throughAnArg() ? "" : base.written().map(w -> ", through the ARG at line " + w.line())
                        .orElse(", through ARGs")) + "), a prerelease of image " + base.base().key()
                + " that the next push of its branch overwrites: name its release " + base.release()
                + " there (oda:release-prep does it before the merge)");
    }

    /**
     * A pull request from a branch named like the release branch (a fork's {@code main}): its code is not on the
     * release branch yet, so it must not publish releases; the push that merges it does.
     */
    public Decision pullRequestFromReleaseName(String branch, String variable) {
        return new Decision(ImageAction.SKIP_BRANCH, "pull request from a branch named " + branch + " (" + variable
                + "), not " + branch + " itself: releases are built by the push to " + branches.releaseBranchNames()
                + " after the merge");
    }

    /**
     * A build of a git tag (a workflow run on every push): a tag is no branch, even one named like a prerelease
     * branch ({@code odaa-7}); the push of the branch it is on builds its images.
     */
    public Decision tagBuild(String tag, String variable) {
        return new Decision(ImageAction.SKIP_BRANCH, "the CI builds tag " + tag + " (" + variable + "), not a branch:"
                + " images are built by the pushes of " + branches.releaseBranchNames() + " and of prerelease branches ("
                + String.join(", ", branches.prereleaseBranches()) + ")");
    }

    /**
     * A release version on a prerelease branch where the commit to compare with is not in the clone (a shallow
     * checkout): whether its sources changed on this branch cannot be told, and for most images they did not, so
     * the fix named first is the history; a suffix only if this image did change.
     *
     * @param why    why the base is unknown
     * @param remedy what gives the plan its base ({@link org.odabuild.core.git.ChangeSet#remedy()})
     */
    public Decision releaseWithoutBase(String branch, ResolvedImage image, String why, String remedy) {
        return new Decision(ImageAction.REFUSE, "release " + image.tag() + " is not built on branch " + branch
                + ", and whether its sources changed on this branch cannot be told: " + why + ". "
                + Character.toUpperCase(remedy.charAt(0)) + remedy.substring(1) + ", so that only the images changed"
                + " on this branch count; if you changed " + image.key() + ", " + howToSetASuffix(image));
    }

    private static String howToSetASuffix(ResolvedImage image) {
        return image.config().valuesPathPrereleaseSuffix()
                .map(path -> "set a prereleaseSuffix at " + image.versionAt().file() + " (" + path + ") and bump the"
                        + " version (oda:prerelease does both)")
                .orElseGet(() -> "its entry at " + image.config().location() + " has no valuesPathPrereleaseSuffix:"
                        + " add one, and the prereleaseSuffix it names to " + image.versionAt().file()
                        + ", to build prereleases of it");
    }

    /**
     * A release version on a prerelease branch whose sources did not change in the commits being built now (the
     * suffix was cleared for the merge, or only the values entry changed): nothing to build here, and no error.
     *
     * @param commits which commits were looked at, for the reason
     */
    public Decision releaseAfterMerge(ResolvedImage image, String commits) {
        return new Decision(ImageAction.SKIP_RELEASE_VERSION, "release " + image.tag() + " is built on "
                + branches.releaseBranchNames() + " after the merge (no source change in " + commits + ")");
    }
}
