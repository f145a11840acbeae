package org.odabuild.maven;

import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.edit.Bump;
import org.odabuild.core.edit.PrereleaseCommand;
import org.odabuild.core.edit.PrereleaseRequest;

/**
 * Prepares images for a feature branch: bumps {@code version} (unless already ahead of the release branch) and sets
 * {@code prereleaseSuffix} from the branch name, for {@code -Doda.images} or every image changed since the
 * merge-base. Edits values files in place, keeping comments and layout; writes {@code target/oda/edits.json}.
 */
@Mojo(name = "prerelease", threadSafe = true, requiresProject = false)
public class PrereleaseMojo extends AbstractPlanMojo {

    /** patch, minor or major. */
    @Parameter(property = "oda.bump", defaultValue = "patch")
    private String bump;

    /** The suffix; by default from the branch ({@code feature/issue3456} → {@code issue3456}). */
    @Parameter(property = "oda.suffix")
    private String suffix;

    /** Only show the edits. */
    @Parameter(property = "oda.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skips this goal only. */
    @Parameter(property = "oda.prerelease.skip", defaultValue = "false")
    private boolean skipPrerelease;

    @Override
    protected boolean skipGoal() {
        return skipPrerelease;
    }

    @Override
    protected void run(BuildLog log) {
        PrereleaseCommand.run(new PrereleaseRequest(planRequest(), Optional.ofNullable(suffix).filter(s -> !s.isBlank()),
                Bump.parse(bump, "oda.bump"), dryRun), log);
    }
}
