package org.odabuild.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.PinDigests;

/**
 * Redeploy from a laptop: asks the registry for the digest of every image's current tag (as values.yaml names it)
 * and writes {@code target/oda/values-digests.yaml}, so {@code helm upgrade -f target/oda/values-digests.yaml}
 * rolls out a prerelease tag that CI pushed again. No build and no Docker daemon; {@code -Doda.images} and
 * {@code -Doda.imageRepository} apply. Also writes {@code target/oda/pin-digests.json}.
 */
@Mojo(name = "pin-digests", threadSafe = true, requiresProject = false)
public class PinDigestsMojo extends AbstractPublishMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.pinDigests.skip", defaultValue = "false")
    private boolean skipPinDigests;

    @Override
    protected boolean skipGoal() {
        return skipPinDigests;
    }

    @Override
    protected void run(BuildLog log) {
        PinDigests.run(resolveRequest(), registrySettings(), credentials(log), log);
    }
}
