package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.TestGit;

/** Links followed at a commit as the work tree follows them, and only inside the repository. */
class LinkedPathTest {

    @TempDir
    Path dir;

    @Test
    void linksAreFollowedInsideTheRepositoryOnlyAndNeverInALoop() throws Exception {
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            Path root = git.root();
            git.write("charts/shared/values.yaml", "v: 1\n").write("plain.yaml", "p: 1\n");
            Files.createDirectories(root.resolve("charts/c"));
            Files.createSymbolicLink(root.resolve("charts/c/values.yaml"), Path.of("../shared/values.yaml"));
            Files.createSymbolicLink(root.resolve("charts/d"), Path.of("c"));           // a folder, to a link
            Files.createSymbolicLink(root.resolve("outside.yaml"), Path.of("../outside/values.yaml"));
            Files.createSymbolicLink(root.resolve("absolute.yaml"), Path.of("/etc/hostname"));
            Files.createSymbolicLink(root.resolve("loop-a"), Path.of("loop-b"));
            Files.createSymbolicLink(root.resolve("loop-b"), Path.of("loop-a"));
            // 40 such links of 800 parts each would be 32,000 questions to git: given up after 512 parts
            Files.createSymbolicLink(root.resolve("long"), Path.of("charts/../".repeat(400) + "charts/c/values.yaml"));
            String commit = git.commit("links");
            try (GitRepository repo = GitRepository.open(root)) {
                assertThat(repo.resolveLinks(commit, "plain.yaml")).contains("plain.yaml");
                assertThat(repo.resolveLinks(commit, "charts/c/values.yaml")).contains("charts/shared/values.yaml");
                assertThat(repo.readFileThroughLinks(commit, "charts/d/values.yaml")).contains("v: 1\n");
                assertThat(repo.readFile(commit, "charts/c/values.yaml")).as("the link's own text")
                        .contains("../shared/values.yaml");
                assertThat(repo.blobIdThroughLinks(commit, "charts/d/values.yaml"))
                        .isEqualTo(repo.blobId(commit, "charts/shared/values.yaml")).isPresent();
                assertThat(repo.blobIdThroughLinks(commit, "charts/d")).as("a folder is no file").isEmpty();
                assertThat(repo.resolveLinks(commit, "outside.yaml")).isEmpty();
                assertThat(repo.resolveLinks(commit, "absolute.yaml")).isEmpty();
                assertThat(repo.resolveLinks(commit, "loop-a/x.yaml")).isEmpty();
                assertThat(repo.resolveLinks(commit, "long")).isEmpty();
                assertThat(repo.resolveLinks(commit, "charts/none/values.yaml")).isEmpty();
            }
        }
    }
}
