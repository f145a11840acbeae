package org.odabuild.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.check.VersionBumpCheck;

/**
 * For pull requests: fails when an image whose sources changed since the merge-base does not have a higher
 * version than it had there, or a chart whose shipped files changed does not. Lists each with both versions and
 * the file:line to edit; writes {@code target/oda/check-version-bump.json}.
 */
@Mojo(name = "check-version-bump", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true,
        requiresProject = false)
public class CheckVersionBumpMojo extends AbstractPlanMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.checkVersionBump.skip", defaultValue = "false")
    private boolean skipCheckVersionBump;

    @Override
    protected boolean skipGoal() {
        return skipCheckVersionBump;
    }

    @Override
    protected void run(BuildLog log) {
        VersionBumpCheck.run(planRequest(), log);
    }
}
