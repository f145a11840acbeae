package org.odabuild.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.config.BrokenImages;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.BaseSelector;
import org.odabuild.core.git.BranchName;
import org.odabuild.core.git.ChangeSet;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.git.HeadCommit;
import org.odabuild.core.policy.BranchKind;
import org.odabuild.core.policy.Decision;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.policy.TagPolicy;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.PrereleaseBases;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.version.ImageRepository;
import org.odabuild.core.version.SemVer;

/** Builds the {@link Plan}: resolves images, reads git, applies change detection and the branch rules. */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(PlanRequest request, BuildLog log) {
        ResolveRequest resolve = request.resolve().selecting(request.images());
        // git is opened, its status (a walk of the whole work tree) taken and the commits compared on threads of
        // their own while the config and values files are read: in a cold JVM much of it is class loading
        RepoLayout layout = Resolution.layout(resolve);
        CompletableFuture<GitRepository> opening = GitRepository.openAsync(layout.root());
        CompletableFuture<Set<String>> status = GitRepository.uncommittedFilesAsync(layout.root(), opening);
        CompletableFuture<Commits> commits = opening.thenApplyAsync(repo -> Commits.read(request, repo),
                GitRepository::background);
        Resolution resolution;
        try {
            resolution = Resolution.of(resolve, layout, log);
        } catch (RuntimeException e) {
            commits.handle((c, error) -> status.handle((files, statusError) -> opening.thenAccept(
                    GitRepository::close)));
            throw e;
        }
        GitRepository repo = GitRepository.await(opening);
        try {
            return plan(request, resolution, repo, GitRepository.await(commits), status);
        } finally {
            status.handle((files, error) -> null).join(); // the status reads the repository: it ends before the close
            repo.close();
        }
    }

    /** What the plan asks of git before it knows the images: HEAD, the branch, the change set, the tests' marker. */
    private record Commits(HeadCommit head, BranchTip tip, BranchName branch, BranchKind kind, ChangeSet changes,
            SkipTests skipTests) {

        static Commits read(PlanRequest request, GitRepository repo) {
            CiEnvironment ci = CiEnvironment.of(request.env());
            HeadCommit head = repo.head();
            BranchTip tip = BranchTip.of(repo, head, ci);
            BranchName branch = BranchName.resolve(request.branch(), ci, head);
            BranchKind kind = request.branches().classify(branch.name());
            if (kind == BranchKind.RELEASE && branch.changeRequest() || branch.tag()) {
                kind = BranchKind.OTHER; // a pull request from a fork's main is not the release branch, a tag none
            }
            // on a prerelease branch the branch's first-parent line is asked (once, the repository keeps it) of every
            // release image changed, which oda-canvas has until a suffix is set: read beside the diff and the values
            Consumer<String> lineAhead = kind != BranchKind.PRERELEASE ? base -> {
            } : base -> CompletableFuture.runAsync(() -> repo.firstParentLine(tip.id(), Optional.of(base)),
                    GitRepository::background);
            ChangeSet changes = new BaseSelector(repo, request.branches().releaseBranches(), lineAhead)
                    .select(head.id(), kind == BranchKind.RELEASE, request.since(), ci);
            if (kind == BranchKind.PRERELEASE && changes.known()) {
                repo.firstParentLine(tip.id(), changes.baseCommit()); // the line read ahead, or its error
            }
            return new Commits(head, tip, branch, kind, changes, SkipTests.detect(repo, tip, ci));
        }
    }

    private static Plan plan(PlanRequest request, Resolution resolution, GitRepository repo, Commits commits,
            CompletableFuture<Set<String>> status) {
        CiEnvironment ci = CiEnvironment.of(request.env());
        HeadCommit head = commits.head();
        BranchName branch = commits.branch();
        BranchKind kind = commits.kind();
        ChangeSet changes = commits.changes();
        List<String> warnings = new ArrayList<>();
        changes.warning().ifPresent(warnings::add);

        // the plugin's own reports are not a change of the sources
        String ownOutput = resolution.layout().display(request.resolve().outputDir()) + "/";
        List<String> uncommitted = GitRepository.await(status).stream().filter(f -> !f.startsWith(ownOutput))
                .toList();
        boolean includeUncommitted = request.includeUncommitted().orElse(!ci.isCi());
        if (!uncommitted.isEmpty()) {
            warnings.add("the working tree has " + uncommitted.size() + " uncommitted change(s)"
                    + (includeUncommitted ? ", counted as changes" : ", not counted (" + Setting.INCLUDE_UNCOMMITTED.set("false") + ")")
                    + "; a release is never built from a dirty tree");
        }
        Set<String> changedFiles = new TreeSet<>(changes.files());
        if (includeUncommitted) {
            changedFiles.addAll(uncommitted);
        }

        Map<String, Optional<String>> workTreeTexts = new HashMap<>();
        Function<String, Optional<String>> workTree = file -> workTreeTexts.computeIfAbsent(file,
                f -> workTreeText(resolution, f));
        Map<String, Optional<String>> headTexts = new HashMap<>();
        Function<String, Optional<String>> currentText = includeUncommitted ? workTree
                : file -> headTexts.computeIfAbsent(file, f -> repo.readFileThroughLinks(head.id(), f));
        String configFile = resolution.layout().display(resolution.config().file());
        Set<String> counted = includeUncommitted ? new TreeSet<>(uncommitted) : Set.of();
        boolean configUncommitted = counted.contains(configFile);
        ConfigHistory history = new ConfigHistory(repo, resolution.layout(), resolution.config().file(), head.id(),
                configUncommitted);
        // the window is of the branch's own commits: a pull request's head, not the merge CI made of it
        BranchTip tip = commits.tip();
        BuiltCommits built = new BuiltCommits(repo, tip.id(), changes, request.since(), ci, counted,
                tip.merged() ? file -> repo.readFileThroughLinks(tip.id(), file) : currentText, history);

        TagPolicy policy = new TagPolicy(request.branches());
        // a pull request from a fork's main: planned as another branch (see Commits.read), said as what it is
        boolean fromReleaseName = branch.changeRequest() && kind == BranchKind.OTHER
                && request.branches().classify(branch.name()) == BranchKind.RELEASE;
        boolean lints = request.lint().runs(ci);
        NavigableSet<String> tracked = lints ? new TreeSet<>(repo.trackedFiles(head.id(), ".")) : new TreeSet<>();
        List<PlannedImage> planned = new ArrayList<>();
        List<String> lint = new ArrayList<>();
        // a values file whose text at the base or now is, byte for byte, the work tree's is the one the resolution
        // parsed: in most plans it did not change, and reading its text (one git pipe) costs less than parsing it
        BiFunction<String, String, Optional<ValuesDocument>> parsedAlready = (file, text) -> Optional
                .ofNullable(resolution.valuesFiles().get(file))
                .filter(doc -> workTree.apply(file).filter(text::equals).isPresent());
        // a values file that is a link (to another chart's) is read at a commit where its link led then, as now
        ParsedValuesFiles atBase = new ParsedValuesFiles(f -> changes.baseCommit().flatMap(base ->
                repo.readFileThroughLinks(base, f)), parsedAlready);
        ParsedValuesFiles now = new ParsedValuesFiles(currentText, parsedAlready);
        // files under an image's paths that changed with its build inputs as they were (a move) do not change it;
        // not asked while the config, or anything the build reads, has uncommitted changes that count
        boolean configChanged = configUncommitted || touched(changes.files(), resolution, configFile);
        Optional<SameBuildInputs> sameInputs = changes.baseCommit().map(b -> new SameBuildInputs(repo, b, head.id()));
        // -Doda.force is for the selected images; of the others only whether a run of every image builds them counts
        BiFunction<ResolvedImage, Boolean, PlannedImage> planOne = (image, selected) -> {
            boolean force = selected && request.force();
            List<String> files = new ArrayList<>(PathFilter.of(image.paths()).matching(changedFiles));
            boolean underPaths = !files.isEmpty(); // a bump is asked for these; a values entry's own change needs none
            String valuesFile = image.config().valuesYamlFile();
            // its values entry where the base's config put it (a commit may move it with the config)
            Optional<ImageConfig> entryAtBase = changes.baseCommit()
                    .flatMap(b -> history.atBase(b, configChanged, image.config()));
            ImageConfig then = entryAtBase.orElse(image.config());
            boolean entryChanged = (touched(changedFiles, resolution, valuesFile)
                    || !sameValuesPaths(then, image.config()))
                    && ValuesEntryChange.differs(then, atBase.get(then.valuesYamlFile()), image.config(),
                            now.get(valuesFile));
            if (entryChanged && !files.contains(valuesFile)) {
                files.add(valuesFile);
            }
            Optional<String> sameBuild = force || files.isEmpty() || !changes.known() || entryChanged
                    || configUncommitted || counted.stream().anyMatch(f -> readByBuild(image.config(), f))
                    ? Optional.empty()
                    : entryAtBase.flatMap(at -> sameInputs.flatMap(same -> same.reason(at, image.config())));
            VersionBump bump = !underPaths || !changes.known() || !selected || sameBuild.isPresent()
                    ? VersionBump.NOT_APPLICABLE : versionBump(image, then, atBase.get(then.valuesYamlFile()));
            boolean changed = force || !changes.known() || !files.isEmpty() && sameBuild.isEmpty();
            Decision decision = branch.tag() ? policy.tagBuild(branch.name(), branch.source())
                    : fromReleaseName ? policy.pullRequestFromReleaseName(branch.name(), branch.source())
                    : policy.decide(branch.name(), image, changed);
            if (sameBuild.isPresent() && decision.action() == ImageAction.SKIP_UNCHANGED) {
                decision = new Decision(ImageAction.SKIP_UNCHANGED, sameBuild.get());
            }
            if (changed && files.isEmpty()) {
                decision = new Decision(decision.action(), decision.reason()
                        + (force ? " (" + Setting.FORCE + ")" : " (base unknown, counted as changed)"));
            }
            if (decision.action() == ImageAction.REFUSE && kind == BranchKind.PRERELEASE && image.isRelease()
                    && !force && selected) {
                decision = releaseOnPrereleaseBranch(policy, built, image, decision, branch.name(), changes);
            }
            return new PlannedImage(image, changed, files, decision, bump, then);
        };
        for (ResolvedImage image : resolution.images()) {
            planned.add(planOne.apply(image, true));
            if (lints) {
                lint.addAll(CoverageLint.check(image.config(), tracked));
            }
        }
        refuseReleasesOnPrereleaseBases(planned, policy, resolution, request.resolve().fork());
        List<PlannedImage> unselected = new ArrayList<>();
        for (ResolvedImage image : resolution.unselected()) {
            try {
                unselected.add(planOne.apply(image, false));
            } catch (RuntimeException e) {
                // another run's image: its faults are said there, not in this run
            }
        }
        warnings.addAll(BrokenImages.warnings(resolution.broken()));
        ImageCopies.differing(resolution, request.resolve().fork()).forEach(copy -> warnings.add(ImageCopies.warning(copy)));
        return new Plan(branch, kind, head, tip.merged() ? Optional.of(tip.id()) : Optional.empty(), changes,
                uncommitted, commits.skipTests(), planned, warnings, lint, lints,
                resolution, unselected);
    }

    /**
     * A release version on a prerelease branch is refused only when its sources changed in the commits being built
     * now; otherwise it is built on the release branch after the merge.
     */
    private static Decision releaseOnPrereleaseBranch(TagPolicy policy, BuiltCommits built, ResolvedImage image,
            Decision refusal, String branch, ChangeSet changes) {
        BuiltCommits.Window window = built.window(image);
        if (!window.known()) {
            return policy.releaseWithoutBase(branch, image, changes.baseReason(), changes.remedy());
        }
        if (window.sources().isEmpty()) {
            return policy.releaseAfterMerge(image, window.reason());
        }
        List<String> sources = window.sources();
        return new Decision(ImageAction.REFUSE, refusal.reason() + "; its sources changed in " + window.reason()
                + " (" + Excerpt.line(sources.get(0)) + (sources.size() > 1 ? " and " + (sources.size() - 1) + " more" : "")
                + ")");
    }

    /** Only the Dockerfiles of releases about to be built are read; a plan that builds none reads none. */
    private static void refuseReleasesOnPrereleaseBases(List<PlannedImage> planned, TagPolicy policy,
            Resolution resolution, Optional<ImageRepository> fork) {
        List<ResolvedImage> releases = planned.stream()
                .filter(p -> p.decision().action() == ImageAction.BUILD_RELEASE).map(PlannedImage::image).toList();
        List<PrereleaseBases.Base> bases = PrereleaseBases.of(resolution, fork, releases);
        planned.replaceAll(p -> p.decision().action() != ImageAction.BUILD_RELEASE ? p : bases.stream()
                .filter(b -> b.dockerfile().equals(p.image().config().buildDockerfile())
                        || p.image().config().testDockerfile().filter(b.dockerfile()::equals).isPresent())
                .findFirst()
                .map(b -> p.withDecision(policy.releaseOnPrereleaseBase(p.image(), b)))
                .orElse(p));
    }

    /** Whether an image's values entry stands where it stood: the same file and paths. */
    private static boolean sameValuesPaths(ImageConfig then, ImageConfig now) {
        return then.valuesYamlFile().equals(now.valuesYamlFile())
                && then.valuesPathImage().segments().equals(now.valuesPathImage().segments())
                && then.valuesPathVersion().segments().equals(now.valuesPathVersion().segments())
                && then.valuesPathPrereleaseSuffix().map(YqPath::segments)
                        .equals(now.valuesPathPrereleaseSuffix().map(YqPath::segments));
    }

    /**
     * Whether the build of an image reads a file: one in its context, its Dockerfile or its test Dockerfile, or the
     * ignore file beside either.
     */
    private static boolean readByBuild(ImageConfig image, String file) {
        String context = image.buildContext();
        String ignore = ".dockerignore";
        String dockerfile = file.endsWith(ignore) ? file.substring(0, file.length() - ignore.length()) : file;
        return context.equals(".") || file.startsWith(context + "/") || file.equals(context)
                || dockerfile.equals(image.buildDockerfile())
                || image.testDockerfile().filter(dockerfile::equals).isPresent();
    }

    /** The version now against the version at the base (MAJOR.MINOR.PATCH; a suffix does not make it higher). */
    private static VersionBump versionBump(ResolvedImage image, ImageConfig then,
            Optional<ValuesDocument> valuesAtBase) {
        Optional<String> before = valuesAtBase.flatMap(doc -> {
            try {
                return doc.find(then.valuesPathVersion()).map(ScalarValue::textOrNull).map(String::strip);
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
        });
        Optional<SemVer> parsed = before.flatMap(SemVer::tryParse);
        if (parsed.isEmpty()) {
            return new VersionBump(VersionBump.Status.NEW, before);
        }
        boolean higher = image.version().toRelease().compareTo(parsed.get().toRelease()) > 0;
        return new VersionBump(higher ? VersionBump.Status.BUMPED : VersionBump.Status.MISSING, before);
    }

    /**
     * Whether a values or config file changed: itself, or, when it is a link or lies in a linked folder, the file it
     * leads to (a version bumped in {@code charts/shared/values.yaml} through the link {@code charts/c/values.yaml}).
     */
    private static boolean touched(Set<String> changed, Resolution resolution, String file) {
        if (changed.contains(file)) {
            return true;
        }
        Path root = resolution.layout().root();
        try {
            Path real = root.resolve(file).toRealPath();
            Path realRoot = root.toRealPath();
            return real.startsWith(realRoot) && changed.contains(realRoot.relativize(real).toString()
                    .replace(java.io.File.separatorChar, '/'));
        } catch (IOException e) {
            return false; // not there now: a change of it is a change of its own path
        }
    }

    private static Optional<String> workTreeText(Resolution resolution, String file) {
        Path path = resolution.layout().file(file, "valuesYamlFile");
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
