package org.odabuild.core.plan;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.config.DockerBuildConfigReader;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.git.GitRepository.TreeEntry;

/**
 * Whether an image that files under its paths changed for is still built from what it was built from at the base:
 * its build context the same tree, its Dockerfile and test Dockerfile the same files, its platforms the same. Then
 * the change was a move (oda-canvas moved its operators' folders into {@code TMFOPnnn-...} ones, the config's paths
 * with them) or of files the build never reads, and the image would come out as it is: no version bump is asked
 * for it, and no release of it is built again (its tag exists, and is immutable).
 */
final class SameBuildInputs {

    private final GitRepository repo;
    private final RepoLayout layout;
    private final String base;
    private final String head;
    private final Path configFile;
    private final boolean configChanged;
    private Optional<DockerBuildConfig> baseConfig;

    /**
     * @param configChanged whether the config file differs between the base and HEAD: then each image's entry at
     *                      the base is read from the config there
     */
    SameBuildInputs(GitRepository repo, RepoLayout layout, String base, String head, Path configFile,
            boolean configChanged) {
        this.repo = repo;
        this.layout = layout;
        this.base = base;
        this.head = head;
        this.configFile = configFile;
        this.configChanged = configChanged;
    }

    /** Why the image is built from the same inputs as at the base; empty when it is not, or when that is unknown. */
    Optional<String> reason(ImageConfig now) {
        Optional<ImageConfig> atBase = configChanged ? baseConfig().flatMap(c -> c.image(now.key()))
                : Optional.of(now);
        if (atBase.isEmpty()) {
            return Optional.empty();
        }
        ImageConfig then = atBase.get();
        if (!new HashSet<>(then.platforms()).equals(new HashSet<>(now.platforms()))) {
            return Optional.empty();
        }
        Optional<TreeEntry> context = repo.entry(head, now.buildContext()).filter(TreeEntry::isFolder);
        if (context.isEmpty()
                || !context.equals(repo.entry(base, then.buildContext()).filter(TreeEntry::isFolder))
                || !sameFile(then.buildContext(), then.buildDockerfile(), now.buildContext(), now.buildDockerfile())
                || !sameTestDockerfile(then, now)) {
            return Optional.empty();
        }
        String at = base.substring(0, 7);
        return Optional.of(then.buildContext().equals(now.buildContext())
                ? "what changed under its paths is not part of its build (its build context and Dockerfile are as at"
                        + " the base " + at + ")"
                : "its build context moved from " + then.buildContext() + " with the same files, its Dockerfile the"
                        + " same, since the base " + at + ": the image would be the same");
    }

    /** The same file, or one the same tree holds at the same place of both contexts (equal already). */
    private boolean sameFile(String contextThen, String fileThen, String contextNow, String fileNow) {
        Optional<String> inThen = inside(contextThen, fileThen);
        if (inThen.isPresent() && inThen.equals(inside(contextNow, fileNow))) {
            return true;
        }
        Optional<TreeEntry> now = repo.entry(head, fileNow).filter(TreeEntry::isFile);
        return now.isPresent() && now.equals(repo.entry(base, fileThen).filter(TreeEntry::isFile));
    }

    private boolean sameTestDockerfile(ImageConfig then, ImageConfig now) {
        if (then.testDockerfile().isEmpty() || now.testDockerfile().isEmpty()) {
            return then.testDockerfile().isEmpty() && now.testDockerfile().isEmpty();
        }
        return sameFile(then.buildContext(), then.testDockerfile().get(), now.buildContext(),
                now.testDockerfile().get());
    }

    private static Optional<String> inside(String context, String file) {
        if (context.equals(".")) {
            return Optional.of(file);
        }
        return file.startsWith(context + "/") ? Optional.of(file.substring(context.length() + 1)) : Optional.empty();
    }

    /** The config at the base, read once; empty when it was not there or does not read. */
    private Optional<DockerBuildConfig> baseConfig() {
        if (baseConfig == null) {
            String name = layout.display(configFile);
            try {
                baseConfig = repo.readFile(base, name)
                        .map(text -> new DockerBuildConfigReader(layout, BuildLog.silent()).read(configFile, text));
            } catch (InvalidInputException e) {
                baseConfig = Optional.empty(); // its faults are the base's: the image counts as changed
            }
        }
        return baseConfig;
    }
}
