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
    private Map<Chart, String> movedFrom;

    ChartsAtBase(GitRepository repo, String base, ChartSet charts, HistoryYaml history) {
        this.repo = repo;
        this.base = base;
        this.charts = charts;
        this.history = history;
    }

    /** The chart's Chart.yaml in the base; empty when the chart is new since then. */
    Optional<String> chartFile(Chart chart) {
        if (repo.blobId(base, chart.chartFile()).isPresent()) {
            return Optional.of(chart.chartFile());
        }
        return Optional.ofNullable(moved().get(chart)).map(dir -> in(dir, "Chart.yaml"));
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
        String from = moved().get(chart);
        return from == null ? file : in(from, chart.relative(file));
    }

    /** Whether the chart's folder moved since the base. */
    boolean moved(Chart chart) {
        return moved().containsKey(chart);
    }

    /**
     * A file that the base had in a moved chart's old folder, as the chart's file at HEAD would be named; empty when
     * the file lay in no moved chart's old folder.
     */
    Optional<Map.Entry<Chart, String>> movedFile(String fileAtBase) {
        for (Map.Entry<Chart, String> m : moved().entrySet()) {
            String prefix = m.getValue().isEmpty() ? "" : m.getValue() + "/";
            if (fileAtBase.startsWith(prefix) && !fileAtBase.equals(prefix + "Chart.yaml")) {
                return Optional.of(Map.entry(m.getKey(), in(m.getKey().dir(), fileAtBase.substring(prefix.length()))));
            }
        }
        return Optional.empty();
    }

    private Map<Chart, String> moved() {
        if (movedFrom == null) {
            movedFrom = find();
        }
        return movedFrom;
    }

    private Map<Chart, String> find() {
        List<Chart> missing = charts.all().stream().filter(c -> repo.blobId(base, c.chartFile()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return Map.of(); // the common case: no chart is new or moved, and the base's files are not listed
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
        Map<Chart, String> out = new HashMap<>();
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

    private static String in(String dir, String relative) {
        return dir.isEmpty() ? relative : dir + "/" + relative;
    }
}
