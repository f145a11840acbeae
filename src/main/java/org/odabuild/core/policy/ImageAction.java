package org.odabuild.core.policy;

/** What the plan does with one image; the JSON form is {@link #id()}. */
public enum ImageAction {
    BUILD_PRERELEASE("build-prerelease"),
    BUILD_RELEASE("build-release"),
    SKIP_UNCHANGED("skip-unchanged"),
    SKIP_BRANCH("skip-branch"),
    /** A release version on a prerelease branch whose sources did not change in the commits being built now. */
    SKIP_RELEASE_VERSION("skip-release-version"),
    REFUSE("refuse");

    private final String id;

    ImageAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean builds() {
        return this == BUILD_PRERELEASE || this == BUILD_RELEASE;
    }
}
