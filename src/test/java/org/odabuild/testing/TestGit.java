package org.odabuild.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temp folder, driven through JGit, with a fluent API for tests. */
public final class TestGit implements AutoCloseable {

    private static final PersonIdent ME = new PersonIdent("oda-test", "oda-test@example.org");

    private final Git git;
    private final Path root;
    private final boolean removeOnClose;

    private TestGit(Git git, Path root, boolean removeOnClose) {
        this.git = git;
        this.root = root;
        this.removeOnClose = removeOnClose;
    }

    public static TestGit init(Path root) {
        return init(root, false);
    }

    /**
     * A repository in a new temporary folder, removed on {@link #close}: for jqwik's tries, which have no
     * {@code @TempDir}.
     */
    public static TestGit temporary(String prefix) {
        try {
            return init(Files.createTempDirectory(prefix), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestGit init(Path root, boolean removeOnClose) {
        try {
            return new TestGit(Git.init().setDirectory(root.toFile()).setInitialBranch("main").call(), root,
                    removeOnClose);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a git executable is on the PATH (the tests comparing it with JGit need one; CI installs it). */
    public static boolean gitInstalled() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public Path root() {
        return root;
    }

    public Git git() {
        return git;
    }

    public TestGit write(String path, String content) {
        Fixtures.write(root, path, content);
        return this;
    }

    /** A file of the working tree as it is now. */
    public String read(String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestGit delete(String path) {
        try {
            Files.delete(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything (deletions too) and commits; returns the new commit's id. */
    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            RevCommit c = git.commit().setMessage(message).setAuthor(ME).setCommitter(ME).setSign(false).call();
            return c.getName();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestGit branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestGit checkout(String name) {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestGit detach() {
        try {
            git.checkout().setName(git.getRepository().resolve("HEAD").getName()).call();
            return this;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String merge(String branch) {
        try {
            ObjectId other = git.getRepository().resolve(branch);
            MergeResult r = git.merge().include(other).setCommit(true).setMessage("Merge " + branch)
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF).call();
            if (!r.getMergeStatus().isSuccessful()) {
                throw new IllegalStateException("merge failed: " + r.getMergeStatus());
            }
            return git.getRepository().resolve("HEAD").getName();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A shallow clone (file://, given depth) of this repository's branch into {@code target}. */
    public TestGit shallowClone(Path target, String branch, int depth) {
        try {
            Git clone = Git.cloneRepository().setURI(root.toUri().toString()).setDirectory(target.toFile())
                    .setBranch(branch).setDepth(depth).call();
            return new TestGit(clone, target, false);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A full clone, with origin/* refs. */
    public TestGit cloneTo(Path target, String branch) {
        try {
            Git clone = Git.cloneRepository().setURI(root.toUri().toString()).setDirectory(target.toFile())
                    .setBranch(branch).call();
            return new TestGit(clone, target, false);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A partial clone ({@code git clone --filter=blob:none}, only the installed git makes one) of this repository's
     * branch into {@code target}: it holds the blobs of the branch's tip and fetches others from here when asked.
     */
    public TestGit partialClone(Path target, String branch) {
        try {
            git.getRepository().getConfig().setBoolean("uploadpack", null, "allowFilter", true);
            git.getRepository().getConfig().save();
            installed(target.getParent(), "clone", "-q", "--filter=blob:none", "--branch", branch,
                    root.toUri().toString(), target.toString());
            return new TestGit(Git.open(target.toFile()), target, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the installed git in {@code where} (for what JGit does not do: partial clones, submodules), failing with
     * what git said when it fails.
     */
    public static void installed(Path where, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", where.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
        if (removeOnClose) {
            Fixtures.deleteTree(root);
        }
    }
}
