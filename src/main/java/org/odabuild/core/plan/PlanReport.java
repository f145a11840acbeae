package org.odabuild.core.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Setting;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.report.TextTable;
import org.odabuild.core.resolve.ImageEntry;

/** Shows a plan: a table in the log and {@code plan.json} for CI and tests. */
public final class PlanReport {

    public static final String REPORT = "plan.json";

    private PlanReport() {
    }

    /**
     * The plan as both {@code oda:plan} and {@code oda:build} log it: the table, the warnings, the coverage lint
     * (a count, or every finding when verbose) and the refusals.
     */
    public static void log(Plan plan, boolean lintVerbose, BuildLog log) {
        table(plan).forEach(log::info);
        plan.warnings().forEach(log::warn);
        if (lintVerbose) {
            plan.lint().forEach(log::warn);
        } else if (!plan.lint().isEmpty()) {
            log.warn("coverage lint: " + plan.lint().size() + " finding(s) (build-context files that no 'paths' glob"
                    + " covers, or globs that match no tracked file); " + Setting.LINT.set("verbose") + " lists them, plan.json has"
                    + " them under 'lint'");
        }
        plan.refused().forEach(i -> log.warn("refused: " + i.key() + ": " + i.decision().reason()));
    }

    public static List<String> table(Plan plan) {
        TextTable table = new TextTable("IMAGE", "TAG", "CHANGED", "BUMP", "ACTION", "REASON");
        for (PlannedImage i : plan.images()) {
            table.row(i.key(), i.image().tag(), changed(i), i.versionBump().status().id(), i.decision().action().id(),
                    i.decision().reason());
        }
        for (BrokenImage b : plan.broken()) {
            table.row(b.key(), "-", "-", "-", ImageAction.REFUSE.id(), "its entry is broken (see below)");
        }
        return table.lines();
    }

    /** "no", "yes" (base unknown or forced) or "yes (3 files)"; plan.json has the files. */
    public static String changed(PlannedImage i) {
        if (!i.changed()) {
            return "no";
        }
        int n = i.changedFiles().size();
        return n == 0 ? "yes" : "yes (" + n + (n == 1 ? " file)" : " files)");
    }

    public static Path writeJson(Plan plan, Path outputDir) {
        return writeJson(plan, BuildJobs.ONE_PER_IMAGE.of(plan), outputDir);
    }

    /** @param jobs the images to build, split into CI jobs */
    public static Path writeJson(Plan plan, List<List<String>> jobs, Path outputDir) {
        JsonObject root = new JsonObject();
        root.addProperty("branch", plan.branch().name());
        root.addProperty("branchSource", plan.branch().source());
        root.addProperty("branchKind", plan.branchKind().name().toLowerCase(java.util.Locale.ROOT));
        root.addProperty("commit", plan.head().id());
        root.addProperty("shortCommit", plan.head().shortId());
        root.addProperty("commitTime", plan.head().time().toString());
        root.addProperty("pullRequestHead", plan.pullRequestHead().orElse(null));
        root.addProperty("base", plan.changes().baseCommit().orElse(null));
        root.addProperty("baseReason", plan.changes().baseReason());
        root.addProperty("baseKnown", plan.changes().known());
        root.addProperty("dirty", plan.dirty());
        root.add("uncommittedFiles", strings(plan.uncommittedFiles()));
        root.addProperty("skipTests", plan.skipTests().skip());
        root.addProperty("skipTestsReason", plan.skipTests().reason());
        root.add("imagesToBuild", strings(plan.toBuild().stream().map(PlannedImage::key).toList()));
        JsonArray jobArray = new JsonArray();
        jobs.forEach(job -> jobArray.add(strings(job)));
        root.add("jobs", jobArray);
        JsonArray images = new JsonArray();
        for (PlannedImage i : plan.images()) {
            JsonObject o = JsonReports.tree(ImageEntry.of(i.image()));
            o.addProperty("changed", i.changed());
            o.add("changedFiles", strings(i.changedFiles()));
            o.addProperty("action", i.decision().action().id());
            o.addProperty("reason", i.decision().reason());
            o.addProperty("versionBump", i.versionBump().status().id());
            o.addProperty("baseVersion", i.versionBump().baseVersion().orElse(null));
            images.add(o);
        }
        for (BrokenImage b : plan.broken()) {
            JsonObject o = new JsonObject();
            o.addProperty("key", b.key());
            o.addProperty("changed", (Boolean) null);
            o.add("changedFiles", new JsonArray());
            o.addProperty("action", ImageAction.REFUSE.id());
            o.addProperty("reason", b.reason());
            o.addProperty("broken", true);
            images.add(o);
        }
        root.add("images", images);
        root.add("warnings", strings(plan.warnings()));
        // null, not [], when the lint did not run (oda.lint=auto outside CI, or off): no findings is not "not looked"
        root.add("lint", plan.lintRan() ? strings(plan.lint()) : JsonNull.INSTANCE);
        return JsonReports.write(outputDir, REPORT, root);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
