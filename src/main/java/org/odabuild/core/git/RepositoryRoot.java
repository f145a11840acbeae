package org.odabuild.core.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the work tree of the git repository a project sits in (the project may be a subfolder). */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /**
     * The nearest folder at or above {@code dir} that holds {@code .git}: a folder in a clone, a file in a linked
     * worktree or a submodule. Empty when {@code dir} is not inside a git work tree.
     */
    public static Optional<Path> find(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
