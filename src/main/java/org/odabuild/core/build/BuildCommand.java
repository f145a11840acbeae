package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.odabuild.core.BuildLog;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.Setting;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.ci.GithubActions;
import org.odabuild.core.ci.MarkdownTable;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.config.BrokenImages;
import org.odabuild.core.config.BuildInputs;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.FailedStep;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlanReport;
import org.odabuild.core.plan.PlanStops;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.registry.RegistryUploads;
import org.odabuild.core.release.LocalSources;
import org.odabuild.core.release.ReleaseImmutabilityCheck;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.version.ImageRepository;

/**
 * The product's main job: plan, refuse what the rules forbid before anything is built, skip what the registry
 * already holds from the same sources, build and test through the daemon, push, and report digests.
 */
public final class BuildCommand {

    private BuildCommand() {
    }

    /**
     * {@code oda:build} (push per request) and {@code oda:build-image} ({@code allowPush=false}).
     */
    public static BuildReport build(BuildRequest request, CredentialSource credentials, DaemonFactory daemons,
            boolean allowPush, BuildLog log) {
        Path out = request.release().plan().resolve().outputDir();
        Optional<ImageRepository> fork = request.release().plan().resolve().fork();
        // a run that stops early must not leave the previous run's digests for a later CI step to deploy
        JsonReports.delete(out, BuildReport.FILE, ReleaseImmutabilityCheck.REPORT, BasesOfOtherRuns.FILE,
                ForkBases.FILE);
        ValuesDigests.delete(out);
        Plan planned = Planner.plan(request.release().plan(), log);
        // an image whose context or Dockerfile is missing is refused on its own, before anything is built
        Plan checked = planned.withBroken(planned.toBuild().stream().flatMap(p -> BuildInputs.problem(
                planned.resolution().layout(), p.image().config()).map(why -> new BrokenImage(p.key(), why))
                .stream()).toList());
        // images built on images of this run wait for them; images built on each other, or that copy from one,
        // are refused
        RunBases bases = RunBases.of(checked.resolution().layout(), checked.toBuild(), checked.builtElsewhere(),
                request.buildArgs(), request.latestTag(), fork);
        Plan plan = checked.withBroken(bases.refused());
        PlanReport.log(plan, request.release().plan().lint().verbose(), log);
        PlanReport.writeJson(plan, out);
        refuseWhatThePlanRefuses(plan);

        List<PlannedImage> toBuild = plan.toBuild();
        CiEnvironment ci = CiEnvironment.of(request.release().plan().env());
        if (toBuild.isEmpty()) {
            log.info(plan.branch().tag() ? "Nothing to build: " + plan.branch().name() + " is a tag, not a branch."
                    : "Nothing to build: no image changed on " + plan.branch().name() + " that this branch may build.");
            return failIfBroken(plan, finish(new BuildReport(plan.branch().name(), plan.head().id(), false,
                    List.of()), plan.resolution(), fork, out, ci, log));
        }
        boolean push = allowPush && request.push().orElse(ci.isCi());
        // the bases other runs build for this push are hashed too: the registry must hold them from these sources
        List<PlannedImage> hashed = new ArrayList<>(toBuild);
        hashed.addAll(bases.otherRunsBases().values());
        List<BuiltImage> results;
        try (SourceHashes hashes = SourceHashes.start(plan.resolution().layout(), out, hashed, request.buildArgs(),
                request.threads());
                LazyDaemon daemon = new LazyDaemon(() -> connect(daemons, request, allowPush && !push, toBuild, log))) {
            RegistryClient registry = new RegistryClient(request.release().registry(), credentials, log);
            List<ReleaseImmutabilityCheck.Finding> findings = registryCheck(plan, registry, request,
                    localSources(hashes), allowPush && !push, log);
            Map<String, ReleaseImmutabilityCheck.Finding> byKey = findings.stream()
                    .collect(Collectors.toMap(ReleaseImmutabilityCheck.Finding::key, Function.identity()));
            // a release the registry holds from these sources stays as published whatever its base: it waits for none
            Set<String> staying = toBuild.stream().filter(p -> ImageJob.staysPublished(p.image(), byKey.get(p.key())))
                    .map(PlannedImage::key).collect(Collectors.toSet());
            List<RunBases.BaseElsewhere> awaited = bases.elsewhere().stream().filter(e -> !staying.contains(e.image()))
                    .toList();
            Map<String, String> published = BasesOfOtherRuns.check(awaited, bases.otherRunsBases(), hashes,
                    registry, push, out, log);
            ForkBases forkBases = new ForkBases(plan.resolution(), fork, registry, push, out, log);
            ImageJob job = new ImageJob(plan, request, byKey, hashes, daemon, out, credentials, registry, bases,
                    published, forkBases);
            ImageTasks.Outcome<BuiltImage> built = ImageTasks.inWaves(bases.waves(toBuild, PlannedImage::key),
                    toBuild, request.threads(), PlannedImage::key, log, job::run,
                    BuildCommand::failed,
                    p -> notBuilt(p, BuildStatus.NOT_BUILT, "another image failed"));
            results = built.results();
            if (built.failure().isPresent()) {
                // build.json still tells CI which image failed and which were not built; nothing is pushed
                finish(new BuildReport(plan.branch().name(), plan.head().id(), false, results), plan.resolution(),
                        fork, out, ci, log);
                throw built.failure().get();
            }
            if (push) {
                results = publish(results, daemon.connected(), registry, request.release().registry(),
                        request.threads(), out, plan.head().id(), log);
            } else if (results.stream().anyMatch(b -> b.status() == BuildStatus.BUILT)) {
                log.info("Built without pushing" + (allowPush ? " (" + Setting.PUSH.set("false") + ", the default outside CI)" : "")
                        + ": " + results.stream().map(BuiltImage::reference).toList());
            }
        }
        return failIfBroken(plan, finish(new BuildReport(plan.branch().name(), plan.head().id(), push, results),
                plan.resolution(), fork, out, ci, log));
    }

    /** The hashes being worked out; one that fails is not known here, and its build says why. */
    private static LocalSources localSources(SourceHashes hashes) {
        return image -> {
            try {
                return Optional.of(hashes.of(image.key()).hash());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    /** Broken entries do not block the other images; the goal fails after them, naming each. */
    private static BuildReport failIfBroken(Plan plan, BuildReport report) {
        if (!plan.broken().isEmpty()) {
            throw BrokenImages.error(plan.broken());
        }
        return report;
    }

    /** {@code oda:push-image}: pushes what {@code oda:build-image} built in this build. */
    public static BuildReport push(PushRequest request, CredentialSource credentials, DaemonFactory daemons,
            BuildLog log) {
        Path out = request.resolve().outputDir();
        BuildReport built = BuildReport.read(out);
        ValuesDigests.delete(out);
        Resolution resolution = Resolution.of(request.resolve(), log);
        CiEnvironment ci = CiEnvironment.of(request.env());
        List<BuiltImage> toPush = built.images().stream().filter(b -> b.status() == BuildStatus.BUILT).toList();
        if (toPush.isEmpty()) {
            log.info("Nothing to push: oda:build-image built no image.");
            return finish(built, resolution, request.resolve().fork(), out, ci, log);
        }
        RegistryClient registry = new RegistryClient(request.registry(), credentials, log);
        try (DockerDaemon daemon = daemons.connect(request.dockerHost(), request.certPath(), log)) {
            List<BuiltImage> results = publish(built.images(), daemon, registry, request.registry(),
                    request.threads(), out, built.commit(), log);
            return finish(new BuildReport(built.branch(), built.commit(), true, results), resolution,
                    request.resolve().fork(), out, ci, log);
        }
    }

    /** Pushes every image built in this run; the rest stay as they are. */
    private static List<BuiltImage> publish(List<BuiltImage> images, DockerDaemon daemon, RegistryClient registry,
            RegistrySettings settings, int threads, Path out, String commit, BuildLog log) {
        List<BuiltImage> toPush = images.stream().filter(b -> b.status() == BuildStatus.BUILT).toList();
        if (toPush.isEmpty()) {
            return images; // every image was up to date or already published
        }
        RegistryUploads uploads = new RegistryUploads(registry, settings);
        ImageTasks.Outcome<BuiltImage> pushed = ImageTasks.run(toPush, threads, BuiltImage::key, log,
                (b, imageLog) -> {
                    try (ImagePublisher publisher = new ImagePublisher(daemon, registry, uploads,
                            out.resolve("blobs/" + ImageBuilder.safe(b.key()) + "-"
                                    + Integer.toHexString(b.key().hashCode())), imageLog)) {
                        return publisher.push(b, commit);
                    }
                }, (b, e) -> b, b -> b);
        if (pushed.failure().isPresent()) {
            throw pushed.failure().get();
        }
        Map<String, BuiltImage> byKey = pushed.results().stream()
                .collect(Collectors.toMap(BuiltImage::key, Function.identity()));
        return images.stream().map(b -> byKey.getOrDefault(b.key(), b)).toList();
    }

    /**
     * Immutability and ownership rules, fail closed; only a local preview ({@code oda:build} that will not push)
     * goes on without the registry, since nothing it does can overwrite a tag.
     */
    private static List<ReleaseImmutabilityCheck.Finding> registryCheck(Plan plan, RegistryClient registry,
            BuildRequest request, LocalSources sources, boolean preview, BuildLog log) {
        List<ReleaseImmutabilityCheck.Finding> findings;
        long start = System.nanoTime();
        try {
            findings = ReleaseImmutabilityCheck.check(plan, registry, request.release().allowSuffixTakeover(),
                    sources);
        } catch (RegistryException e) {
            if (!preview) {
                throw e;
            }
            log.warn("Not pushing, so going on without the registry check; the registry could not be asked: "
                    + String.join("; ", e.reasons()) + " (a run that pushes stops here)");
            return List.of();
        }
        ReleaseImmutabilityCheck.writeReport(request.release().plan().resolve().outputDir(), plan, findings,
                (System.nanoTime() - start) / 1_000_000);
        List<String> violations = findings.stream().flatMap(f -> f.violations().stream()).toList();
        if (!violations.isEmpty()) {
            throw new RuleViolationException("oda build (registry check, before any build)", violations);
        }
        return findings;
    }

    /** The daemon; for a local preview without one, says what would be built instead of failing. */
    private static Optional<DockerDaemon> connect(DaemonFactory daemons, BuildRequest request, boolean preview,
            List<PlannedImage> toBuild, BuildLog log) {
        try {
            return Optional.of(daemons.connect(request.dockerHost(), request.certPath(), log));
        } catch (DockerException e) {
            if (!preview) {
                throw e;
            }
            log.warn(e.getMessage());
            log.warn("No Docker daemon, so nothing was built. With one, this build would build: "
                    + toBuild.stream().map(i -> i.image().reference()).toList());
            return Optional.empty();
        }
    }

    static BuiltImage notBuilt(PlannedImage p, BuildStatus status, String why) {
        return notBuilt(p, status, why, null);
    }

    /** A failed build: why, and the step it stopped at with that step's output, for CI to read without the log. */
    private static BuiltImage failed(PlannedImage p, RuntimeException e) {
        return notBuilt(p, BuildStatus.FAILED, e.getMessage(), FailedStep.of(e).orElse(null));
    }

    private static BuiltImage notBuilt(PlannedImage p, BuildStatus status, String why, FailedStep step) {
        ResolvedImage i = p.image();
        return new BuiltImage(p.key(), i.image().name(), i.tag().toString(), i.reference(), i.isRelease(), status,
                List.of(), null, null, 0, null, why, List.of(), false, Map.of(), null, step);
    }

    private static void refuseWhatThePlanRefuses(Plan plan) {
        List<String> reasons = new ArrayList<>(PlanStops.refusals(plan));
        boolean release = plan.toBuild().stream().anyMatch(i -> i.image().isRelease());
        if (release && plan.dirty()) {
            reasons.add("a release is never built from a dirty working tree (" + plan.uncommittedFiles().size()
                    + " uncommitted change(s), e.g. " + plan.uncommittedFiles().get(0) + "): commit or stash first");
        }
        if (!reasons.isEmpty()) {
            throw new RuleViolationException("oda build (nothing was built)", reasons);
        }
    }

    /** @param fork {@code -Doda.imageRepository}, by which values texts may name the images too */
    private static BuildReport finish(BuildReport report, Resolution resolution, Optional<ImageRepository> fork,
            Path out, CiEnvironment ci, BuildLog log) {
        log.info("Wrote " + report.write(out));
        Map<String, ResolvedImage> images = resolution.images().stream()
                .collect(Collectors.toMap(ResolvedImage::key, Function.identity()));
        List<ValuesDigests.Pin> pins = report.images().stream().filter(b -> b.digest() != null)
                .filter(b -> images.containsKey(b.key()))
                .map(b -> new ValuesDigests.Pin(images.get(b.key()), b.digest())).toList();
        if (!pins.isEmpty()) {
            log.info("Wrote " + ValuesDigests.write(out, pins, ImageCopies.all(resolution, fork), log)
                    + " (helm upgrade -f it to deploy by digest)");
        }
        GithubActions gha = new GithubActions(ci);
        Map<String, String> digests = new LinkedHashMap<>();
        report.images().stream().filter(b -> b.digest() != null).forEach(b -> digests.put(b.key(), b.digest()));
        gha.output("digests", JsonReports.compact(digests));
        if (!report.images().isEmpty()) {
            MarkdownTable table = new MarkdownTable("oda build: " + report.branch(), "image", "reference", "status",
                    "digest");
            report.images().forEach(b -> table.row(b.key(), b.reference(), b.status(), b.digest()));
            gha.summary(table);
        }
        return report;
    }
}
