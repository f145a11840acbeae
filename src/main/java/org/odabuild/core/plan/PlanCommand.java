package org.odabuild.core.plan;

import java.util.List;
import org.odabuild.core.BuildLog;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.ci.GithubActions;
import org.odabuild.core.ci.MarkdownTable;
import org.odabuild.core.config.BuildInputs;
import org.odabuild.core.report.JsonReports;

/**
 * The {@code oda:plan} job: plan, log the table and warnings, write plan.json and the GitHub Actions outputs; then
 * fail where a build of the push would stop ({@link PlanStops}).
 */
public final class PlanCommand {

    private PlanCommand() {
    }

    public static Plan run(PlanRequest request, BuildLog log) {
        return run(request, log, BuildJobs.ONE_PER_IMAGE);
    }

    /** @param jobs how the images to build are split into CI jobs (several are read only when there are several) */
    public static Plan run(PlanRequest request, BuildLog log, BuildJobs jobs) {
        JsonReports.delete(request.resolve().outputDir(), PlanReport.REPORT);
        Plan plan = Planner.plan(request, log);
        log.info((plan.branch().tag() ? "Tag " : "Branch ") + plan.branch().name() + " (" + plan.branchKind().name().toLowerCase(java.util.Locale.ROOT)
                + ", from " + plan.branch().source() + "), commit " + plan.head().shortId()
                + plan.pullRequestHead().map(h -> " (CI's merge of the pull request's " + h.substring(0, 7) + ")")
                        .orElse("") + ", compared with " + (plan.changes().baseCommit().isPresent()
                        ? plan.changes().baseNamed() : "- (" + plan.changes().baseReason() + ")"));
        PlanReport.log(plan, request.lint().verbose(), log);
        // its job fails on it before building anything; said here too, where a pull request's checks run
        plan.toBuild().forEach(p -> BuildInputs.problem(plan.resolution().layout(), p.image().config()).ifPresent(
                why -> log.warn(why + " (a build of image " + p.key() + " stops there unless a step before it"
                        + " writes it)")));
        log.info("Tests: " + (plan.skipTests().skip() ? "skip (" : "run (") + plan.skipTests().reason() + ")");
        List<List<String>> split = (plan.toBuild().size() > 1 ? jobs : BuildJobs.ONE_PER_IMAGE).of(plan);
        split.stream().filter(job -> job.size() > 1).forEach(job -> log.info("Built in one job (one on another): "
                + String.join(", ", job)));
        log.info("Wrote " + PlanReport.writeJson(plan, split, request.resolve().outputDir()));

        GithubActions gha = new GithubActions(CiEnvironment.of(request.env()));
        gha.output("images-to-build", JsonReports.compact(split.stream().map(job -> String.join(",", job))
                .toList()));
        gha.output("skip-tests", Boolean.toString(plan.skipTests().skip()));
        gha.summary(summary(plan));
        PlanStops.failIfAny(plan);
        return plan;
    }

    private static MarkdownTable summary(Plan plan) {
        MarkdownTable table = new MarkdownTable("oda plan: " + plan.branch().name() + " @ " + plan.head().shortId(),
                "image", "tag", "changed", "action", "reason");
        plan.images().forEach(i -> table.row(i.key(), i.image().tag(), PlanReport.changed(i),
                i.decision().action().id(), i.decision().reason()));
        plan.broken().forEach(b -> table.row(b.key(), "-", "-", "refuse", b.reason()));
        return table;
    }
}
