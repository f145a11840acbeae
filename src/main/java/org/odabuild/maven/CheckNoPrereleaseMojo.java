package org.odabuild.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.check.NoPrereleaseCheck;

/**
 * Fails while any image's values entry has a {@code prereleaseSuffix}: oda-canvas' pull-request check
 * "no prerelease suffixes". Writes {@code target/oda/check-no-prerelease.json} either way.
 */
@Mojo(name = "check-no-prerelease", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true,
        requiresProject = false)
public class CheckNoPrereleaseMojo extends AbstractOdaMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.checkNoPrerelease.skip", defaultValue = "false")
    private boolean skipCheckNoPrerelease;

    @Override
    protected boolean skipGoal() {
        return skipCheckNoPrerelease;
    }

    @Override
    protected void run(BuildLog log) {
        NoPrereleaseCheck.run(resolveRequest(), log);
    }
}
