package org.odabuild.core.edit;

import java.nio.file.Path;
import java.util.List;
import org.odabuild.core.report.JsonReports;

/** {@code edits.json}: every value a goal changed (or would change, in a dry run). */
public record EditReport(String goal, boolean dryRun, List<ScalarEdit> edits) {

    public static final String FILE = "edits.json";

    public EditReport {
        edits = List.copyOf(edits);
    }

    public Path write(Path outputDir) {
        return JsonReports.write(outputDir, FILE, this);
    }
}
