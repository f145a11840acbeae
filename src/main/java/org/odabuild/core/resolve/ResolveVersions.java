package org.odabuild.core.resolve;

import java.nio.file.Path;
import java.util.List;
import org.odabuild.core.BuildLog;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.report.TextTable;

/**
 * Resolves every image tag, logs them as a table and writes {@code images.json}; broken images are listed there
 * and fail the goal after the others are reported.
 */
public final class ResolveVersions {

    public static final String REPORT = "images.json";

    /** The images and the report written. */
    public record Result(List<ResolvedImage> images, Path report) {
    }

    record Report(List<ImageEntry> images, List<BrokenImage> broken) {
    }

    private ResolveVersions() {
    }

    public static Result run(ResolveRequest request, BuildLog log) {
        JsonReports.delete(request.outputDir(), REPORT);
        Resolution resolution = Resolution.of(request, log);
        TextTable table = new TextTable("IMAGE", "REFERENCE", "KIND", "VALUES");
        for (ResolvedImage i : resolution.images()) {
            table.row(i.key(), i.reference(), i.isRelease() ? "release" : "prerelease", i.versionAt());
        }
        table.lines().forEach(log::info);
        Path report = JsonReports.write(request.outputDir(), REPORT,
                new Report(resolution.images().stream().map(ImageEntry::of).toList(), resolution.broken()));
        resolution.requireAll();
        return new Result(resolution.images(), report);
    }
}
