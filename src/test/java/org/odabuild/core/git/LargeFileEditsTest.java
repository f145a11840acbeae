package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.TestGit;

/** A large binary file in a commit (a tarball, a model) is a change without line edits, never a crash. */
class LargeFileEditsTest {

    @TempDir
    Path dir;

    @Test
    void aLargeBinaryFileIsAChangeWithoutLinesAndIsNotReadIntoMemory() throws Exception {
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            git.write("values.yaml", "op:\n  prereleaseSuffix: x\n");
            String base = git.commit("base");
            byte[] big = new byte[9 << 20];
            new Random(1).nextBytes(big);
            Files.write(git.root().resolve("data.bin"), big);
            git.write("values.yaml", "op:\n  prereleaseSuffix:\n");
            String head = git.commit("a suffix cleared, and a large file");
            try (GitRepository repo = GitRepository.open(git.root())) {
                var edits = repo.edits(base, head);
                assertThat(edits).hasSize(2);
                var data = edits.stream().filter(e -> e.path().equals("data.bin")).findFirst().orElseThrow();
                assertThat(data.edits()).isEmpty();
                assertThat(data.newLines()).isEmpty();
                var values = edits.stream().filter(e -> e.path().equals("values.yaml")).findFirst().orElseThrow();
                assertThat(values.edits()).isNotEmpty();
                assertThat(values.newLines()).contains("  prereleaseSuffix:");
            }
        }
    }

    @Test
    void aFileMentionsTextOnlyUpToTheSizeThatHasLineEdits() throws Exception {
        try (TestGit git = TestGit.init(dir.resolve("mentions"))) {
            git.write("values.yaml", "op:\n  prereleaseSuffix: x\n");
            byte[] big = ("prereleaseSuffix: x\n" + "a".repeat(9 << 20)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(git.root().resolve("big.yaml"), big);
            String commit = git.commit("base");
            try (GitRepository repo = GitRepository.open(git.root())) {
                assertThat(repo.mentions(commit, "values.yaml", "rereleaseSuffix")).isTrue();
                assertThat(repo.mentions(commit, "values.yaml", "version")).isFalse();
                assertThat(repo.mentions(commit, "big.yaml", "rereleaseSuffix")).as("no line edits at this size")
                        .isFalse();
                assertThat(repo.mentions(commit, "missing.yaml", "rereleaseSuffix")).isFalse();
                assertThat(repo.changedFiles(null, commit)).containsExactly("big.yaml", "values.yaml");
            }
        }
    }
}
