package org.odabuild.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.BuildCommand;
import org.odabuild.core.build.DaemonFactory;

/**
 * Builds and tests (never pushes) every image the plan marks build-* that the registry does not already hold from
 * the same sources; refuses exactly as the plan and the registry check refuse, before any build starts.
 */
@Mojo(name = "build-image", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildImageMojo extends AbstractBuildMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.buildImage.skip", defaultValue = "false")
    private boolean skipBuildImage;

    @Override
    protected boolean skipGoal() {
        return skipBuildImage;
    }

    @Override
    protected void run(BuildLog log) {
        BuildCommand.build(buildRequest(), credentials(log), DaemonFactory.fabric8(), false, log);
    }
}
