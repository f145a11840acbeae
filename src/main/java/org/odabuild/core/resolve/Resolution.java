package org.odabuild.core.resolve;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.config.BrokenImages;
import org.odabuild.core.config.ConfigLocator;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.config.DockerBuildConfigReader;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.RepositoryRoot;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.version.ImageRepository;

/**
 * The repository, its config and every selected image: the common ground of all goals. An image whose entry is
 * wrong is kept aside in {@link #broken()} so that it does not block the others; only a config file that does not
 * parse stops everything at once.
 *
 * @param images      the selected images that resolved, in config order
 * @param broken      the selected images that did not, with the reason
 * @param valuesFiles the values files read from the work tree for them, by repository-relative path
 * @param unselected  the entries a selection ({@code -Doda.images}) leaves out that resolve: a CI matrix job that
 *                    builds one image still sees what the other jobs of the same push publish
 */
public record Resolution(RepoLayout layout, DockerBuildConfig config, List<ResolvedImage> images,
        List<BrokenImage> broken, Map<String, ValuesDocument> valuesFiles, List<ResolvedImage> unselected) {

    public Resolution {
        images = List.copyOf(images);
        broken = List.copyOf(broken);
        valuesFiles = Map.copyOf(valuesFiles);
        unselected = List.copyOf(unselected);
    }

    public static Resolution of(ResolveRequest request, BuildLog log) {
        return of(request, layout(request), log);
    }

    /** With the {@link #layout} the caller has already found (the plan opens git there first). */
    public static Resolution of(ResolveRequest request, RepoLayout layout, BuildLog log) {
        DockerBuildConfig config = new DockerBuildConfigReader(layout, log)
                .read(ConfigLocator.locate(request.configFile(), request.baseDir(), layout));
        log.debug("Read " + config.images().size() + " images from " + config.file() + " (repository root "
                + layout.root() + ")");
        Set<String> selected = selection(config, request.images());
        Optional<ImageRepository> fork = request.fork();

        List<BrokenImage> broken = new ArrayList<>(config.broken().stream()
                .filter(b -> selected.isEmpty() || selected.contains(b.key())).toList());
        List<ResolvedImage> images = new ArrayList<>();
        ImageResolver resolver = new ImageResolver(layout, log);
        List<ResolvedImage> others = new ArrayList<>();
        ImageResolver quiet = resolver.quiet();
        for (ImageConfig image : config.images()) {
            if (!selected.isEmpty() && !selected.contains(image.key())) {
                // only to see whether it publishes the repository of a selected image; its faults are its own
                try {
                    others.add(renamed(quiet.resolve(image), fork));
                } catch (InvalidInputException | UncheckedIOException e) {
                    // not this run's image
                }
                continue;
            }
            try {
                images.add(renamed(resolver.resolve(image), fork));
            } catch (InvalidInputException e) {
                broken.add(new BrokenImage(image.key(), e.getMessage()));
            }
        }
        return new Resolution(layout, config, images, broken, resolver.valuesFiles(), others)
                .withBroken(SharedRepositories.among(images, others));
    }

    private static ResolvedImage renamed(ResolvedImage image, Optional<ImageRepository> fork) {
        return fork.map(f -> image.withImage(f.rename(image.image()))).orElse(image);
    }

    /** Where the repository is: the explicit root, else the git work tree around the project, else the project. */
    public static RepoLayout layout(ResolveRequest request) {
        return new RepoLayout(request.repositoryRoot()
                .map(r -> request.baseDir().resolve(r))
                .or(() -> RepositoryRoot.find(request.baseDir()))
                .orElse(request.baseDir()));
    }

    /** This resolution with more of its images set aside as broken. */
    public Resolution withBroken(List<BrokenImage> more) {
        Set<String> keys = more.stream().map(BrokenImage::key).collect(Collectors.toSet());
        List<BrokenImage> all = new ArrayList<>(broken);
        all.addAll(more);
        return new Resolution(layout, config, images.stream().filter(i -> !keys.contains(i.key())).toList(), all,
                valuesFiles, unselected);
    }

    /** This resolution, or the error listing every broken image; for goals that need all selected images. */
    public Resolution requireAll() {
        if (!broken.isEmpty()) {
            throw BrokenImages.error(broken);
        }
        return this;
    }

    private static Set<String> selection(DockerBuildConfig config, List<String> keys) {
        Set<String> known = new LinkedHashSet<>(config.images().stream().map(ImageConfig::key).toList());
        config.broken().forEach(b -> known.add(b.key()));
        List<String> unknown = keys.stream().filter(k -> !known.contains(k)).toList();
        if (!unknown.isEmpty()) {
            List<String> hints = unknown.stream().map(k -> ImageKeyHint.of(k, config.images(), known))
                    .flatMap(Optional::stream).toList();
            throw new InvalidInputException(Setting.IMAGES + " names unknown image(s) " + unknown
                    + (hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")") + ": known images are " + known);
        }
        return new LinkedHashSet<>(keys);
    }
}
