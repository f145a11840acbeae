package org.odabuild.core.edit;

import java.nio.file.Path;
import org.odabuild.core.BuildLog;
import org.odabuild.core.report.JsonReports;

/** Writes (or, in a dry run, only shows) a goal's edits, and {@code edits.json} either way. */
final class EditApply {

    private EditApply() {
    }

    /** Before an editing goal reads anything: no edits.json of an earlier run survives a failed one. */
    static void start(Path outputDir) {
        JsonReports.delete(outputDir, EditReport.FILE);
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
