package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Setting;
import org.odabuild.core.dockerfile.ImageReference;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.resolve.ImagesByName;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageRepository;
import org.odabuild.core.version.ImageTag;

/**
 * Under {@code -Doda.imageRepository}, a FROM (or a {@code COPY --from=}) that names an image of the config as
 * upstream publishes it (as its values file does), where this run does not build that image (it is up to date, or an earlier push built it): the
 * fork's images are the fork's own build of its sources, so the image is built on the fork's image of that tag when
 * the fork's registry holds it, by the digest asked, and on upstream's (a release the fork never built) only when the
 * fork's registry answers that it has none. Without it the daemon would pull upstream's tag, which a fork's
 * prerelease never has, or which holds upstream's sources, not the fork's.
 */
final class ForkBases {

    static final String FILE = "fork-bases.json";

    /**
     * One FROM, as {@link #FILE} says it.
     *
     * @param fork      the fork's image of the FROM's tag
     * @param published {@code repository@digest} the image is built on; null when the fork's registry has none, and
     *                  the daemon pulls the FROM as written
     */
    record Finding(String image, String at, String from, String fork, String published) {
    }

    record Report(List<Finding> bases) {
    }

    private final ImagesByName configImages;
    private final boolean forked;
    private final RegistryClient registry;
    private final boolean pushes;
    private final Path out;
    private final BuildLog log;
    private final Map<String, Answer> answers = new HashMap<>(); // by fork reference: each is asked once
    private final Set<String> told = new HashSet<>(); // image, line and fork reference: each is said once
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param fork   {@code -Doda.imageRepository}; without it no FROM is renamed
     * @param pushes whether this run pushes: a fork's registry that cannot be asked then stops the image
     */
    ForkBases(Resolution resolution, Optional<ImageRepository> fork, RegistryClient registry, boolean pushes,
            Path out, BuildLog log) {
        this.configImages = ImagesByName.of(resolution, fork);
        this.forked = fork.isPresent();
        this.registry = registry;
        this.pushes = pushes;
        this.out = out;
        this.log = log;
    }

    /** Whether a FROM may be renamed at all: only under {@code -Doda.imageRepository}. */
    boolean forked() {
        return forked;
    }

    /**
     * The fork's image by digest for a FROM (or {@code COPY --from=}) of {@code image} that names an image of the
     * config by upstream's name; none for any other, or when the fork's registry does not hold the tag.
     *
     * @param line      the line of the FROM or COPY in the image's Dockerfile
     * @param reference the image it names, args put in
     * @throws RegistryException when this run pushes and the fork's registry cannot be asked
     */
    synchronized Optional<String> of(ResolvedImage image, int line, String reference) {
        if (!forked) {
            return Optional.empty();
        }
        ImageReference from = ImageReference.parse(reference);
        if (!ImageTag.isDockerTag(from.reference())) {
            return Optional.empty(); // a digest names one published image; what is no tag, the daemon refuses
        }
        Optional<ImageName> fork = configImages.named(from.name()).map(ResolvedImage::image)
                // another image, or one the FROM names by the fork's name already
                .filter(f -> !f.canonical().equals(new ImageName(from.name()).canonical()));
        if (fork.isEmpty()) {
            return Optional.empty();
        }
        String forkReference = fork.get().name() + ":" + from.reference();
        String at = image.config().buildDockerfile() + ":" + line;
        Answer answer = answers.computeIfAbsent(forkReference, r -> ask(image, at, reference, fork.get(),
                from.reference(), r));
        if (told.add(image.key() + " " + at + " " + forkReference)) {
            if (answer.published().isPresent()) {
                log.info(image.key() + " is built on the fork's " + forkReference + " (" + at + " names " + reference
                        + ", which " + Setting.IMAGE_REPOSITORY + " renames): " + answer.published().get());
            } else if (answer.answered()) {
                log.info(image.key() + " is built on " + reference + " (" + at + ") as written: the fork's"
                        + " registry has no " + forkReference);
            }
            findings.add(new Finding(image.key(), at, reference, forkReference,
                    answer.published().orElse(null)));
            JsonReports.write(out, FILE, new Report(findings));
        }
        return answer.published();
    }

    /**
     * What the fork's registry said of a tag.
     *
     * @param published {@code repository@digest} when it holds the tag
     * @param answered  false when it could not say, in a run that does not push
     */
    private record Answer(Optional<String> published, boolean answered) {
    }

    private Answer ask(ResolvedImage image, String at, String from, ImageName fork, String tag,
            String forkReference) {
        Optional<RegistryClient.Manifest> manifest;
        try {
            manifest = registry.manifest(fork, tag);
        } catch (RegistryException e) {
            String why = at + ": " + image.key() + " is built on " + from + ", which " + Setting.IMAGE_REPOSITORY
                    + " renames to " + forkReference + ", but the fork's registry could not say whether it holds it ("
                    + String.join("; ", e.reasons()) + ")";
            if (pushes) {
                // built on upstream's image, it would be pushed as the fork's build of these sources
                throw new RegistryException(why + ": run this again once the registry answers", e.reasons());
            }
            log.warn(why + "; built on " + from + " as written (a run that pushes stops here)");
            return new Answer(Optional.empty(), false);
        }
        return new Answer(manifest.map(m -> fork.name() + "@" + m.digest()), true);
    }
}
