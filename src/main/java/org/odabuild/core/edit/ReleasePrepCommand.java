package org.odabuild.core.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.policy.BranchKind;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.version.SemVer;

/**
 * Steps 4 and 5 of the seed's how-to, done for you before a pull request is merged: every
 * {@code prereleaseSuffix} is cleared, each chart whose sources changed since the merge-base gets a new version
 * (once), and the charts that depend on it through {@code file://} follow. After it, check-no-prerelease passes.
 */
public final class ReleasePrepCommand {

    private static final YqPath NAME = YqPath.parse(".name");
    private static final YqPath VERSION = YqPath.parse(".version");

    private ReleasePrepCommand() {
    }

    public static EditReport run(ReleasePrepRequest request, BuildLog log) {
        return run(request, log, AtomicFileSet.ATOMIC);
    }

    static EditReport run(ReleasePrepRequest request, BuildLog log, AtomicFileSet.Mover mover) {
        Plan plan = Planner.plan(request.plan(), log);
        plan.resolution().requireAll(); // an edit never runs with an image it cannot read
        if (plan.branchKind() == BranchKind.RELEASE) {
            throw new InvalidInputException("oda:release-prep prepares a branch for its merge; on release branch "
                    + plan.branch().name() + " there is nothing to prepare");
        }
        var layout = plan.resolution().layout();
        FileEdits files = new FileEdits(layout);
        Set<String> changed = new TreeSet<>(plan.changes().files());
        changed.addAll(plan.uncommittedFiles());

        for (ResolvedImage image : plan.resolution().images()) {
            if (!image.isRelease()) {
                files.editor(image.config().valuesYamlFile())
                        .set(image.config().valuesPathPrereleaseSuffix().orElseThrow(), "", Optional.empty());
                changed.add(image.config().valuesYamlFile());
            }
        }
        try (GitRepository repo = GitRepository.open(layout.root())) {
            List<Chart> charts = charts(repo, plan.head().id(), files);
            for (Chart chart : charts) {
                boolean touched = changed.stream().anyMatch(f -> owner(charts, f).filter(chart::equals).isPresent());
                if (!touched) {
                    continue;
                }
                SemVer current = parse(chart.version(), chart.chartFile());
                Optional<SemVer> before = plan.changes().baseCommit()
                        .flatMap(base -> repo.readFile(base, chart.chartFile()))
                        .flatMap(text -> ValuesDocument.parse(text, chart.chartFile()).find(VERSION))
                        .flatMap(v -> SemVer.tryParse(v.text()));
                if (before.isPresent() && current.compareTo(before.get()) > 0) {
                    log.info("chart " + chart.name() + " " + current + " is already ahead of " + before.get());
                    continue;
                }
                String next = request.chartBump().apply(current).toString();
                files.editor(chart.chartFile()).set(VERSION, next, Optional.empty());
                updateDependents(charts, chart, next, files);
            }
        }
        return EditApply.finish("release-prep", files, request.dryRun(), request.plan().resolve().outputDir(), mover,
                log);
    }

    private static List<Chart> charts(GitRepository repo, String head, FileEdits files) {
        List<Chart> charts = new ArrayList<>();
        for (String file : repo.trackedFiles(head, ".")) {
            if (file.equals("Chart.yaml") || file.endsWith("/Chart.yaml")) {
                YamlTextEditor editor = files.editor(file);
                Optional<String> name = editor.get(NAME);
                Optional<String> version = editor.get(VERSION);
                if (name.isPresent() && version.isPresent()) {
                    String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
                    charts.add(new Chart(dir, file, name.get(), version.get()));
                }
            }
        }
        return charts;
    }

    /** The innermost chart a file belongs to. */
    private static Optional<Chart> owner(List<Chart> charts, String file) {
        return charts.stream().filter(c -> c.owns(file)).max(Comparator.comparingInt(c -> c.dir().length()));
    }

    private static void updateDependents(List<Chart> charts, Chart bumped, String version, FileEdits files) {
        for (Chart chart : charts) {
            YamlTextEditor editor = files.editor(chart.chartFile());
            for (int i = 0; editor.get(YqPath.parse(".dependencies[" + i + "].name")).isPresent(); i++) {
                String at = ".dependencies[" + i + "]";
                boolean same = editor.get(YqPath.parse(at + ".name")).orElse("").equals(bumped.name());
                boolean local = editor.get(YqPath.parse(at + ".repository")).map(r -> r.startsWith("file://"))
                        .orElse(true);
                Optional<String> pinned = editor.get(YqPath.parse(at + ".version"));
                if (same && local && pinned.flatMap(SemVer::tryParse).isPresent() && !pinned.get().equals(version)) {
                    editor.set(YqPath.parse(at + ".version"), version, Optional.empty());
                }
            }
        }
    }

    private static SemVer parse(String version, String file) {
        return SemVer.tryParse(version).orElseThrow(() -> new InvalidInputException(file + ": chart version '"
                + version + "' is not a semantic version"));
    }
}
