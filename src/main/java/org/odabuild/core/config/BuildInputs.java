package org.odabuild.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;

/**
 * The files a build of an image reads before it sends anything to the daemon: its {@code buildContext} folder, its
 * Dockerfile and its {@code testDockerfile}. Checked for every image to build before any is built, so that a missing
 * one (a pull request moved the sources but not the config entry) refuses that image with the config line instead
 * of failing part way through a build. The plan only warns: a Dockerfile that an earlier step of the build's job
 * generates need not exist yet when the plan is made, and an image to build has a job of its own that fails.
 */
public final class BuildInputs {

    private BuildInputs() {
    }

    /** Why the image cannot be built from this work tree, starting with the config line to fix; empty when it can. */
    public static Optional<String> problem(RepoLayout layout, ImageConfig image) {
        try {
            check(layout, image, "buildContext", image.buildContext(), true);
            check(layout, image, "buildDockerfile", image.buildDockerfile(), false);
            image.testDockerfile().ifPresent(t -> check(layout, image, "testDockerfile", t, false));
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void check(RepoLayout layout, ImageConfig image, String setting, String path, boolean folder) {
        String what = setting + " of image '" + image.key() + "'";
        Path resolved;
        try {
            resolved = folder ? layout.folder(path, what) : layout.file(path, what);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at(image.at(setting), e.getMessage());
        }
        if (!Files.exists(resolved)) {
            boolean written = image.settingsAt().containsKey(setting);
            throw InvalidInputException.at(image.at(setting), what + " '" + Excerpt.of(path) + "'"
                    + (written ? "" : " (the default, <buildContext>/Dockerfile or dockerfile)") + " does not exist: "
                    + (written ? "fix the path in " + image.location().file() + " or restore the "
                            + (folder ? "folder" : "file")
                            : "add the Dockerfile there or set buildDockerfile"));
        }
    }
}
