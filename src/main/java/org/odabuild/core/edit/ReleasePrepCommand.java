package org.odabuild.core.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.PrereleaseBases;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.version.ChartVersion;
import org.odabuild.core.version.SemVer;

/**
 * Steps 4 and 5 of the seed's how-to, done as oda-canvas maintainers do them before a pull request is merged:
 * <ol>
 * <li>every {@code prereleaseSuffix} is cleared ({@value #SUFFIX}), and a values text that names an image with a
 * prerelease tag ({@code name:1.2.3-issue7}) names its release ({@code name:1.2.3}), and so does a Dockerfile's
 * {@code FROM} of it ({@link PrereleaseBases});</li>
 * <li>a chart is bumped when files it ships changed since the merge-base ({@value #FILES}): templates, values
 * beyond the image entries, Chart.yaml beyond its version; README, Markdown and docs are not a release;</li>
 * <li>the chart that deploys an image is bumped when the image's name or version changed ({@value #IMAGE}), also
 * when the version is kept in a parent's values under the subchart's key;</li>
 * <li>every chart that depends on a bumped chart gets the new dependency version ({@value #DEPENDENCY_VERSION})
 * and is bumped itself ({@value #DEPENDENCY}), once;</li>
 * <li>a chart created on the branch is not bumped (it was never released); a chart version with a prerelease
 * part is never promoted to its release silently; clearing leftover suffixes alone bumps nothing.</li>
 * </ol>
 * Subcharts' own default copies of an image version are left as they are. After it, check-no-prerelease passes.
 */
public final class ReleasePrepCommand {

    static final String SUFFIX = "suffix-cleared";
    static final String FILES = "chart-files-changed";
    static final String IMAGE = "image-version-changed";
    static final String DEPENDENCY = "dependency-bumped";
    static final String DEPENDENCY_VERSION = "dependency-version";

    private ReleasePrepCommand() {
    }

    public static EditReport run(ReleasePrepRequest request, BuildLog log) {
        return run(request, log, AtomicFileSet.ATOMIC);
    }

    static EditReport run(ReleasePrepRequest request, BuildLog log, AtomicFileSet.Mover mover) {
        Plan plan = EditApply.plan(request.plan(), "oda:release-prep prepares a branch for its merge; on release"
                + " branch {branch} there is nothing to prepare", log);
        String base = plan.changes().baseCommit().orElseThrow(() -> new InvalidInputException("oda:release-prep"
                + " compares the branch with its merge-base, which is unknown here (" + plan.changes().baseReason()
                + "): " + plan.changes().remedy()));
        var layout = plan.resolution().layout();
        FileEdits files = new FileEdits(layout);
        for (ResolvedImage image : plan.resolution().images()) {
            if (!image.isRelease()) {
                files.set(image.config().valuesYamlFile(), image.config().valuesPathPrereleaseSuffix().orElseThrow(),
                        "", SUFFIX);
            }
        }
        // a values file that names an image with a prerelease tag (name:tag) deploys the release instead
        for (ImageCopies.Copy copy : ImageCopies.all(plan.resolution(), request.plan().resolve().fork())) {
            if (copy.prerelease()) {
                files.set(copy.text().location().file(), copy.text().path(), copy.name() + ":"
                        + copy.image().version(), SUFFIX + " (" + copy.image().key() + ")");
            }
        }
        // a Dockerfile built FROM an image's prerelease tag is built on its release
        for (PrereleaseBases.Base from : PrereleaseBases.all(plan.resolution(), request.plan().resolve().fork())) {
            if (from.written().filter(w -> files.replaceWord(from.dockerfile(), w.line(), w.keyword(), w.text(),
                    w.release(), SUFFIX + " (" + from.base().key() + ")")).isEmpty()) {
                log.warn(from.dockerfile() + ":" + from.line() + ": FROM names " + from.reference() + ", a prerelease"
                        + " of image '" + from.base().key() + "', written in more than one place or not as one word:"
                        + " write " + from.release() + " there by hand (check-no-prerelease fails until then)");
            }
        }
        Set<String> changed = new TreeSet<>(plan.changes().files());
        changed.addAll(plan.uncommittedFiles());
        try (GitRepository repo = GitRepository.open(layout.root())) {
            HistoryYaml history = new HistoryYaml(repo, log);
            ChartSet charts = ChartSet.read(repo, plan.head().id(), files);
            ReleaseTips tips = new ReleaseTips(repo, request.plan().branches().releaseBranches(),
                    plan.head().id(), history);
            new Bumps(repo, history, base, charts, new ChartsAtBase(repo, base, charts, history),
                    chart -> tips.chart(charts, chart), files, plan.resolution().config(), request.chartBump(), log)
                    .run(changed, plan.images());
        }
        return EditApply.finish("release-prep", files, request.dryRun(), request.plan().resolve().outputDir(), mover,
                log);
    }

    /** The chart rules of one run. */
    private record Bumps(GitRepository repo, HistoryYaml history, String base, ChartSet charts, ChartsAtBase atBase,
            Function<Chart, Optional<ReleaseTips.OnTip>> onTip, FileEdits files, DockerBuildConfig config, Bump bump,
            BuildLog log) {

        void run(Set<String> changed, List<PlannedImage> images) {
            Map<Chart, String> triggers = new LinkedHashMap<>();
            new ShippedChanges(repo, base, charts, atBase, files, config).charts(changed)
                    .forEach((chart, file) -> triggers.put(chart, FILES + " (" + Excerpt.line(file) + ")"));
            new DeployedImageChanges(history, base, charts, files).deployers(images)
                    .forEach((chart, deployed) -> triggers.putIfAbsent(chart, IMAGE + " (" + String.join(", ",
                            deployed.stream().map(ImageConfig::key).toList()) + ")"));
            Deque<Chart> queue = new ArrayDeque<>(triggers.keySet());
            Set<Chart> done = new HashSet<>();
            Map<Chart, List<String>> pinnedAnew = new LinkedHashMap<>();
            while (!queue.isEmpty()) {
                Chart chart = queue.poll();
                if (!done.add(chart)) {
                    continue;
                }
                Optional<String> released = bumped(chart, triggers.get(chart));
                if (released.isEmpty()) {
                    continue;
                }
                for (ChartSet.Dependent d : charts.dependents(chart)) {
                    Optional<String> pinned = d.dependency().version();
                    if (pinned.flatMap(SemVer::tryParse).isPresent() && !pinned.get().equals(released.get())) {
                        files.set(d.chart().chartFile(), d.dependency().versionPath(), released.get(),
                                DEPENDENCY_VERSION + " (" + chart.name() + ")");
                        pinnedAnew.computeIfAbsent(d.chart(), c -> new ArrayList<>()).add(chart.name() + " "
                                + released.get());
                    }
                    triggers.putIfAbsent(d.chart(), DEPENDENCY + " (" + chart.name() + ")");
                    queue.add(d.chart());
                }
            }
            pinnedAnew.forEach((chart, pins) -> ChartLock.outOfSync(repo.root(), chart, pins).ifPresent(log::warn));
        }

        /**
         * The chart's version after this run, as its dependents pin it (no {@code v}), empty when it stays unreleased
         * (new, or a prerelease version).
         */
        private Optional<String> bumped(Chart chart, String why) {
            if (atBase.chartFile(chart).isEmpty()) {
                log.info("chart " + chart.name() + " is new on this branch: not bumped (" + why + ")");
                return Optional.empty();
            }
            SemVer current = ChartVersion.read(chart.version()).orElseThrow(() -> new InvalidInputException(
                    ValuesDocument.parse(files.editor(chart.chartFile()).text(), chart.chartFile()).find(ChartSet.VERSION)
                            .map(v -> v.location().toString()).orElse(chart.chartFile()) + ": chart version '"
                            + Excerpt.of(chart.version()) + "' is not a version Helm reads: write MAJOR.MINOR.PATCH"
                            + " (e.g. 1.2.4) and run release-prep again"));
            Optional<SemVer> before = atBase.version(chart).flatMap(ChartVersion::read);
            // a release branch that released the chart again since the branch left it: its version is to be above
            Optional<ReleaseTips.OnTip> since = onTip.apply(chart).filter(t -> before.map(b -> t.version()
                    .compareTo(b) > 0).orElse(false));
            Optional<SemVer> newest = since.map(ReleaseTips.OnTip::version).or(() -> before);
            if (newest.isPresent() && current.compareTo(newest.get()) > 0) {
                log.info("chart " + chart.name() + " " + current + " is already ahead of " + newest.get()
                        + since.map(t -> " (on " + t.ref() + ")").orElse(""));
                return Optional.of(current.toString());
            }
            if (!current.isRelease()) {
                log.warn("chart " + chart.name() + " needs a new version (" + why + "), but " + current + " has a"
                        + " prerelease part that release-prep does not promote: set its version in "
                        + chart.chartFile() + " by hand");
                return Optional.empty();
            }
            SemVer from = current;
            if (since.isPresent() && current.compareTo(since.get().version()) <= 0) {
                log.info("chart " + chart.name() + " " + current + " is not above the " + since.get().version()
                        + " that " + since.get().ref() + " has released since this branch left it: its new version"
                        + " goes up from " + since.get().version());
                from = since.get().version();
            } else if (before.isPresent() && current.compareTo(before.get()) < 0) {
                // a version lowered on the branch: a bump of it could stay below the release it must follow
                if (!before.get().isRelease()) {
                    log.warn("chart " + chart.name() + " needs a new version (" + why + "), but its " + current
                            + " is below its " + before.get() + " at the merge-base, a prerelease version that"
                            + " release-prep does not promote: set its version in " + chart.chartFile() + " by hand");
                    return Optional.empty();
                }
                log.info("chart " + chart.name() + " " + current + " is below its " + before.get() + " at the"
                        + " merge-base: its new version goes up from " + before.get());
                from = before.get();
            }
            String next = bump.apply(from, chart.chartFile()).toString();
            // Helm reads v1.2.5 as 1.2.5: the chart keeps the form its owners write, a dependency gets the number
            files.set(chart.chartFile(), ChartSet.VERSION, (chart.version().strip().startsWith("v") ? "v" : "") + next,
                    why);
            return Optional.of(next);
        }
    }
}
