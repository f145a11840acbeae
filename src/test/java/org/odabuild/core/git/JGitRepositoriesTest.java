package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.TestGit;

class JGitRepositoriesTest {

    @TempDir
    Path dir;

    /**
     * On a machine without ~/.config/jgit/config (every fresh CI runner) JGit's first read of a repository measured
     * the file system for about 3 s before answering; measured in the background, it waits at most 100 ms. JGit keeps
     * the switch in a private field: this test reads it (and fails loudly if a JGit upgrade moves it).
     */
    @Test
    void jgitMeasuresTheFileSystemInTheBackgroundNotBeforeTheFirstRead() throws Exception {
        Field background = FS.FileStoreAttributes.class.getDeclaredField("background");
        background.setAccessible(true);
        AtomicBoolean flag = (AtomicBoolean) background.get(null);
        flag.set(false);
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            git.write("a.txt", "a\n").commit("base");
            try (Repository repo = JGitRepositories.open(git.root(), true)) {
                assertThat(repo.getWorkTree().toPath()).isEqualTo(git.root().toFile().toPath());
            }
        }
        assertThat(flag.get()).isTrue();
    }
}
