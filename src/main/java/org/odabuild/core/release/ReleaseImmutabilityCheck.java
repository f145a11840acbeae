package org.odabuild.core.release;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.OdaLabels;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.config.BrokenImages;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.PathFilter;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.version.SemVer;

/**
 * Checks every image the plan will build against the registry: release tags are immutable, a prerelease needs an
 * unreleased version, versions only go up, and a prerelease suffix belongs to one branch. Fails closed: when the
 * registry cannot answer, the check fails instead of passing.
 */
public final class ReleaseImmutabilityCheck {

    public static final String REPORT = "verify-release-immutable.json";
    public static final String RULE = "verify-release-immutable";
    /** Images asked about at once; each asks its independent questions at once too. */
    private static final int MAX_PARALLEL = 32;

    /** One image's facts and findings, as written to the report. */
    public record Finding(String key, String reference, boolean release, boolean tagExists, String digest,
            String releaseTag, boolean releaseTagExists, String newestRelease, String owner, String sourceHash,
            String revision, List<String> platforms, boolean publishedFromThisCommit,
            boolean publishedFromTheseSources, List<String> violations) {
    }

    /** @param registryMillis how long the registry's answers took, all images together */
    record Report(String branch, boolean passed, List<Finding> images, List<BrokenImage> broken,
            long registryMillis) {
    }

    private ReleaseImmutabilityCheck() {
    }

    /**
     * @throws RuleViolationException listing every violation
     * @throws RegistryException      when the registry could not answer (fail closed)
     */
    public static List<Finding> run(ReleaseCheckRequest request, CredentialSource credentials, BuildLog log) {
        return run(request, credentials, LocalSources.Of.UNKNOWN, log);
    }

    /** @param sources this checkout's source hashes, asked for a release whose tag exists */
    public static List<Finding> run(ReleaseCheckRequest request, CredentialSource credentials,
            LocalSources.Of sources, BuildLog log) {
        // a check that cannot be made must not leave an earlier "passed" behind
        JsonReports.delete(request.plan().resolve().outputDir(), REPORT);
        Plan plan = Planner.plan(request.plan(), log);
        long start = System.nanoTime();
        List<Finding> findings = check(plan, new RegistryClient(request.registry(), credentials, log),
                request.allowSuffixTakeover(), sources.of(plan));
        long registryMillis = (System.nanoTime() - start) / 1_000_000;
        List<String> violations = findings.stream().flatMap(f -> f.violations().stream()).toList();
        writeReport(request.plan().resolve().outputDir(), plan, findings, registryMillis);
        if (!violations.isEmpty()) {
            List<String> lines = new ArrayList<>(violations);
            plan.broken().forEach(b -> lines.add("not checked, its entry is broken: " + b.reason()));
            throw new RuleViolationException(RULE, lines);
        }
        if (!plan.broken().isEmpty()) {
            throw BrokenImages.error(plan.broken());
        }
        findings.stream().filter(Finding::publishedFromThisCommit).forEach(f -> log.info(f.reference()
                + " is already published from this commit: " + f.digest()));
        findings.stream().filter(f -> f.publishedFromTheseSources() && !f.publishedFromThisCommit()).forEach(f ->
                log.info(f.reference() + " is already published from the same sources: " + f.digest()));
        log.info(findings.isEmpty() ? "No image is planned to be built: nothing to verify against the registry."
                : "Registry check passed for " + findings.size() + " planned image(s): "
                        + findings.stream().map(Finding::reference).toList());
        return findings;
    }

    /** {@code verify-release-immutable.json}, written by this goal and by {@code oda:build} for its own check. */
    public static Path writeReport(Path outputDir, Plan plan, List<Finding> findings, long registryMillis) {
        boolean passed = findings.stream().allMatch(f -> f.violations().isEmpty()) && plan.broken().isEmpty();
        return JsonReports.write(outputDir, REPORT, new Report(plan.branch().name(), passed, findings,
                plan.broken(), registryMillis));
    }

    /** Reads the registry for each planned build concurrently and applies the rules. */
    public static List<Finding> check(Plan plan, RegistryClient registry, boolean allowSuffixTakeover) {
        return check(plan, registry, allowSuffixTakeover, LocalSources.UNKNOWN);
    }

    /** @param sources this checkout's source hash of an image, asked for a release whose tag exists */
    public static List<Finding> check(Plan plan, RegistryClient registry, boolean allowSuffixTakeover,
            LocalSources sources) {
        List<PlannedImage> toBuild = plan.toBuild();
        if (toBuild.isEmpty()) {
            return List.of();
        }
        List<ImmutabilityRule> rules = new ArrayList<>(List.of(new ReleaseTagMustNotExist(),
                new PrereleaseNeedsUnreleasedVersion(), new VersionMustBeNewest()));
        if (!allowSuffixTakeover) {
            rules.add(new SuffixBelongsToOneBranch());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, toBuild.size()));
        ExecutorService requests = Executors.newCachedThreadPool();
        try {
            Map<String, Set<String>> commits = buildCommits(plan, toBuild);
            List<Future<RegistryFacts>> futures = toBuild.stream()
                    .map(i -> pool.submit(() -> facts(i, registry, commits.getOrDefault(i.key(), Set.of()),
                            sources, requests))).toList();
            List<Finding> findings = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Future<RegistryFacts> future : futures) {
                try {
                    RegistryFacts f = future.get();
                    List<String> violations = rules.stream().map(r -> r.check(f, plan.branch().name()))
                            .flatMap(Optional::stream).toList();
                    findings.add(finding(f, violations));
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new RegistryException("the registry check could not be made, so it fails (it never passes"
                        + " on an unclear answer):" + System.lineSeparator() + "  "
                        + String.join(System.lineSeparator() + "  ", failures), failures);
            }
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while checking the registry", e);
        } finally {
            pool.shutdownNow();
            requests.shutdownNow();
        }
    }

    /**
     * For each release image, the commits a build of it stands for: HEAD and the last commit on HEAD's first-parent
     * line that changed a file under its paths (a later docs-only commit does not make it another build).
     */
    private static Map<String, Set<String>> buildCommits(Plan plan, List<PlannedImage> toBuild) {
        Map<String, Set<String>> commits = new HashMap<>();
        if (toBuild.stream().noneMatch(i -> i.image().isRelease())) {
            return commits;
        }
        try (GitRepository repo = GitRepository.open(plan.resolution().layout().root())) {
            for (PlannedImage i : toBuild) {
                if (i.image().isRelease()) {
                    PathFilter paths = PathFilter.of(i.image().paths());
                    Set<String> set = new HashSet<>(Set.of(plan.head().id()));
                    repo.lastCommitTouching(plan.head().id(), paths::matches).ifPresent(set::add);
                    commits.put(i.key(), set);
                }
            }
        }
        return commits;
    }

    private static RegistryFacts facts(PlannedImage planned, RegistryClient registry, Set<String> buildCommits,
            LocalSources sources, ExecutorService requests) {
        var image = planned.image();
        // the tag and the tag list at once: on a registry 50 ms away the check costs one round trip, not two
        var tagAsked = CompletableFuture.supplyAsync(() -> registry.manifest(image.image(), image.tag().toString()),
                requests);
        var tagsAsked = CompletableFuture.supplyAsync(() -> registry.repositoryTags(image.image()), requests);
        // a prerelease's release tag: not asked when the registry said the repository does not exist and the tag is
        // absent (a new image costs two requests, not three); else asked while the existing tag is read
        Optional<RegistryClient.Manifest> none = Optional.empty();
        var releaseAsked = image.isRelease() ? CompletableFuture.completedFuture(none)
                : tagAsked.thenCombineAsync(tagsAsked, (t, list) -> t.isEmpty() && list.isEmpty() ? none
                        : registry.manifest(image.image(), image.version().toString()), requests);
        var tag = answer(tagAsked);
        // one read of an existing tag's labels serves the ownership rule, the up-to-date check and a re-run release
        RegistryClient.RemoteImage existing = tag.isPresent() ? registry.describe(image.image(), tag.get().digest())
                : new RegistryClient.RemoteImage(Map.of(), List.of());
        var releaseTag = answer(releaseAsked);
        List<String> tags = answer(tagsAsked).orElse(List.of());
        contradiction(image, image.tag().toString(), tag, tags);
        if (!image.isRelease()) {
            contradiction(image, image.version().toString(), releaseTag, tags);
        }
        Optional<SemVer> newest = tags.stream()
                .map(SemVer::tryParse).flatMap(Optional::stream)
                .filter(SemVer::isRelease)
                .max(SemVer::compareTo);
        Map<String, String> labels = existing.labels();
        Optional<String> sourceHash = Optional.ofNullable(labels.get(OdaLabels.SOURCE_HASH));
        // hashing this checkout is asked for only where it can let an existing release pass
        Optional<String> local = image.isRelease() && sourceHash.isPresent() ? sources.hashOf(planned)
                : Optional.empty();
        return new RegistryFacts(planned, tag, releaseTag, newest, Optional.ofNullable(labels.get(OdaLabels.BRANCH)),
                sourceHash, Optional.ofNullable(labels.get(OdaLabels.REVISION)), existing.platforms(), buildCommits,
                local);
    }

    private static <T> T answer(CompletableFuture<T> asked) {
        try {
            return asked.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A tag the registry lists but answers 404 for is not "absent": the answers contradict, so it fails closed. */
    private static void contradiction(ResolvedImage image, String tag, Optional<RegistryClient.Manifest> manifest,
            List<String> tags) {
        if (manifest.isEmpty() && tags.contains(tag)) {
            throw new RegistryException("registry " + image.image().registry() + " lists " + image.image() + ":" + tag
                    + " in its tags but answers 404 for its manifest: the answers contradict each other, so the"
                    + " check fails closed");
        }
    }

    private static Finding finding(RegistryFacts f, List<String> violations) {
        var image = f.image().image();
        return new Finding(image.key(), image.reference(), image.isRelease(), f.tag().isPresent(),
                f.tag().map(RegistryClient.Manifest::digest).orElse(null),
                image.isRelease() ? null : image.version().toString(), f.releaseTag().isPresent(),
                f.newestRelease().map(Object::toString).orElse(null), f.owner().orElse(null),
                f.sourceHash().orElse(null), f.revision().orElse(null), f.platforms(), f.publishedFromThisCommit(),
                f.publishedFromTheseSources(), violations);
    }
}
