package org.odabuild.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.edit.Bump;
import org.odabuild.core.edit.ReleasePrepCommand;
import org.odabuild.core.edit.ReleasePrepRequest;

/**
 * Prepares a branch for its merge: clears every {@code prereleaseSuffix}, bumps the version of each chart whose
 * files changed since the merge-base and updates it in the charts that depend on it. Writes
 * {@code target/oda/edits.json}; {@code -Doda.dryRun=true} only shows the edits.
 */
@Mojo(name = "release-prep", threadSafe = true, requiresProject = false)
public class ReleasePrepMojo extends AbstractPlanMojo {

    /** How a changed chart's version goes up: patch, minor or major. */
    @Parameter(property = "oda.chartBump", defaultValue = "patch")
    private String chartBump;

    /** Only show the edits. */
    @Parameter(property = "oda.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skips this goal only. */
    @Parameter(property = "oda.releasePrep.skip", defaultValue = "false")
    private boolean skipReleasePrep;

    @Override
    protected boolean skipGoal() {
        return skipReleasePrep;
    }

    @Override
    protected void run(BuildLog log) {
        ReleasePrepCommand.run(new ReleasePrepRequest(planRequest(), Bump.parse(chartBump, "oda.chartBump"), dryRun),
                log);
    }
}
