package org.odabuild.core.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.odabuild.core.report.ImageEntry;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.report.TextTable;

/** Shows a plan: a table in the log and {@code plan.json} for CI and tests. */
public final class PlanReport {

    public static final String REPORT = "plan.json";
    private static final int FILES_SHOWN = 3;

    private PlanReport() {
    }

    public static List<String> table(Plan plan) {
        TextTable table = new TextTable("IMAGE", "TAG", "CHANGED", "ACTION", "REASON");
        for (PlannedImage i : plan.images()) {
            table.row(i.key(), i.image().tag(), changed(i), i.decision().action().id(), i.decision().reason());
        }
        return table.lines();
    }

    /** "no", or "yes: a, b, c (+2 more)". */
    public static String changed(PlannedImage i) {
        if (!i.changed()) {
            return "no";
        }
        List<String> f = i.changedFiles();
        if (f.isEmpty()) {
            return "yes";
        }
        String shown = String.join(", ", f.subList(0, Math.min(FILES_SHOWN, f.size())));
        return "yes: " + shown + (f.size() > FILES_SHOWN ? " (+" + (f.size() - FILES_SHOWN) + " more)" : "");
    }

    public static Path writeJson(Plan plan, Path outputDir) {
        JsonObject root = new JsonObject();
        root.addProperty("branch", plan.branch().name());
        root.addProperty("branchSource", plan.branch().source());
        root.addProperty("branchKind", plan.branchKind().name().toLowerCase(java.util.Locale.ROOT));
        root.addProperty("commit", plan.head().id());
        root.addProperty("shortCommit", plan.head().shortId());
        root.addProperty("commitTime", plan.head().time().toString());
        root.addProperty("base", plan.changes().baseCommit().orElse(null));
        root.addProperty("baseReason", plan.changes().baseReason());
        root.addProperty("baseKnown", plan.changes().known());
        root.addProperty("dirty", plan.dirty());
        root.add("uncommittedFiles", strings(plan.uncommittedFiles()));
        root.addProperty("skipTests", plan.skipTests().skip());
        root.addProperty("skipTestsReason", plan.skipTests().reason());
        root.add("imagesToBuild", strings(plan.toBuild().stream().map(PlannedImage::key).toList()));
        JsonArray images = new JsonArray();
        for (PlannedImage i : plan.images()) {
            JsonObject o = JsonReports.tree(ImageEntry.of(i.image()));
            o.addProperty("changed", i.changed());
            o.add("changedFiles", strings(i.changedFiles()));
            o.addProperty("action", i.decision().action().id());
            o.addProperty("reason", i.decision().reason());
            images.add(o);
        }
        root.add("images", images);
        root.add("warnings", strings(plan.warnings()));
        return JsonReports.write(outputDir, REPORT, root);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
