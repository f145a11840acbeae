package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.Skip;
import org.odabuild.testing.TestGit;

/**
 * A partial clone (CI's {@code actions/checkout} with {@code filter: blob:none}) holds only its tip's blobs: the
 * merge-base's values file is fetched when the plan reads it, by git alone. Without git, or when the fetch fails, the
 * error says what the clone is and what helps, instead of JGit's bare "Missing unknown <id>".
 */
class PartialCloneTest {

    @TempDir
    Path dir;

    private String base;
    private Path clone;

    @BeforeEach
    void partialCloneOfAFeatureBranch() {
        if (!TestGit.gitInstalled()) {
            Skip.because("no git executable on the PATH to make a partial clone", ".ci/run installs git");
        }
        TestGit origin = TestGit.init(dir.resolve("origin"));
        origin.write("values.yaml", "version: 1.0.0\n").write("app.js", "1\n");
        base = origin.commit("release");
        origin.write("values.yaml", "version: 1.0.1\nprereleaseSuffix: x\n");
        origin.commit("prerelease");
        clone = dir.resolve("clone");
        origin.partialClone(clone, "main").close();
        origin.close();
    }

    @Test
    void theInstalledGitFetchesWhatTheCloneLeftOut() {
        try (GitRepository repo = GitRepository.open(clone)) {
            assertThat(repo.readFile(base, "values.yaml")).contains("version: 1.0.0\n");
        }
    }

    @Test
    void withoutGitTheErrorNamesThePartialCloneAndWhatHelps() {
        try (GitRepository repo = GitRepository.open(clone, missingGit())) {
            assertThatThrownBy(() -> repo.readFile(base, "values.yaml")).isInstanceOf(GitException.class)
                    .hasMessageStartingWith("git could not read values.yaml at " + base)
                    .hasMessageContaining("this is a partial clone")
                    .hasMessageContaining("only the git executable fetches them, which is not on the PATH: install"
                            + " git, or clone without --filter");
            // what the clone holds reads as ever
            assertThat(repo.readFile(repo.head().id(), "app.js")).contains("1\n");
        }
    }

    @Test
    void aFetchThatFailsIsSaidWithTheRemoteItAsked() {
        Fixtures.deleteTree(dir.resolve("origin"));
        try (GitRepository repo = GitRepository.open(clone)) {
            assertThatThrownBy(() -> repo.readFile(base, "values.yaml")).isInstanceOf(GitException.class)
                    .hasMessageContaining("this is a partial clone (objects that git clone --filter left out are"
                            + " fetched from origin when needed) and git could not fetch this one: check the network"
                            + " and the credentials for origin, or clone without --filter");
        }
    }

    @Test
    void aMissingObjectInAFullCloneKeepsGitsOwnWords() {
        Config full = new Config();
        full.setString("remote", "origin", "url", "https://example.org/x.git");
        assertThat(PartialClone.remedy(new MissingObjectException(ObjectId.zeroId(), "blob"), full,
                false)).isEmpty();
    }

    private GitProcess missingGit() {
        return new GitProcess(dir.resolve("no-such-git").toString(), Duration.ofSeconds(5));
    }
}
