package org.odabuild.core.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/** Opens JGit repositories, with the settings a short-lived build process wants: the one place JGit is set up. */
public final class JGitRepositories {

    private JGitRepositories() {
    }

    /**
     * @param mustExist whether a work tree without a repository is an error (else JGit describes one that does not
     *                  exist, e.g. to read an absent config)
     */
    public static Repository open(Path workTree, boolean mustExist) throws IOException {
        // JGit measures a file system's timestamp resolution on its first use there (about 3 s) and keeps the result
        // in ~/.config/jgit/config; a fresh CI machine has none, so the first git read of every job waited for it.
        // In the background JGit waits at most 100 ms, then goes on with its safe fallback (a 2 s resolution: files
        // changed that recently are compared by content), and saves the measurement if the process lives that long.
        FS.FileStoreAttributes.setBackground(true);
        return new FileRepositoryBuilder().setWorkTree(workTree.toFile()).setMustExist(mustExist).build();
    }
}
