package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.TestGit;

/** The origin URL reads the same through the installed git and through JGit, set or not, repository or not. */
class OriginUrlTest {

    @TempDir
    Path dir;

    private final GitProcess noGit = new GitProcess("/no/such/git", Duration.ofSeconds(5));

    @Test
    void setUnsetAndNoRepository() throws Exception {
        TestGit git = TestGit.init(dir.resolve("repo"));
        git.write("a.txt", "a\n").commit("a");
        assertThat(OriginUrl.of(git.root())).isEmpty();
        assertThat(OriginUrl.of(noGit, git.root())).isEmpty();

        StoredConfig config = git.git().getRepository().getConfig();
        config.setString("remote", "origin", "url", "https://user:token@example.org/team/repo.git");
        config.save();
        assertThat(OriginUrl.of(git.root())).contains("https://user:token@example.org/team/repo.git");
        assertThat(OriginUrl.of(noGit, git.root())).isEqualTo(OriginUrl.of(git.root()));

        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThat(OriginUrl.of(plain)).isEmpty();
        assertThat(OriginUrl.of(noGit, plain)).isEmpty();
    }
}
