package org.odabuild.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.BuildCommand;
import org.odabuild.core.build.DaemonFactory;

/**
 * Pushes what {@code oda:build-image} built in this build, checking release tags once more right before the push,
 * and records each digest in {@code build.json} and {@code values-digests.yaml}.
 */
@Mojo(name = "push-image", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushImageMojo extends AbstractBuildMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.pushImage.skip", defaultValue = "false")
    private boolean skipPushImage;

    @Override
    protected boolean skipGoal() {
        return skipPushImage;
    }

    @Override
    protected void run(BuildLog log) {
        BuildCommand.push(buildRequest(), credentials(log), DaemonFactory.fabric8(), log);
    }
}
