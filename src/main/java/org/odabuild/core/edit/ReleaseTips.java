package org.odabuild.core.edit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.BuildLog;
import org.odabuild.core.git.BaseSelector;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.version.ChartVersion;
import org.odabuild.core.version.SemVer;

/**
 * The release branches' last commits here that HEAD does not hold, by ref ({@code origin/master} before
 * {@code master}, each commit once).
 * A branch is compared with its merge-base, but versions released since it left the release branch are the ones a new
 * version must be above: two branches that both went from 1.0.2 to 1.0.3 cannot both release 1.0.3, and the second
 * one's {@code 1.0.3-b} sorts below the first one's release.
 */
public final class ReleaseTips {

    /** A version a release branch holds now, and the ref it is on. */
    public record OnTip(String ref, SemVer version) {

        @Override
        public String toString() {
            return version + " on " + ref;
        }
    }

    private final GitRepository repo;
    private final HistoryYaml history;
    private final Map<String, String> tips = new LinkedHashMap<>();
    /** Each tip's charts, found by name where they moved, read once. */
    private final Map<String, ChartsAtBase> charts = new HashMap<>();

    /** @param head the commit compared: a tip it holds (the release branch itself, or one merged in) adds nothing */
    ReleaseTips(GitRepository repo, List<String> releaseBranches, String head, HistoryYaml history) {
        this.repo = repo;
        this.history = history;
        for (String ref : BaseSelector.releaseRefs(releaseBranches)) {
            repo.resolveCommit(ref).filter(commit -> !tips.containsValue(commit))
                    .filter(commit -> !repo.mergeBase(commit, head).map(commit::equals).orElse(false))
                    .ifPresent(c -> tips.put(ref, c));
        }
    }

    public static ReleaseTips of(GitRepository repo, List<String> releaseBranches, String head, BuildLog log) {
        return new ReleaseTips(repo, releaseBranches, head, new HistoryYaml(repo, log));
    }

    /** The image's newest release version on a release branch, read where the base's config put it. */
    public Optional<OnTip> image(PlannedImage planned) {
        var config = planned.entryAtBase();
        return newest(tip -> history.at(tip, config.valuesYamlFile(), "the version released there is unknown")
                .flatMap(d -> d.find(config.valuesPathVersion())).map(ScalarValue::text).flatMap(SemVer::tryParse));
    }

    /** The chart's newest release version on a release branch. */
    Optional<OnTip> chart(ChartSet chartSet, Chart chart) {
        return newest(tip -> charts.computeIfAbsent(tip, t -> new ChartsAtBase(repo, t, chartSet, history))
                .version(chart).flatMap(ChartVersion::read));
    }

    private Optional<OnTip> newest(Function<String, Optional<SemVer>> versionAt) {
        return tips.entrySet().stream().flatMap(tip -> versionAt.apply(tip.getValue()).filter(SemVer::isRelease)
                .map(v -> new OnTip(tip.getKey(), v)).stream()).max(Comparator.comparing(OnTip::version));
    }
}
