package org.odabuild.core.docker;

/** The image labels the plugin writes and later reads back from the registry. */
public final class OdaLabels {

    /** The branch that built (and owns) the tag. */
    public static final String BRANCH = "org.odabuild.branch";
    /** The hash of everything the image was built from: equal hash, equal image. */
    public static final String SOURCE_HASH = "org.odabuild.source-hash";
    /** The commit it was built from (OCI's standard label): a release re-run from it is no new build. */
    public static final String REVISION = "org.opencontainers.image.revision";

    private OdaLabels() {
    }
}
