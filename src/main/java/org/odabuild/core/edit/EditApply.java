package org.odabuild.core.edit;

import java.nio.file.Path;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.policy.BranchKind;
import org.odabuild.core.report.JsonReports;

/** Writes (or, in a dry run, only shows) a goal's edits, and {@code edits.json} either way. */
final class EditApply {

    private EditApply() {
    }

    /**
     * The plan an editing goal works from: no edits.json of an earlier run survives a failed one, every image must
     * be readable, and a release branch is refused ({@code onReleaseBranch} says why for this goal).
     */
    static Plan plan(PlanRequest request, String onReleaseBranch, BuildLog log) {
        JsonReports.delete(request.resolve().outputDir(), EditReport.FILE);
        Plan plan = Planner.plan(request, log);
        plan.resolution().requireAll(); // an edit never runs with an image it cannot read
        if (plan.branchKind() == BranchKind.RELEASE) {
            throw new InvalidInputException(onReleaseBranch.replace("{branch}", plan.branch().name()));
        }
        return plan;
    }

    static EditReport finish(String goal, FileEdits files, boolean dryRun, Path outputDir, AtomicFileSet.Mover mover,
            BuildLog log) {
        EditReport report = new EditReport(goal, dryRun, files.edits());
        if (!dryRun) {
            files.write(mover);
        }
        report.edits().forEach(e -> log.info((dryRun ? "would change " : "changed ") + e));
        if (report.edits().isEmpty()) {
            log.info("Nothing to change.");
        }
        log.info("Wrote " + report.write(outputDir));
        return report;
    }
}
