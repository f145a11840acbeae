package org.odabuild.core.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.values.ValuesDocument;

/**
 * The charts of HEAD as a base commit had them. Helm knows a chart by its name, not its folder: a chart whose folder
 * moved since the base (charts/x to charts/experimental/x) is the chart that the base had there, with the version it
 * released, not a new one. It counts as moved when its Chart.yaml is not at its path in the base, and the base had
 * exactly one Chart.yaml of its name at a path where no chart of HEAD stands.
 */
final class ChartsAtBase {

    private final GitRepository repo;
    private final String base;
    private final ChartSet charts;
    private final HistoryYaml history;
    /** Each chart's folder in the base (its own, or the one it moved from); a chart new since then has none. */
    private Map<Chart, String> folders;

    ChartsAtBase(GitRepository repo, String base, ChartSet charts, HistoryYaml history) {
        this.repo = repo;
        this.base = base;
        this.charts = charts;
        this.history = history;
    }

    /** The chart's Chart.yaml in the base; empty when the chart is new since then. */
    Optional<String> chartFile(Chart chart) {
        return Optional.ofNullable(folders().get(chart)).map(dir -> in(dir, "Chart.yaml"));
    }

    /**
     * The chart's version as its Chart.yaml had it in the base; empty when the chart did not exist there, or when that
     * Chart.yaml cannot be read there (then the chart counts as new since then, said as a warning).
     */
    Optional<String> version(Chart chart) {
        return chartFile(chart).flatMap(file -> history.at(base, file, "the version chart " + chart.name()
                + " had there is unknown, so it counts as new since then")).flatMap(d -> d.find(ChartSet.VERSION))
                .map(v -> v.text().strip());
    }

    /** A file of a chart of HEAD where the base had it: in a moved chart, at its place in the chart's old folder. */
    String pathAtBase(Chart chart, String file) {
        return moved(chart) ? in(folders().get(chart), chart.relative(file)) : file;
    }

    /** Whether the chart's folder moved since the base. */
    boolean moved(Chart chart) {
        String then = folders().get(chart);
        return then != null && !then.equals(chart.dir());
    }

    /**
     * A file that the base had in a moved chart's old folder, as the chart's file at HEAD would be named; empty when
     * the file lay in no moved chart's old folder.
     */
    Optional<Map.Entry<Chart, String>> movedFile(String fileAtBase) {
        for (Chart chart : charts.all()) {
            if (moved(chart)) {
                String prefix = in(folders().get(chart), "");
                if (fileAtBase.startsWith(prefix) && !fileAtBase.equals(prefix + "Chart.yaml")) {
                    return Optional.of(Map.entry(chart, in(chart.dir(), fileAtBase.substring(prefix.length()))));
                }
            }
        }
        return Optional.empty();
    }

    private Map<Chart, String> folders() {
        if (folders == null) {
            folders = find();
        }
        return folders;
    }

    private Map<Chart, String> find() {
        Map<Chart, String> out = new HashMap<>();
        List<Chart> missing = new ArrayList<>();
        for (Chart chart : charts.all()) {
            if (repo.blobId(base, chart.chartFile()).isPresent()) {
                out.put(chart, chart.dir());
            } else {
                missing.add(chart);
            }
        }
        if (missing.isEmpty()) {
            return out; // the common case: no chart is new or moved, and the base's files are not listed
        }
        Set<String> standing = charts.all().stream().map(Chart::chartFile).collect(Collectors.toSet());
        Map<String, List<String>> byName = new HashMap<>();
        for (String file : repo.trackedFiles(base, ".")) {
            if ((file.equals("Chart.yaml") || file.endsWith("/Chart.yaml")) && !standing.contains(file)) {
                name(file).ifPresent(name -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(file));
            }
        }
        Map<String, Long> missingByName = missing.stream().collect(Collectors.groupingBy(Chart::name,
                Collectors.counting()));
        for (Chart chart : missing) {
            List<String> there = byName.getOrDefault(chart.name(), List.of());
            if (there.size() == 1 && missingByName.get(chart.name()) == 1) {
                String file = there.get(0);
                out.put(chart, file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "");
            }
        }
        return out;
    }

    private Optional<String> name(String chartFile) {
        try {
            return repo.readFileThroughLinks(base, chartFile).flatMap(text -> ValuesDocument.parse(text, chartFile)
                    .find(ChartSet.NAME)).map(v -> v.text().strip());
        } catch (InvalidInputException e) {
            return Optional.empty(); // an unreadable Chart.yaml of the base names no chart that could have moved
        }
    }

    /** A path in a folder ("" the root); {@code in(dir, "")} is the folder's prefix. */
    private static String in(String dir, String relative) {
        return dir.isEmpty() ? relative : dir + "/" + relative;
    }
}
