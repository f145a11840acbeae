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
    }
}
