package org.odabuild.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;

/** Finds dockerbuild-config.yaml: the explicit one, else beside the pom, else where oda-canvas keeps it. */
public final class ConfigLocator {

    public static final String FILE_NAME = "dockerbuild-config.yaml";
    /** oda-canvas' location, relative to the repository root. */
    public static final String ODA_CANVAS_LOCATION = "automation/generators/dockerbuild-workflow-generator/" + FILE_NAME;

    private ConfigLocator() {
    }

    public static Path locate(Optional<Path> explicit, Path baseDir, RepoLayout layout) {
        if (explicit.isPresent()) {
            Path file = baseDir.resolve(explicit.get()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(Setting.CONFIG + " points to " + file + ", which "
                        + (Files.isDirectory(file) ? "is a folder, not the file" : "does not exist") + ": fix "
                        + Setting.CONFIG.set("<path>"));
            }
            return file;
        }
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(baseDir.resolve(FILE_NAME));
        candidates.add(layout.resolve(FILE_NAME));
        candidates.add(baseDir.resolve(ODA_CANVAS_LOCATION));
        candidates.add(layout.resolve(ODA_CANVAS_LOCATION));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize();
            }
        }
        throw new InvalidInputException("no " + FILE_NAME + " found; looked at " + candidates
                + ": create one or pass " + Setting.CONFIG.set("<path>"));
    }
}
