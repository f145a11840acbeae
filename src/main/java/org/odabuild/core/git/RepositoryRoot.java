package org.odabuild.core.git;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Finds the work tree of the git repository a project sits in (the project may be a subfolder). */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The work tree containing {@code dir}, or empty when {@code dir} is not inside a git repository. */
    public static Optional<Path> find(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        File gitDir = builder.getGitDir();
        if (gitDir == null) {
            return Optional.empty();
        }
        File parent = gitDir.getAbsoluteFile().getParentFile();
        // a ".git" folder sits in its work tree; a bare repository or worktree file is not handled here
        return Optional.ofNullable(parent).map(File::toPath).map(Path::normalize);
    }
}
