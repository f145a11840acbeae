package org.odabuild.core.resolve;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What every goal needs to find and read the images.
 *
 * @param baseDir        the Maven project's folder
 * @param configFile     an explicit dockerbuild-config.yaml (relative to baseDir), else it is searched
 * @param repositoryRoot an explicit repository root, else the git work tree around baseDir (else baseDir)
 * @param outputDir      where reports go ({@code target/oda})
 */
public record ResolveRequest(Path baseDir, Optional<Path> configFile, Optional<Path> repositoryRoot, Path outputDir) {
}
