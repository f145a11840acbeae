package org.odabuild.core.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;

/** Every chart of the repository at HEAD, and how they depend on each other through {@code dependencies}. */
final class ChartSet {

    static final YqPath NAME = YqPath.parse(".name");
    static final YqPath VERSION = YqPath.parse(".version");

    /** One entry of a chart's {@code dependencies}. */
    record Dependency(int index, String name, Optional<String> alias, Optional<String> repository,
            Optional<String> version) {

        YqPath versionPath() {
            return YqPath.parse(".dependencies[" + index + "].version");
        }
    }

    /** A Chart.yaml without the name or version Helm requires: its chart's folder, what is wrong and what to do. */
    private record Unreadable(Chart place, String problem) {
    }

    private final List<Chart> charts;
    private final List<Unreadable> unreadable;
    private final FileEdits files;

    private ChartSet(List<Chart> charts, List<Unreadable> unreadable, FileEdits files) {
        this.charts = List.copyOf(charts);
        this.unreadable = List.copyOf(unreadable);
        this.files = files;
    }

    static ChartSet read(GitRepository repo, String head, FileEdits files) {
        List<Chart> charts = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (String file : repo.trackedFiles(head, ".")) {
            if (file.equals("Chart.yaml") || file.endsWith("/Chart.yaml")) {
                YamlTextEditor editor = files.editor(file);
                String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
                Optional<String> problem = problem(editor, file, NAME, "name: <the chart's name>")
                        .or(() -> problem(editor, file, VERSION, "version: MAJOR.MINOR.PATCH (e.g. 0.1.0)"));
                if (problem.isPresent()) {
                    unreadable.add(new Unreadable(new Chart(dir, file, "", ""), problem.get()));
                } else {
                    charts.add(new Chart(dir, file, editor.get(NAME).orElseThrow(), editor.get(VERSION).orElseThrow()));
                }
            }
        }
        return new ChartSet(charts, unreadable, files);
    }

    private static Optional<String> problem(YamlTextEditor editor, String file, YqPath key, String example) {
        Optional<SourceLocation> at = editor.where(key);
        if (at.isEmpty()) {
            return Optional.of(file + ": has no " + key.toString().substring(1) + ", which Helm requires of a chart:"
                    + " add " + example);
        }
        return editor.get(key).isPresent() ? Optional.empty() : Optional.of(at.get() + ": "
                + key.toString().substring(1) + " is not a single value, which Helm requires of a chart: write "
                + example);
    }

    List<Chart> all() {
        return charts;
    }

    /**
     * The innermost chart a file belongs to. A Chart.yaml without a name or version there fails here, where it
     * matters (a file of its chart changed, or the file is that Chart.yaml): its chart's bump cannot be told.
     */
    Optional<Chart> owner(String file) {
        Optional<Chart> chart = charts.stream().filter(c -> c.owns(file))
                .max(Comparator.comparingInt(c -> c.dir().length()));
        int depth = chart.map(c -> c.dir().length()).orElse(-1);
        for (Unreadable u : unreadable) {
            boolean itself = file.equals(u.place().chartFile());
            if (itself || (u.place().owns(file) && u.place().dir().length() > depth)) {
                throw new InvalidInputException(u.problem() + (itself ? "" : " (the chart of " + Excerpt.of(file)
                        + ")"));
            }
        }
        return chart;
    }

    List<Dependency> dependencies(Chart chart) {
        YamlTextEditor editor = files.editor(chart.chartFile());
        List<Dependency> deps = new ArrayList<>();
        for (int i = 0; ; i++) {
            String at = ".dependencies[" + i + "]";
            Optional<String> name = editor.get(YqPath.parse(at + ".name"));
            if (name.isEmpty()) {
                return deps;
            }
            deps.add(new Dependency(i, name.get(), editor.get(YqPath.parse(at + ".alias")),
                    editor.get(YqPath.parse(at + ".repository")), editor.get(YqPath.parse(at + ".version"))));
        }
    }

    /**
     * The chart a dependency points to: a {@code file://} repository names its folder; without a repository the
     * name is looked up; a chart from a remote repository is not ours.
     */
    Optional<Chart> target(Chart from, Dependency dep) {
        if (dep.repository().isPresent()) {
            String repo = dep.repository().get().strip();
            if (!repo.startsWith("file://")) {
                return Optional.empty();
            }
            Path dir = Path.of(from.dir().isEmpty() ? "." : from.dir()).resolve(repo.substring("file://".length()))
                    .normalize();
            String wanted = dir.toString().replace('\\', '/');
            return charts.stream().filter(c -> c.dir().equals(wanted.equals(".") ? "" : wanted)).findFirst();
        }
        return charts.stream().filter(c -> c.name().equals(dep.name())).findFirst();
    }

    /** The charts that depend on this one, with the dependency entry that names it. */
    List<Dependent> dependents(Chart chart) {
        List<Dependent> out = new ArrayList<>();
        for (Chart c : charts) {
            for (Dependency d : dependencies(c)) {
                if (target(c, d).filter(chart::equals).isPresent()) {
                    out.add(new Dependent(c, d));
                }
            }
        }
        return out;
    }

    /** A chart that depends on another, and the entry of its {@code dependencies} that does. */
    record Dependent(Chart chart, Dependency dependency) {
    }

    /**
     * The chart that deploys an image whose values live at {@code valuesFile} under {@code path}: a first key
     * that names a subchart of the values file's chart (by name or alias, as Helm passes values down) means that
     * subchart ({@code .oda-webhook.version} in canvas-oda's values → charts/oda-webhook); otherwise the chart
     * that holds the values file.
     */
    Optional<Chart> deployer(String valuesFile, YqPath path) {
        Optional<Chart> holder = owner(valuesFile);
        if (holder.isEmpty() || path.segments().isEmpty()
                || !(path.segments().get(0) instanceof YqPath.Key first)) {
            return holder;
        }
        for (Dependency d : dependencies(holder.get())) {
            if (d.alias().orElse(d.name()).equals(first.name())) {
                Optional<Chart> sub = target(holder.get(), d);
                if (sub.isPresent()) {
                    return sub;
                }
            }
        }
        return holder;
    }
}
