package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.testing.Skip;
import org.odabuild.testing.TestGit;

/**
 * The uncommitted files come from the installed git when there is one and from JGit's walk otherwise: both must name
 * the same files in every state a work tree can be in, and the native path must step aside whenever it cannot answer.
 */
class UncommittedFilesTest {

    @TempDir
    Path dir;

    private TestGit git;

    @BeforeEach
    void repository() {
        if (!TestGit.gitInstalled()) {
            Skip.because("no git executable on the PATH", ".ci/run installs git");
        }
        git = TestGit.init(dir.resolve("repo"));
        git.write(".gitignore", "build/\n*.log\n");
        git.write("src/a.txt", "a\n").write("src/b.txt", "b\n").write("src/run.sh", "echo\n").write("docs/c.md", "c\n")
                .write("values.yaml", "v: 1\n");
        git.commit("base");
    }

    private Set<String> bothAgree() {
        try (GitRepository repo = GitRepository.open(git.root())) {
            Set<String> jgit = repo.uncommittedFilesByJGit();
            Optional<Set<String>> nativeGit = NativeGitStatus.installed().uncommittedFiles(git.root());
            assertThat(nativeGit).as("the installed git answers").isPresent();
            assertThat(nativeGit.get()).as("native git status vs JGit's").isEqualTo(jgit);
            assertThat(GitRepository.uncommittedFilesAsync(git.root(), CompletableFuture.completedFuture(repo))
                    .join()).isEqualTo(jgit);
            return jgit;
        }
    }

    @Test
    void aCleanTreeHasNone() {
        git.write("build/out.bin", "ignored").write("x.log", "ignored");
        assertThat(bothAgree()).isEmpty();
    }

    @Test
    void everyKindOfChangeIsNamedOnce() throws Exception {
        Git jgit = git.git();
        git.write("src/a.txt", "changed\n"); // modified, not staged
        git.write("src/new.txt", "new\n");
        jgit.add().addFilepattern("src/new.txt").call(); // added
        git.write("values.yaml", "v: 2\n");
        jgit.add().addFilepattern("values.yaml").call();
        git.write("values.yaml", "v: 3\n"); // staged, then changed again
        git.delete("docs/c.md"); // missing
        jgit.rm().addFilepattern("src/b.txt").setCached(true).call(); // removed from the index, left as untracked
        git.write("deep/er/still/u.txt", "untracked\n");
        git.write("with space/ä ö 日本.txt", "unicode\n");
        git.write("odd/new\nline \"quoted\" \\ tab\t.txt", "a name git quotes outside -z\n");
        git.write("build/ignored.txt", "ignored\n");
        Files.setPosixFilePermissions(git.root().resolve("src/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(bothAgree()).containsExactlyInAnyOrder("src/a.txt", "src/new.txt", "values.yaml", "docs/c.md",
                "src/b.txt", "deep/er/still/u.txt", "with space/ä ö 日本.txt", "src/run.sh",
                "odd/new\nline \"quoted\" \\ tab\t.txt");
    }

    @Test
    void aStagedRenameIsItsTwoFiles() throws Exception {
        Files.move(git.root().resolve("src/a.txt"), git.root().resolve("src/renamed.txt"));
        git.git().add().addFilepattern("src/renamed.txt").call();
        git.git().rm().addFilepattern("src/a.txt").call();

        assertThat(bothAgree()).containsExactlyInAnyOrder("src/a.txt", "src/renamed.txt");
    }

    @Test
    void aMergeConflictIsNamed() throws Exception {
        git.branch("other").write("src/a.txt", "theirs\n").commit("theirs");
        git.checkout("main").write("src/a.txt", "ours\n").commit("ours");
        MergeResult merge = git.git().merge().include(git.git().getRepository().resolve("other")).setCommit(false)
                .call();
        assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);

        assertThat(bothAgree()).containsExactly("src/a.txt");
    }

    @Test
    void aNestedRepositoryIsNamedAsItsFolder() {
        TestGit.init(git.root().resolve("nested")).write("n.txt", "n\n").commit("nested");
        assertThat(bothAgree()).containsExactly("nested");
    }

    @Test
    void anUntrackedFolderIsNamedFileByFile() {
        git.write("new/y.txt", "y\n").write("new/deeper/still/x.txt", "x\n");
        git.write("we*ird[1]/:(top)x/f.txt", "a folder name git would read as a pattern\n");
        git.write("only-ignored/a.log", "ignored\n").write("only-ignored/build/b.txt", "ignored\n");
        git.write("mixed/a.log", "ignored\n").write("mixed/keep.txt", "k\n");
        git.write("src/untracked-in-a-tracked-folder.txt", "u\n");
        TestGit.init(git.root().resolve("fresh/nested")).write("n.txt", "n\n").commit("nested");
        git.write("fresh/f.txt", "f\n");

        Set<String> expected = Set.of("new/y.txt", "new/deeper/still/x.txt", "we*ird[1]/:(top)x/f.txt",
                "mixed/keep.txt", "src/untracked-in-a-tracked-folder.txt", "fresh/nested", "fresh/f.txt");
        assertThat(bothAgree()).isEqualTo(expected);
        // more folders than a command line should carry: one walk of the whole tree instead, the same files
        assertThat(new NativeGitStatus("git", Duration.ofSeconds(30), 1).uncommittedFiles(git.root()))
                .contains(expected);
    }

    @Test
    void theUntrackedCacheOfTheUsersOwnStatusServesIt() throws Exception {
        git.write("cached/old.txt", "o\n");
        runGit("config", "core.untrackedCache", "true");
        runGit("update-index", "--untracked-cache");
        runGit("status"); // the user's own status, in its default mode, fills the cache and writes it to the index
        runGit("status");
        git.write("cached/new.txt", "n\n").write("src/new.txt", "n\n"); // after the cache was written

        Path trace = dir.resolve("trace2.txt");
        Path traced = dir.resolve("traced-git");
        Files.writeString(traced, "#!/bin/sh\nGIT_TRACE2_PERF='" + trace + "' exec git \"$@\"\n");
        Files.setPosixFilePermissions(traced, PosixFilePermissions.fromString("rwx------"));
        assertThat(new NativeGitStatus(traced.toString(), Duration.ofSeconds(30)).uncommittedFiles(git.root()))
                .contains(Set.of("cached/old.txt", "cached/new.txt", "src/new.txt"));
        // git reports the untracked cache's work (folders invalidated, opened) only when its status used the cache
        assertThat(Files.readString(trace)).contains("directory-invalidation:").contains("opendir:");
        assertThat(bothAgree()).containsExactlyInAnyOrder("cached/old.txt", "cached/new.txt", "src/new.txt");
    }

    private void runGit(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C",
                git.root().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s", String.join(" ", args)).isZero();
    }

    @Test
    void withoutAnAnswerTheCallerWalksTheTreeItself() throws Exception {
        git.write("src/a.txt", "changed\n");
        NativeGitStatus missing = new NativeGitStatus(dir.resolve("no-such-git").toString(), Duration.ofSeconds(5));
        assertThat(missing.uncommittedFiles(git.root())).isEmpty();
        // git refuses a folder that is no repository (as it refuses one another user owns: safe.directory)
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.createDirectories(plain.resolve(".git"));
        assertThat(NativeGitStatus.installed().uncommittedFiles(plain)).isEmpty();
        // a folder inside a work tree is not asked about: git would answer for the repository above it
        assertThat(NativeGitStatus.installed().uncommittedFiles(git.root().resolve("src"))).isEmpty();

        Path slow = dir.resolve("slow-git");
        Files.writeString(slow, "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
        long start = System.nanoTime();
        assertThat(new NativeGitStatus(slow.toString(), Duration.ofMillis(300)).uncommittedFiles(git.root()))
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theInstalledGitDoesNotWaitForJGitsRepositoryAndJGitsWalkDoes() throws Exception {
        git.write("src/a.txt", "changed\n");
        CompletableFuture<GitRepository> never = new CompletableFuture<>();
        assertThat(GitRepository.uncommittedFilesAsync(git.root(), never).get(30, TimeUnit.SECONDS))
                .containsExactly("src/a.txt");

        // where git declines to answer (here: not a work tree's root), JGit's walk runs once the repository is open
        CompletableFuture<GitRepository> opening = new CompletableFuture<>();
        CompletableFuture<Set<String>> walked = GitRepository.uncommittedFilesAsync(git.root().resolve("src"),
                opening);
        Thread.sleep(200);
        assertThat(walked).isNotDone();
        try (GitRepository repo = GitRepository.open(git.root())) {
            opening.complete(repo);
            assertThat(walked.get(30, TimeUnit.SECONDS)).containsExactly("src/a.txt");
        }
    }

    @Test
    void outputItDoesNotUnderstandIsNoAnswer() {
        assertThat(NativeGitStatus.parse(bytes(" M a.txt\0?? b c\0"))).contains(Set.of("a.txt", "b c"));
        assertThat(NativeGitStatus.parse(bytes(""))).contains(Set.of());
        assertThat(NativeGitStatus.parse(bytes("On branch main\n"))).isEmpty();
        assertThat(NativeGitStatus.parse(bytes(" M a.txt"))).as("cut off before its NUL").isEmpty();
        assertThat(NativeGitStatus.parse(bytes("M\0"))).isEmpty();
        assertThat(NativeGitStatus.parse(bytes("MM_a.txt\0"))).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
