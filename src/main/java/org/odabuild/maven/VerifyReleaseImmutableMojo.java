package org.odabuild.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import java.util.Map;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.CheckoutHashes;
import org.odabuild.core.release.ReleaseCheckRequest;
import org.odabuild.core.release.ReleaseImmutabilityCheck;

/**
 * Checks the registry for every image the plan will build: an existing release tag fails the build (release tags
 * are immutable), a prerelease needs an unreleased version, versions only go up, and a prerelease suffix belongs
 * to the branch that first pushed it; a release tag built from this commit, or from the same sources, passes. Fails
 * closed: when the registry cannot answer, the build fails. Writes {@code target/oda/verify-release-immutable.json}.
 */
@Mojo(name = "verify-release-immutable", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresProject = false)
public class VerifyReleaseImmutableMojo extends AbstractRegistryMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.verifyReleaseImmutable.skip", defaultValue = "false")
    private boolean skipVerifyReleaseImmutable;

    /**
     * The build args {@code oda:build} is given: part of an image's source hash, by which a release planned again
     * (a clone too shallow to tell what changed) is found already published; also {@code -Doda.buildArgs.NAME=value}.
     */
    @Parameter
    private Map<String, String> buildArgs;

    @Override
    protected boolean skipGoal() {
        return skipVerifyReleaseImmutable;
    }

    @Override
    protected void run(BuildLog log) {
        ReleaseCheckRequest request = releaseCheckRequest();
        ReleaseImmutabilityCheck.run(request, credentials(log), new CheckoutHashes(request.plan().resolve()
                .outputDir(), BuildArgProperties.of(buildArgs, session.getUserProperties())), log);
    }
}
