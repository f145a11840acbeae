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
            return insideWhenInside(file, layout);
        }
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(baseDir.resolve(FILE_NAME));
        candidates.add(layout.resolve(FILE_NAME));
        candidates.add(baseDir.resolve(ODA_CANVAS_LOCATION));
        candidates.add(layout.resolve(ODA_CANVAS_LOCATION));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return insideWhenInside(candidate.normalize(), layout);
            }
        }
        throw new InvalidInputException("no " + FILE_NAME + " found; looked at " + candidates
                + ": create one or pass " + Setting.CONFIG.set("<path>"));
    }

    /**
     * A config file of the repository must stay in it: a committed link to a file of the CI runner would otherwise be
     * read, and a YAML error shows the line it stops at. A path outside the repository is the user's own choice.
     */
    private static Path insideWhenInside(Path file, RepoLayout layout) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(layout.root())) {
            layout.inside(layout.root().relativize(absolute).toString(), "the config file");
        }
        return file;
    }
}
