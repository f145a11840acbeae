package org.odabuild.core.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The installed git, run at a work tree's root with nothing in the environment that would point it at another
 * repository or make it read differently from JGit.
 */
final class GitProcess {

    /** Variables that would point git at another repository, index or work tree than the one asked about. */
    private static final List<String> REDIRECTING_ENV = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE",
            "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM");

    /** What a finished git said: its exit code and standard output. */
    record Result(int exitCode, byte[] output) {
    }

    private final String executable;
    private final Duration timeout;

    GitProcess(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    static GitProcess installed() {
        return new GitProcess("git", Duration.ofMinutes(2));
    }

    /**
     * Whether {@code workTree} is a work tree's root: only there is git asked, else it would search the folders above
     * and could answer for another repository (or walk a whole home folder).
     */
    static boolean isWorkTreeRoot(Path workTree) {
        return Files.exists(workTree.resolve(".git"));
    }

    /**
     * A git command at {@code workTree}; standard error is dropped (a failure shows in the exit code).
     * {@code --no-optional-locks}: a read must not take index.lock from the user's own git or IDE meanwhile.
     */
    ProcessBuilder command(Path workTree, String... args) {
        List<String> command = new ArrayList<>(List.of(executable, "--no-optional-locks", "-C", workTree.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        REDIRECTING_ENV.forEach(env::remove);
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_NO_REPLACE_OBJECTS", "1"); // JGit does not honour refs/replace: both must read the same objects
        env.put("GIT_LITERAL_PATHSPECS", "1"); // a path given is that path, never a glob, as JGit reads it
        return pb;
    }

    /**
     * Runs a git command to its end and reads its output. Empty when git could not run or did not end in time (it is
     * then ended, with any process it started).
     */
    Optional<Result> run(Path workTree, String... args) {
        return run(workTree, new byte[0], args);
    }

    /** The same, with {@code input} on git's standard input (written beside the reading: neither pipe stalls). */
    Optional<Result> run(Path workTree, byte[] input, String... args) {
        try {
            Process git = command(workTree, args).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            CompletableFuture<Void> written = input.length == 0 ? null : CompletableFuture.runAsync(() -> {
                try (var in = git.getOutputStream()) {
                    in.write(input);
                } catch (IOException e) {
                    // git ended early: its exit code tells
                }
            }, GitRepository::background);
            if (written == null) {
                git.getOutputStream().close();
            }
            AtomicBoolean late = new AtomicBoolean();
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (git.isAlive()) {
                    late.set(true);
                    end(git);
                }
            });
            byte[] out = git.getInputStream().readAllBytes(); // to the end: a pipe left unread would stall git
            int exit = git.waitFor();
            if (written != null) {
                written.join();
            }
            return late.get() ? Optional.empty() : Optional.of(new Result(exit, out));
        } catch (IOException e) {
            return Optional.empty(); // no git installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Ends a git that took too long, and what it started: a child holding the pipe would keep a reader waiting. */
    static void end(Process git) {
        git.descendants().forEach(ProcessHandle::destroyForcibly);
        git.destroyForcibly();
    }

    /** NUL-terminated records ({@code -z} output) as text; empty when the last one is cut off. */
    static Optional<List<String>> nulTerminated(byte[] output) {
        List<String> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < output.length; i++) {
            if (output[i] == 0) {
                records.add(new String(output, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return start == output.length ? Optional.of(records) : Optional.empty();
    }

    Duration timeout() {
        return timeout;
    }
}
