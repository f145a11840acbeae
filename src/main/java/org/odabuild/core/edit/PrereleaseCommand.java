package org.odabuild.core.edit;

import java.util.List;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.version.PrereleaseSuffix;
import org.odabuild.core.version.SemVer;

/**
 * Step 1 of the seed's how-to, done for you: for each image to change, bump {@code version} unless it is already
 * ahead of the release branch, and set {@code prereleaseSuffix} from the branch name.
 */
public final class PrereleaseCommand {

    private PrereleaseCommand() {
    }

    public static EditReport run(PrereleaseRequest request, BuildLog log) {
        return run(request, log, AtomicFileSet.ATOMIC);
    }

    static EditReport run(PrereleaseRequest request, BuildLog log, AtomicFileSet.Mover mover) {
        Plan plan = EditApply.plan(request.plan(), "oda:prerelease sets prerelease versions, which release branch"
                + " {branch} may not build: create a feature/... or odaa-... branch first", log);
        List<ResolvedImage> images = (request.plan().images().isEmpty()
                ? plan.images().stream().filter(PlannedImage::changed) : plan.images().stream())
                .map(PlannedImage::image).toList();
        if (images.isEmpty()) {
            log.info("No image changed since " + plan.changes().baseReason() + ": name the images to prepare with"
                    + " " + Setting.IMAGES.set("<key,...>"));
        }
        PrereleaseSuffix suffix = request.suffix().map(s -> {
            try {
                return new PrereleaseSuffix(s.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Setting.SUFFIX + ": " + e.getMessage());
            }
        }).orElseGet(() -> BranchSuffix.of(plan.branch().name()));

        var layout = plan.resolution().layout();
        FileEdits files = new FileEdits(layout);
        try (GitRepository repo = GitRepository.open(layout.root())) {
            for (ResolvedImage image : images) {
                var config = image.config();
                var suffixPath = config.valuesPathPrereleaseSuffix().orElseThrow(() -> new InvalidInputException(
                        config.location() + ": image " + image.key() + " has no valuesPathPrereleaseSuffix: add one"
                                + " to set a prerelease suffix"));
                Optional<String> base = plan.changes().baseCommit();
                Optional<ScalarValue> atBase = base.flatMap(b -> repo.readFile(b, config.valuesYamlFile()))
                        .flatMap(text -> ValuesDocument.parse(text, config.valuesYamlFile())
                                .find(config.valuesPathVersion()));
                Optional<SemVer> released = atBase.map(ScalarValue::text).flatMap(SemVer::tryParse);
                // an image the branch adds was never released: its first version is kept, not bumped
                boolean added = base.isPresent() && atBase.isEmpty();
                SemVer version = added || released.isPresent() && image.version().compareTo(released.get()) > 0
                        ? image.version()
                        : request.bump().apply(image.version());
                YamlTextEditor editor = files.editor(config.valuesYamlFile());
                editor.set(config.valuesPathVersion(), version.toString(), Optional.empty());
                editor.set(suffixPath, suffix.text(), Optional.of(config.valuesPathVersion()));
                String tag = version + "-" + suffix;
                log.info(image.key() + ": " + (tag.equals(image.tag().toString()) ? "already " + tag
                        : image.tag() + " -> " + tag));
            }
        }
        return EditApply.finish("prerelease", files, request.dryRun(), request.plan().resolve().outputDir(), mover,
                log);
    }
}
