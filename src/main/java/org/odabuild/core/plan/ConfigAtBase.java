package org.odabuild.core.plan;

import java.nio.file.Path;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.config.DockerBuildConfigReader;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.GitRepository;

/**
 * Each image's config entry as the base commit had it: where its values, context and Dockerfile were then. A commit
 * that moves an image's folder or values keys changes the config with them (oda-canvas moved its operators into
 * {@code TMFOPnnn-...} folders, and {@code tmf638-service-inventory-api}'s values between
 * {@code .canvas-info-service} and {@code .canvas-info-service.serviceInventoryAPI}); read by today's entry, the
 * base would hold nothing there.
 */
final class ConfigAtBase {

    private final GitRepository repo;
    private final RepoLayout layout;
    private final String base;
    private final Path configFile;
    private final boolean changed;
    private Optional<DockerBuildConfig> config;

    /** @param changed whether the config file differs between the base and now; if not, today's entries are the base's */
    ConfigAtBase(GitRepository repo, RepoLayout layout, String base, Path configFile, boolean changed) {
        this.repo = repo;
        this.layout = layout;
        this.base = base;
        this.configFile = configFile;
        this.changed = changed;
    }

    /** The image's entry at the base; empty when the image had none there, or the config there does not read. */
    Optional<ImageConfig> entry(ImageConfig now) {
        return changed ? config().flatMap(c -> c.image(now.key())) : Optional.of(now);
    }

    private synchronized Optional<DockerBuildConfig> config() {
        if (config == null) {
            try {
                config = repo.readFile(base, layout.display(configFile))
                        .map(text -> new DockerBuildConfigReader(layout, BuildLog.silent()).read(configFile, text));
            } catch (InvalidInputException e) {
                config = Optional.empty(); // its faults are the base's: the image counts as changed
            }
        }
        return config;
    }
}
