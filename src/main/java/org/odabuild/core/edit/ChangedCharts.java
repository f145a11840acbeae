package org.odabuild.core.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.BuildLog;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.version.ChartVersion;

/** The charts whose shipped content changed since a base commit, with their versions then and now. */
public final class ChangedCharts {

    /**
     * @param because     the changed file that makes it a change of the chart, or the image whose version changed
     * @param baseVersion its version at the base; empty when the chart is new since then, or its Chart.yaml there
     *                    cannot be read
     * @param versionAt   where its version stands now
     * @param releasedSince the version a release branch has released since the base, when it is above the base's
     */
    public record ChangedChart(String name, String chartFile, String version, Optional<String> baseVersion,
            String because, SourceLocation versionAt, Optional<ReleaseTips.OnTip> releasedSince) {
    }

    private ChangedCharts() {
    }

    /**
     * @param images the planned images (with their entries at the base): a chart that deploys one whose name or version
     *               changed is a changed chart too, as {@code release-prep} bumps it
     * @param tips   the release branches, for the versions they released since the base
     */
    public static List<ChangedChart> since(GitRepository repo, String base, String head, RepoLayout layout,
            DockerBuildConfig config, Collection<PlannedImage> images, Set<String> changedFiles, ReleaseTips tips,
            BuildLog log) {
        FileEdits files = new FileEdits(layout);
        HistoryYaml history = new HistoryYaml(repo, log);
        ChartSet charts = ChartSet.read(repo, head, files);
        ChartsAtBase atBase = new ChartsAtBase(repo, base, charts, history);
        Map<Chart, String> because = new LinkedHashMap<>(new ShippedChanges(repo, base, charts, atBase, files, config)
                .charts(changedFiles));
        new DeployedImageChanges(history, base, charts, files).deployers(images).forEach((chart, deployed) ->
                because.putIfAbsent(chart, (deployed.size() == 1 ? "the version of its image " : "the versions of its"
                        + " images ") + String.join(", ", deployed.stream().map(ImageConfig::key).toList())));
        List<ChangedChart> out = new ArrayList<>();
        because.forEach((chart, file) -> {
            Optional<String> before = atBase.version(chart);
            SourceLocation at = ValuesDocument.parse(files.editor(chart.chartFile()).text(), chart.chartFile())
                    .find(ChartSet.VERSION).orElseThrow().location();
            Optional<ReleaseTips.OnTip> since = before.flatMap(ChartVersion::read).flatMap(b -> tips.chart(charts, chart)
                    .filter(t -> t.version().compareTo(b) > 0));
            out.add(new ChangedChart(chart.name(), chart.chartFile(), chart.version(), before, file, at, since));
        });
        return out;
    }
}
