package org.odabuild.core.plan;

import java.util.HashSet;
import java.util.Optional;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.git.GitRepository.TreeEntry;

/**
 * Whether an image that files under its paths changed for is still built from what it was built from at the base:
 * its build context the same tree, its Dockerfile and test Dockerfile the same files (and the ignore files beside them,
 * BuildKit's {@code op-dockerfile.dockerignore}, which pick what the build sends), its platforms the same. Then
 * the change was a move (oda-canvas moved its operators' folders into {@code TMFOPnnn-...} ones, the config's paths
 * with them) or of files the build never reads, and the image would come out as it is: no version bump is asked
 * for it, and no release of it is built again (its tag exists, and is immutable).
 */
final class SameBuildInputs {

    private final GitRepository repo;
    private final String base;
    private final String head;

    SameBuildInputs(GitRepository repo, String base, String head) {
        this.repo = repo;
        this.base = base;
        this.head = head;
    }

    /**
     * Why the image is built from the same inputs as at the base; empty when it is not.
     *
     * @param then the image's config entry at the base ({@link ConfigHistory})
     */
    Optional<String> reason(ImageConfig then, ImageConfig now) {
        if (!new HashSet<>(then.platforms()).equals(new HashSet<>(now.platforms()))) {
            return Optional.empty();
        }
        Optional<TreeEntry> context = repo.entry(head, now.buildContext()).filter(TreeEntry::isFolder);
        if (context.isEmpty()
                || !context.equals(repo.entry(base, then.buildContext()).filter(TreeEntry::isFolder))
                || !sameDockerfile(then.buildContext(), then.buildDockerfile(), now.buildContext(),
                        now.buildDockerfile())
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

    /**
     * The same Dockerfile, and beside it the same own ignore file or none: outside the context, where the context's
     * tree does not hold it, that file alone decides which files of the context are sent.
     */
    private boolean sameDockerfile(String contextThen, String fileThen, String contextNow, String fileNow) {
        String ignore = ".dockerignore";
        return sameFile(contextThen, fileThen, contextNow, fileNow)
                && (sameFile(contextThen, fileThen + ignore, contextNow, fileNow + ignore)
                        || sameAbsence(fileThen + ignore, fileNow + ignore));
    }

    /** Neither commit has anything at its path. */
    private boolean sameAbsence(String pathThen, String pathNow) {
        return repo.entry(head, pathNow).isEmpty() && repo.entry(base, pathThen).isEmpty();
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
        return sameDockerfile(then.buildContext(), then.testDockerfile().get(), now.buildContext(),
                now.testDockerfile().get());
    }

    private static Optional<String> inside(String context, String file) {
        if (context.equals(".")) {
            return Optional.of(file);
        }
        return file.startsWith(context + "/") ? Optional.of(file.substring(context.length() + 1)) : Optional.empty();
    }
}
