package org.odabuild.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.release.ReleaseImmutabilityCheck;

/**
 * Checks the registry for every image the plan will build: an existing release tag fails the build (release tags
 * are immutable), a prerelease needs an unreleased version, versions only go up, and a prerelease suffix belongs
 * to the branch that first pushed it. Fails closed: when the registry cannot answer, the build fails. Writes
 * {@code target/oda/verify-release-immutable.json}.
 */
@Mojo(name = "verify-release-immutable", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresProject = false)
public class VerifyReleaseImmutableMojo extends AbstractRegistryMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.verifyReleaseImmutable.skip", defaultValue = "false")
    private boolean skipVerifyReleaseImmutable;

    @Override
    protected boolean skipGoal() {
        return skipVerifyReleaseImmutable;
    }

    @Override
    protected void run(BuildLog log) {
        ReleaseImmutabilityCheck.run(releaseCheckRequest(), credentials(log), log);
    }
}
