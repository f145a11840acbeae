package org.odabuild.core.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.values.ValuesData;
import org.odabuild.core.values.YqPath;

/**
 * Which charts changed since a base commit in what they ship: templates, values beyond the image entries,
 * Chart.yaml beyond its own version. README, Markdown, docs and {@code .helmignore}d files do not count: oda-canvas
 * maintainers do not release a chart for them. Shared by release-prep and check-version-bump.
 */
record ShippedChanges(GitRepository repo, String base, ChartSet charts, ChartsAtBase atBase, FileEdits files,
        DockerBuildConfig config) {

    /** The changed charts in the order their files were found, each with the file that made it. */
    Map<Chart, String> charts(Set<String> changed) {
        Map<Chart, String> out = new LinkedHashMap<>();
        for (String file : changed) {
            charts.owner(file).filter(c -> ships(c, file) && !sameAsInItsOldFolder(c, file))
                    .ifPresent(c -> out.putIfAbsent(c, file));
            charts.all().stream().filter(c -> c.chartFile().equals(file) && chartYamlChanged(c))
                    .forEach(c -> out.putIfAbsent(c, file));
            // a file the base had in a moved chart's old folder that the chart no longer has
            atBase.movedFile(file).filter(m -> files.existing(m.getValue()).isEmpty() && ships(m.getKey(),
                    m.getValue())).ifPresent(m -> out.putIfAbsent(m.getKey(), file));
        }
        return out;
    }

    /** A file of a moved chart is new at its path, but unchanged when the chart's old folder held the same. */
    private boolean sameAsInItsOldFolder(Chart chart, String file) {
        if (!atBase.moved(chart)) {
            return false;
        }
        Optional<String> now = files.existing(file);
        return now.isPresent() && now.equals(repo.readFileThroughLinks(base, atBase.pathAtBase(chart, file)));
    }

    private boolean chartYamlChanged(Chart chart) {
        Optional<String> before = atBase.chartFile(chart).flatMap(f -> repo.readFileThroughLinks(base, f));
        return before.isPresent() && !ValuesData.sameExcept(before.get(), files.editor(chart.chartFile()).text(),
                List.of(ChartSet.VERSION));
    }

    private boolean ships(Chart chart, String file) {
        String relative = chart.relative(file);
        if (Chart.isDocumentation(relative) || helmIgnored(chart, relative)) {
            return false;
        }
        List<YqPath> entries = imageEntriesIn(file);
        if (entries.isEmpty()) {
            return true;
        }
        // a values file that only differs in image entries (a cleared suffix, a version) ships nothing new
        Optional<String> before = repo.readFileThroughLinks(base, atBase.pathAtBase(chart, file));
        Optional<String> now = files.existing(file);
        return before.isEmpty() || now.isEmpty() || !ValuesData.sameExcept(before.get(), now.get(), entries);
    }

    private boolean helmIgnored(Chart chart, String relative) {
        String ignoreFile = (chart.dir().isEmpty() ? "" : chart.dir() + "/") + ".helmignore";
        return files.existing(ignoreFile)
                .map(text -> HelmIgnore.parse(text.lines().toList()).excludes(relative))
                .orElse(false);
    }

    private List<YqPath> imageEntriesIn(String file) {
        return config.images().stream().filter(i -> i.valuesYamlFile().equals(file))
                .flatMap(i -> Stream.concat(Stream.of(i.valuesPathImage(), i.valuesPathVersion()),
                        i.valuesPathPrereleaseSuffix().stream()))
                .toList();
    }
}
