package org.odabuild.core.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The work tree's uncommitted files as the installed {@code git status} reports them, when git is installed: it
 * compares the work tree with the index in native code (100,000 files: 0.3 s, where JGit's walk in a cold JVM took
 * 1.5 s). Empty whenever it cannot answer plainly (no git, a refusal such as {@code safe.directory}, a time-out,
 * output it does not understand): the caller then walks the tree with JGit, which gives the same set.
 */
final class NativeGitStatus {

    /** Variables that would point git at another repository, index or work tree than the one asked about. */
    private static final List<String> REDIRECTING_ENV = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE",
            "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM");

    private final String executable;
    private final Duration timeout;

    NativeGitStatus(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    static NativeGitStatus installed() {
        return new NativeGitStatus("git", Duration.ofMinutes(2));
    }

    Optional<Set<String>> uncommittedFiles(Path workTree) {
        if (!Files.exists(workTree.resolve(".git"))) {
            // not a work tree's root: git would search the folders above it and could walk a whole home folder
            return Optional.empty();
        }
        Path out = null;
        try {
            out = Files.createTempFile("oda-git-status", ".z");
            // --no-optional-locks: a read must not take index.lock from the user's own git or IDE meanwhile;
            // --no-renames: a staged rename is its two files, as JGit reports it
            ProcessBuilder pb = new ProcessBuilder(executable, "--no-optional-locks", "-C", workTree.toString(),
                    "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames")
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            Map<String, String> env = pb.environment();
            REDIRECTING_ENV.forEach(env::remove);
            env.put("GIT_TERMINAL_PROMPT", "0");
            Process git = pb.start();
            git.getOutputStream().close();
            if (!git.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 ? parse(Files.readAllBytes(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git installed, or no temporary file
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file left behind costs nothing here
                }
            }
        }
    }

    /** {@code XY path} records, each ended by NUL; anything else means the output is not understood. */
    static Optional<Set<String>> parse(byte[] porcelain) {
        Set<String> files = new TreeSet<>();
        int start = 0;
        for (int i = 0; i < porcelain.length; i++) {
            if (porcelain[i] != 0) {
                continue;
            }
            if (i - start < 4 || porcelain[start + 2] != ' ') {
                return Optional.empty();
            }
            // a nested repository that is not a submodule is named as a folder, "nested/"; JGit names it "nested"
            int end = porcelain[i - 1] == '/' ? i - 1 : i;
            files.add(new String(porcelain, start + 3, end - start - 3, StandardCharsets.UTF_8));
            start = i + 1;
        }
        return start == porcelain.length ? Optional.of(files) : Optional.empty();
    }
}
