package org.odabuild.maven;

import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.RunBases;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlanCommand;
import org.odabuild.core.plan.PlanRequest;

/**
 * Shows what a build of this commit on this branch would do with each image and why: changed files since the
 * base, branch rules, and whether CI should skip the BDD tests. Writes {@code target/oda/plan.json}; on GitHub
 * Actions also the step outputs {@code images-to-build} and {@code skip-tests} and a step summary. Then fails where a
 * build of the push would stop: an image refused, or an entry broken.
 */
@Mojo(name = "plan", threadSafe = true, requiresProject = false)
public class PlanMojo extends AbstractPlanMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.plan.skip", defaultValue = "false")
    private boolean skipPlan;

    /**
     * The build args {@code oda:build} is given, which may fill an ARG in a FROM line: images built on one another
     * share a CI job; also {@code -Doda.buildArgs.NAME=value}.
     */
    @Parameter
    private Map<String, String> buildArgs;

    @Override
    protected boolean skipGoal() {
        return skipPlan;
    }

    @Override
    protected void run(BuildLog log) {
        PlanRequest request = planRequest();
        Plan plan = PlanCommand.run(request, log, RunBases.jobs(request.resolve().fork(),
                BuildArgProperties.of(buildArgs, session.getUserProperties())));
        project.getProperties().setProperty("oda.skipTests", Boolean.toString(plan.skipTests().skip()));
    }
}
