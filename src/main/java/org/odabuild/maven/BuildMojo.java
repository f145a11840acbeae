package org.odabuild.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.BuildCommand;
import org.odabuild.core.build.DaemonFactory;

/**
 * The one command for a branch: plan, check the registry, build the changed images through the Docker daemon,
 * run their test images, and push them (on CI by default; {@code -Doda.push=true|false}). Writes
 * {@code target/oda/build.json} and, after a push, {@code target/oda/values-digests.yaml}.
 */
@Mojo(name = "build", threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractBuildMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.build.skip", defaultValue = "false")
    private boolean skipBuild;

    @Override
    protected boolean skipGoal() {
        return skipBuild;
    }

    @Override
    protected void run(BuildLog log) {
        BuildCommand.build(buildRequest(), credentials(log), DaemonFactory.fabric8(), true, log);
    }
}
