package org.odabuild.core.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.odabuild.core.Setting;
import org.odabuild.core.version.ImageRepository;

/**
 * What every goal needs to find and read the images.
 *
 * @param baseDir         the Maven project's folder (the current folder when run without a pom)
 * @param configFile      an explicit dockerbuild-config.yaml (relative to baseDir), else it is searched
 * @param repositoryRoot  an explicit repository root, else the git work tree around baseDir (else baseDir)
 * @param outputDir       where reports go ({@code target/oda})
 * @param images          {@code -Doda.images}: only these keys are resolved and validated (empty = all)
 * @param imageRepository {@code -Doda.imageRepository}: replaces the registry and namespace of every image name
 */
public record ResolveRequest(Path baseDir, Optional<Path> configFile, Optional<Path> repositoryRoot, Path outputDir,
        List<String> images, Optional<String> imageRepository) {

    public ResolveRequest {
        images = List.copyOf(images);
    }

    public ResolveRequest(Path baseDir, Optional<Path> configFile, Optional<Path> repositoryRoot, Path outputDir) {
        this(baseDir, configFile, repositoryRoot, outputDir, List.of(), Optional.empty());
    }

    /** {@link #imageRepository} read: the fork's registry and namespace that rename every image. */
    public Optional<ImageRepository> fork() {
        return imageRepository.map(r -> ImageRepository.parse(r, Setting.IMAGE_REPOSITORY.toString()));
    }

    /** The same request restricted to these image keys; an empty list keeps the current selection. */
    public ResolveRequest selecting(List<String> keys) {
        return keys.isEmpty() ? this
                : new ResolveRequest(baseDir, configFile, repositoryRoot, outputDir, keys, imageRepository);
    }
}
