package org.odabuild.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.edit.ChangedCharts;
import org.odabuild.core.edit.ReleaseTips;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.plan.VersionBump;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.version.ChartVersion;
import org.odabuild.core.version.SemVer;

/**
 * {@code oda:check-version-bump}, for pull requests: every image whose sources changed since the merge-base has a
 * higher version than it had there, and so has every chart whose shipped files changed (as chart-testing's
 * {@code --check-version-increment} does for charts). Catches the forgotten bump before the merge instead of on
 * the release branch, where the release tag already exists.
 */
public final class VersionBumpCheck {

    public static final String REPORT = "check-version-bump.json";
    public static final String RULE = "check-version-bump";

    /**
     * One image or chart that changed, with both versions.
     *
     * @param releasedSince the version a release branch released since the branch left it ({@code 1.0.3 on
     *                      origin/master}), which the version must be above too; null when there is none
     */
    public record Finding(String kind, String name, String baseVersion, String version, String location,
            boolean bumped, String releasedSince) {
    }

    record Report(String base, boolean passed, List<Finding> images, List<Finding> charts) {
    }

    private VersionBumpCheck() {
    }

    /** Why a chart's version is not above its base version (or a release since), and what to do. */
    private static String notAbove(Finding chart) {
        Optional<SemVer> now = ChartVersion.read(chart.version());
        String above = chart.releasedSince() == null ? chart.baseVersion() : chart.releasedSince() + ", released"
                + " since this branch left it";
        if (now.isEmpty()) {
            return "'" + Excerpt.of(chart.version()) + "' is not a version Helm reads: write MAJOR.MINOR.PATCH above "
                    + above;
        }
        return chart.version() + " is not above " + above + ": " + (now.get().isRelease()
                ? "bump it (oda:release-prep does)"
                : "set a higher version by hand (oda:release-prep does not promote a prerelease version)");
    }

    public static List<Finding> run(PlanRequest request, BuildLog log) {
        JsonReports.delete(request.resolve().outputDir(), REPORT);
        Plan plan = Planner.plan(request, log);
        String base = plan.changes().baseCommit().orElseThrow(() -> new InvalidInputException(RULE + " compares"
                + " with the merge-base, which is unknown here (" + plan.changes().baseReason() + "): "
                + plan.changes().remedy()));
        List<Finding> images = new ArrayList<>();
        Set<String> changed = new TreeSet<>(plan.changes().files());
        changed.addAll(plan.uncommittedFiles());
        List<Finding> charts = new ArrayList<>();
        try (GitRepository repo = GitRepository.open(plan.resolution().layout().root())) {
            // a build of the pull request's head, not of its merge, is compared with where the branch left the
            // release branch: a release merged there since is the version to be above too
            ReleaseTips tips = ReleaseTips.of(repo, request.branches().releaseBranches(), plan.head().id(), log);
            for (PlannedImage i : plan.images()) {
                VersionBump bump = i.versionBump();
                if (bump.status() == VersionBump.Status.BUMPED || bump.status() == VersionBump.Status.MISSING) {
                    SemVer version = i.image().version();
                    Optional<ReleaseTips.OnTip> since = bump.baseVersion().flatMap(SemVer::tryParse).flatMap(b ->
                            tips.image(i).filter(t -> t.version().compareTo(b) > 0));
                    images.add(new Finding("image", i.key(), bump.baseVersion().orElseThrow(), version.toString(),
                            i.image().versionAt().toString(), bump.status() == VersionBump.Status.BUMPED
                                    && since.map(t -> version.compareTo(t.version()) > 0).orElse(true),
                            since.map(Object::toString).orElse(null)));
                }
            }
            for (ChangedCharts.ChangedChart c : ChangedCharts.since(repo, base, plan.head().id(),
                    plan.resolution().layout(), plan.resolution().config(), plan.images(), changed, tips, log)) {
                if (c.baseVersion().isEmpty()) {
                    continue; // a chart new on the branch (or unreadable at the base) has no release to be above
                }
                Optional<SemVer> now = ChartVersion.read(c.version());
                Optional<SemVer> before = ChartVersion.read(c.baseVersion().get());
                if (before.isEmpty()) {
                    // Helm could not have packaged it: there was no release to be above
                    log.warn(c.versionAt() + ": chart " + c.name() + " had version '" + Excerpt.of(c.baseVersion()
                            .get()) + "' at " + plan.changes().baseNamed() + ", which is not a version Helm"
                            + " reads: there is no release to be above, so the chart is not checked");
                    continue;
                }
                boolean bumped = now.isPresent() && now.get().compareTo(before.get()) > 0 && c.releasedSince()
                        .map(t -> now.get().compareTo(t.version()) > 0).orElse(true);
                charts.add(new Finding("chart", c.name(), c.baseVersion().get(), c.version(), c.versionAt().toString(),
                        bumped, c.releasedSince().map(Object::toString).orElse(null)));
            }
        }
        List<String> violations = new ArrayList<>();
        String at = plan.changes().baseNamed();
        images.stream().filter(f -> !f.bumped()).forEach(f -> violations.add(f.location() + ": image " + f.name()
                + " changed since " + at + " but its version " + f.version() + " is not above "
                + (f.releasedSince() == null ? f.baseVersion() + ": bump it (a suffix does not count)"
                        : f.releasedSince() + ", released since this branch left it: bump it above that")));
        charts.stream().filter(f -> !f.bumped()).forEach(f -> violations.add(f.location() + ": chart " + f.name()
                + " changed since " + at + " but its version " + notAbove(f)));
        JsonReports.write(request.resolve().outputDir(), REPORT, new Report(base, violations.isEmpty(), images,
                charts));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(RULE, violations);
        }
        log.info("Versions bumped: " + images.size() + " changed image(s) and " + charts.size() + " changed"
                + " chart(s) are above their versions at " + at + ".");
        List<Finding> all = new ArrayList<>(images);
        all.addAll(charts);
        return all;
    }
}
