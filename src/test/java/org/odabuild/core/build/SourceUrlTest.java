package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.TestGit;

/** The image's source label: the origin URL without credentials, else the folder's name. */
class SourceUrlTest {

    @TempDir
    Path dir;

    @Test
    void credentialsNeverReachTheLabel() throws Exception {
        TestGit git = TestGit.init(dir.resolve("canvas"));
        git.write("a.txt", "a\n").commit("a");
        assertThat(SourceUrl.of(git.root())).isEqualTo("canvas");
        StoredConfig config = git.git().getRepository().getConfig();
        config.setString("remote", "origin", "url", "https://x-access-token:ghs_secret@github.com/tmforum/oda.git");
        config.save();
        assertThat(SourceUrl.of(git.root())).isEqualTo("https://github.com/tmforum/oda.git");
        config.setString("remote", "origin", "url", "https://gitlab-ci-token:glcbt-64_x%40y@gitlab.com/oda/canvas.git");
        config.save();
        assertThat(SourceUrl.of(git.root())).isEqualTo("https://gitlab.com/oda/canvas.git");
        config.setString("remote", "origin", "url", "ssh://deploy:secret@git.example.com:2222/oda/canvas.git");
        config.save();
        assertThat(SourceUrl.of(git.root())).isEqualTo("ssh://git.example.com:2222/oda/canvas.git");
        // scp-like: a user name, no secret; kept as buildx's label keeps it
        config.setString("remote", "origin", "url", "git@github.com:tmforum/oda.git");
        config.save();
        assertThat(SourceUrl.of(git.root())).isEqualTo("git@github.com:tmforum/oda.git");
    }
}
