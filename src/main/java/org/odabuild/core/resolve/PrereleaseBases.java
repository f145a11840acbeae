package org.odabuild.core.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.dockerfile.BaseImages;
import org.odabuild.core.dockerfile.ImageReference;
import org.odabuild.core.version.ImageRepository;
import org.odabuild.core.version.ImageTag;

/**
 * A Dockerfile of an image of the config built {@code FROM} another image of the config by a prerelease tag
 * ({@code FROM tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9}): written on a feature branch to build on the
 * branch's base image, it must not reach the release branch, where the release would stand on a tag that the next
 * push of that branch overwrites. {@code check-no-prerelease} fails on it, {@code release-prep} writes the
 * base's release tag there, and the plan refuses a release built on it.
 */
public final class PrereleaseBases {

    /**
     * One such FROM.
     *
     * @param dockerfile the Dockerfile, repository-relative
     * @param line       the FROM's line
     * @param base       the image of the config it names
     * @param reference  {@code name:tag} as the FROM names it, args put in
     * @param written    whether the FROM line holds that text itself (not through an ARG)
     */
    public record Base(String dockerfile, int line, ResolvedImage base, String reference, boolean written) {

        /** The tag's suffix, as check-no-prerelease lists it. */
        public String suffix() {
            String tag = ImageReference.parse(reference).reference();
            return tag.substring(tag.indexOf('-') + 1);
        }

        /** The same name with the base's release version, which release-prep writes. */
        public String release() {
            return ImageReference.parse(reference).name() + ":" + base.version();
        }
    }

    private PrereleaseBases() {
    }

    /** Every such FROM in the build and test Dockerfiles of the resolved images, each Dockerfile read once. */
    public static List<Base> all(Resolution resolution, Optional<ImageRepository> fork) {
        return of(resolution, fork, resolution.images());
    }

    /** Every such FROM in the build and test Dockerfiles of these images of the resolution. */
    public static List<Base> of(Resolution resolution, Optional<ImageRepository> fork, List<ResolvedImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        ImagesByName byName = ImagesByName.of(resolution, fork);
        Set<String> dockerfiles = new LinkedHashSet<>();
        images.forEach(i -> {
            dockerfiles.add(i.config().buildDockerfile());
            i.config().testDockerfile().ifPresent(dockerfiles::add);
        });
        List<Base> found = new ArrayList<>();
        for (String dockerfile : dockerfiles) {
            Optional<String> text = read(resolution, dockerfile);
            if (text.isEmpty()) {
                continue;
            }
            List<String> lines = text.get().lines().toList();
            for (BaseImages.From from : BaseImages.of(text.get())) {
                ImageReference ref = ImageReference.parse(from.image());
                if (!ImageTag.namesPrerelease(ref.reference())) {
                    continue; // a release, latest, a digest
                }
                byName.named(ref.name()).ifPresent(base -> found.add(new Base(dockerfile, from.line(), base, from.image(),
                                from.line() <= lines.size() && lines.get(from.line() - 1).contains(from.image()))));
            }
        }
        return found;
    }

    /** The Dockerfile's text; none when it is missing or cannot be read (the build says so with its config line). */
    private static Optional<String> read(Resolution resolution, String dockerfile) {
        try {
            Path path = resolution.layout().file(dockerfile, "Dockerfile");
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (InvalidInputException | IOException e) {
            return Optional.empty();
        }
    }
}
