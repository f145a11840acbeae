package org.odabuild.core.config;

import java.nio.file.Files;
import java.util.Locale;

/**
 * The Dockerfile of an image that names none: {@code <buildContext>/Dockerfile}, or {@code <buildContext>/dockerfile}
 * when only that one is there. The docker CLI, the daemon's classic builder and BuildKit all fall back to the
 * lowercase name (moby#10858), so a context that {@code docker build <context>} builds is built here too. Read from
 * the work tree when the config is read; a Dockerfile that no file stands for yet keeps the usual name.
 */
final class DefaultDockerfile {

    static final String NAME = "Dockerfile";

    private DefaultDockerfile() {
    }

    static String of(RepoLayout layout, String buildContext) {
        String prefix = buildContext.equals(".") ? "" : buildContext + "/";
        String usual = prefix + NAME;
        String lowercase = prefix + NAME.toLowerCase(Locale.ROOT);
        // on a case-insensitive file system "Dockerfile" exists when only "dockerfile" does; the daemon's own
        // fallback then finds the file by its real name in the archive
        return !Files.isRegularFile(layout.resolve(usual)) && Files.isRegularFile(layout.resolve(lowercase))
                ? lowercase : usual;
    }
}
