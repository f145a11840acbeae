package org.odabuild.core.edit;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.policy.BranchKind;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.version.ImageTag;
import org.odabuild.core.version.PrereleaseSuffix;
import org.odabuild.core.version.SemVer;

/**
 * Step 1 of the seed's how-to, done for you: for each image to change, bump {@code version} unless it is already
 * ahead of the release branch, and set {@code prereleaseSuffix} from the branch name; a values text that names the
 * image by the tag it had ({@code name:tag}) gets the new tag.
 */
public final class PrereleaseCommand {

    /** The rule in edits.json of a values text that names the image by its tag, moved with it. */
    static final String COPY_FOLLOWS = "copy-follows";

    private PrereleaseCommand() {
    }

    public static EditReport run(PrereleaseRequest request, BuildLog log) {
        return run(request, log, AtomicFileSet.ATOMIC);
    }

    static EditReport run(PrereleaseRequest request, BuildLog log, AtomicFileSet.Mover mover) {
        Plan plan = EditApply.plan(request.plan(), "oda:prerelease sets prerelease versions, which release branch"
                + " {branch} may not build: create a feature/... or odaa-... branch first", log);
        List<PlannedImage> images = (request.plan().images().isEmpty()
                ? plan.images().stream().filter(PlannedImage::changed) : plan.images().stream()).toList();
        if (images.isEmpty()) {
            log.info("No image changed since " + plan.changes().baseReason() + ": name the images to prepare with"
                    + " " + Setting.IMAGES.set("<key,...>"));
        }
        var layout = plan.resolution().layout();
        FileEdits files = new FileEdits(layout);
        Map<String, String> newTags = new LinkedHashMap<>();
        try (GitRepository repo = GitRepository.open(layout.root())) {
            Map<ResolvedImage, SemVer> versions = new LinkedHashMap<>();
            Map<ResolvedImage, String> why = new LinkedHashMap<>();
            HistoryYaml history = new HistoryYaml(repo, log);
            ReleaseTips tips = new ReleaseTips(repo, request.plan().branches().releaseBranches(),
                    plan.head().id(), history);
            for (PlannedImage planned : images) {
                Next next = nextVersion(planned, plan, history, tips, request);
                versions.put(planned.image(), next.version());
                next.why().ifPresent(w -> why.put(planned.image(), w));
            }
            PrereleaseSuffix suffix = suffix(request, plan.branch().name(), versions.values(), log);
            for (Map.Entry<ResolvedImage, SemVer> e : versions.entrySet()) {
                ResolvedImage image = e.getKey();
                SemVer version = e.getValue();
                var config = image.config();
                var suffixPath = config.valuesPathPrereleaseSuffix().orElseThrow(() -> new InvalidInputException(
                        config.location() + ": image " + image.key() + " has no valuesPathPrereleaseSuffix: add one"
                                + " to set a prerelease suffix"));
                YamlTextEditor editor = files.editor(config.valuesYamlFile());
                editor.set(config.valuesPathVersion(), version.toString(), Optional.empty());
                editor.set(suffixPath, suffix.text(), Optional.of(config.valuesPathVersion()));
                String tag = version + "-" + suffix;
                newTags.put(image.key(), tag);
                log.info(image.key() + ": " + (tag.equals(image.tag().toString()) ? "already " + tag
                        : image.tag() + " -> " + tag) + Optional.ofNullable(why.get(image)).map(w -> " (" + w + ")")
                        .orElse(""));
            }
        }
        // a values text that named the image by the tag it had (oda-canvas' hook image) follows it; one that named
        // another tag is meant to (the plan says that it parts)
        for (ImageCopies.Copy copy : ImageCopies.all(plan.resolution(), request.plan().resolve().fork())) {
            String tag = newTags.get(copy.image().key());
            if (tag != null && !tag.equals(copy.tag()) && copy.tag().equals(copy.image().tag().toString())) {
                files.set(copy.text().location().file(), copy.text().path(), copy.name() + ":" + tag,
                        COPY_FOLLOWS + " (" + copy.image().key() + ")");
            }
        }
        EditReport report = EditApply.finish("prerelease", files, request.dryRun(),
                request.plan().resolve().outputDir(), mover, log);
        if (plan.branchKind() == BranchKind.OTHER && !newTags.isEmpty()) {
            log.warn(noPrereleaseBranch(plan.branch().name(), request.plan().branches(), newTags.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        return report;
    }

    /**
     * The tags set on a branch that no prerelease pattern covers: CI builds nothing there (oda-canvas' how-to: "otherwise
     * the automated docker builds are not active"), which the developer learns only when no image appears.
     */
    static String noPrereleaseBranch(String branch, BranchPolicy branches, Collection<String> tags) {
        String rename = branches.prereleaseNameFor(branch).map(name -> ": rename the branch (git branch -m " + name
                + ") for CI to build and push " + (tags.size() == 1 ? "it" : "them") + " on every push").orElse("");
        return "branch " + branch + " is no prerelease branch (" + (branches.prereleaseBranches().isEmpty() ? "none"
                + " is set" : String.join(", ", branches.prereleaseBranches())) + "), so CI builds and pushes no"
                + " image of it: " + String.join(", ", tags) + (tags.size() == 1 ? " is" : " are") + " built only by oda:build"
                + " on this machine" + rename;
    }

    /**
     * The suffix given, or the branch's: the tag is version-suffix, at most 128 characters, so a long branch name is
     * cut to fit every version, and a suffix given too long for that is refused.
     */
    private static PrereleaseSuffix suffix(PrereleaseRequest request, String branch, Collection<SemVer> versions,
            BuildLog log) {
        SemVer longest = versions.stream().max(Comparator.comparingInt(v -> v.toString().length()))
                .orElse(SemVer.release(0, 0, 0));
        int room = ImageTag.MAX_LENGTH - 1 - longest.toString().length();
        PrereleaseSuffix suffix = request.suffix().map(PrereleaseCommand::given)
                .orElseGet(() -> BranchSuffix.of(branch, room));
        if (suffix.text().length() > room) {
            throw new InvalidInputException(Setting.SUFFIX + " '" + suffix + "' is " + suffix.text().length()
                    + " characters long: with version " + longest + " the tag would be longer than the "
                    + ImageTag.MAX_LENGTH + " characters Docker allows; pass one of at most " + room);
        }
        if (request.suffix().isEmpty() && !BranchSuffix.of(branch).equals(suffix)) {
            log.info("Branch " + branch + " is long: its prerelease suffix is cut to " + room + " characters ("
                    + suffix + ") to keep the tags within Docker's " + ImageTag.MAX_LENGTH + "; "
                    + Setting.SUFFIX.set("<suffix>") + " picks another");
        }
        return suffix;
    }

    private static PrereleaseSuffix given(String text) {
        try {
            return new PrereleaseSuffix(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Setting.SUFFIX + ": " + e.getMessage());
        }
    }

    /** The image's next version, and why it is above the one the branch had when a release branch made it so. */
    private record Next(SemVer version, Optional<String> why) {
    }

    /**
     * The image's next version: the bump of the newest released one, unless the branch is already ahead of it, or
     * added the image (never released: its first version is kept). Released are the version at the base and the
     * versions on the release branches now: a branch that left main at 1.0.2 and set 1.0.3-b is behind once another
     * branch's 1.0.3 is merged there (1.0.3-b sorts below 1.0.3, and CI refuses it), and goes to 1.0.4-b. A values
     * file that cannot be read at the base leaves the released version unknown: the version is bumped, which is never
     * wrong for a prerelease. The base's version is read where the base's config put it: a branch may move the
     * image's values keys with the config.
     */
    private static Next nextVersion(PlannedImage planned, Plan plan, HistoryYaml history, ReleaseTips tips,
            PrereleaseRequest request) {
        ResolvedImage image = planned.image();
        var config = planned.entryAtBase();
        String file = config.valuesYamlFile();
        Optional<String> base = plan.changes().baseCommit();
        Optional<ValuesDocument> atBaseFile = base.flatMap(b -> history.at(b, file, "the versions released from it"
                + " are unknown, so the versions are bumped"));
        boolean unreadable = base.isPresent() && atBaseFile.isEmpty() && history.exists(base.get(), file);
        Optional<ScalarValue> atBase = atBaseFile.flatMap(d -> d.find(config.valuesPathVersion()));
        Optional<SemVer> released = atBase.map(ScalarValue::text).flatMap(SemVer::tryParse);
        Optional<ReleaseTips.OnTip> onTip = tips.image(planned);
        boolean added = base.isPresent() && !unreadable && atBase.isEmpty();
        if (added && onTip.isEmpty()) {
            return new Next(image.version(), Optional.empty());
        }
        Optional<SemVer> newest = Stream.concat(released.stream(), onTip.map(ReleaseTips.OnTip::version).stream())
                .max(Comparator.naturalOrder());
        if (newest.isPresent() && image.version().compareTo(newest.get()) > 0) {
            return new Next(image.version(), Optional.empty());
        }
        // a release branch that moved past the base is why the branch's version is no longer ahead
        Optional<String> why = onTip.filter(tip -> released.map(r -> tip.version().compareTo(r) > 0).orElse(true))
                .map(tip -> tip.ref() + " has " + tip.version() + (released.isPresent() ? " since this branch"
                        + " left it" : ""));
        SemVer from = newest.filter(n -> n.compareTo(image.version()) > 0).orElse(image.version());
        return new Next(request.bump().apply(from, image.versionAt()), why);
    }
}
