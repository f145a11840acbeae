package org.odabuild.core.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.config.DockerBuildConfigReader;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.GitRepository;

/**
 * Each image's config entry as an earlier commit had it: where its values, context and Dockerfile were then. A commit
 * that moves an image's folder or values keys changes the config with them (oda-canvas moved its operators into
 * {@code TMFOPnnn-...} folders, and {@code tmf638-service-inventory-api}'s values between
 * {@code .canvas-info-service} and {@code .canvas-info-service.serviceInventoryAPI}); read by today's entry, that
 * commit would hold nothing there. Each text of the config is parsed once.
 */
final class ConfigHistory {

    private final GitRepository repo;
    private final RepoLayout layout;
    private final Path configFile;
    private final String path;
    private final String head;
    private final boolean uncommitted;
    private final Map<String, Optional<DockerBuildConfig>> byBlob = new ConcurrentHashMap<>();
    private Optional<String> headBlob;

    /**
     * @param head        the commit checked out
     * @param uncommitted the config has uncommitted changes that the plan counts: no commit holds today's entries
     */
    ConfigHistory(GitRepository repo, RepoLayout layout, Path configFile, String head, boolean uncommitted) {
        this.repo = repo;
        this.layout = layout;
        this.configFile = configFile;
        this.path = layout.display(configFile);
        this.head = head;
        this.uncommitted = uncommitted;
    }

    /**
     * The image's entry at the base; empty when the image had none there, or the config there does not read.
     *
     * @param changed whether the config file differs between the base and now; if not, today's entries are the base's
     */
    Optional<ImageConfig> atBase(String base, boolean changed, ImageConfig now) {
        return changed ? config(base).flatMap(c -> c.image(now.key())) : Optional.of(now);
    }

    /** The image's entry at a commit; empty when the config there has none, does not read, or is not there. */
    Optional<ImageConfig> at(String commit, ImageConfig now) {
        Optional<String> blob = blob(commit);
        if (blob.isPresent() && !uncommitted && blob.equals(headBlob())) {
            return Optional.of(now);
        }
        return blob.flatMap(this::parsed).flatMap(c -> c.image(now.key()));
    }

    private Optional<DockerBuildConfig> config(String commit) {
        return blob(commit).flatMap(this::parsed);
    }

    /** The config's blob at a commit, through a link as the work tree reads it. */
    private Optional<String> blob(String commit) {
        return repo.blobIdThroughLinks(commit, path);
    }

    private synchronized Optional<String> headBlob() {
        if (headBlob == null) {
            headBlob = blob(head);
        }
        return headBlob;
    }

    private Optional<DockerBuildConfig> parsed(String blob) {
        return byBlob.computeIfAbsent(blob, b -> {
            try {
                return Optional.of(new DockerBuildConfigReader(layout, BuildLog.silent()).read(configFile,
                        repo.readBlob(b)));
            } catch (InvalidInputException e) {
                return Optional.empty(); // its faults are that commit's: the image counts as changed there
            }
        });
    }
}
