package org.odabuild.core.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The work tree's uncommitted files as the installed {@code git status} reports them, when git is installed: it
 * compares the work tree with the index in native code (100,000 files: 0.3 s, where JGit's walk in a cold JVM took
 * 1.5 s), and an untracked folder's files come from {@code git ls-files --others} of that folder. Empty whenever it
 * cannot answer plainly (no git, a refusal such as {@code safe.directory}, a time-out, output it does not understand):
 * the caller then walks the tree with JGit, which gives the same set.
 */
final class NativeGitStatus {

    /** Folder names on the command line up to this length in all (Windows allows 32,767 characters); past it, -uall. */
    static final int MAX_PATHSPEC_CHARS = 16 * 1024;

    private final GitProcess git;
    private final int maxPathspecChars;

    NativeGitStatus(String executable, Duration timeout) {
        this(executable, timeout, MAX_PATHSPEC_CHARS);
    }

    NativeGitStatus(String executable, Duration timeout, int maxPathspecChars) {
        this.git = new GitProcess(executable, timeout);
        this.maxPathspecChars = maxPathspecChars;
    }

    static NativeGitStatus installed() {
        return new NativeGitStatus("git", GitProcess.installed().timeout());
    }

    Optional<Set<String>> uncommittedFiles(Path workTree) {
        if (!GitProcess.isWorkTreeRoot(workTree)) {
            return Optional.empty();
        }
        // --untracked-files=normal names an untracked folder once ("dir/"), and it is the mode the untracked cache
        // of the user's own `git status` serves (core.untrackedCache, feature.manyFiles): 100,000 files 0.31 s →
        // 0.19 s with it, where -uall walks every folder again. --no-renames: a staged rename is its two files, as
        // JGit reports it.
        return git.run(workTree, "status", "--porcelain=v1", "-z", "--untracked-files=normal", "--no-renames")
                .filter(result -> result.exitCode() == 0)
                .flatMap(result -> records(result.output()))
                .flatMap(records -> withFolderContents(workTree, records));
    }

    /** One {@code XY path} record of the porcelain output. */
    record Entry(String code, String path) {

        boolean untrackedFolder() {
            return code.equals("??") && path.endsWith("/");
        }
    }

    /** The untracked folders' files, as -uall would name them, listed beside the other records. */
    private Optional<Set<String>> withFolderContents(Path workTree, List<Entry> records) {
        List<String> folders = records.stream().filter(Entry::untrackedFolder).map(Entry::path).toList();
        if (folders.isEmpty()) {
            return Optional.of(files(records));
        }
        int length = folders.stream().mapToInt(String::length).sum();
        Optional<List<Entry>> contents = length > maxPathspecChars
                ? git.run(workTree, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames")
                        .filter(result -> result.exitCode() == 0).flatMap(result -> records(result.output()))
                : listOthers(workTree, folders);
        return contents.map(found -> {
            List<Entry> all = new ArrayList<>(records.stream().filter(e -> !e.untrackedFolder()).toList());
            all.addAll(found);
            return files(all);
        });
    }

    /** {@code git ls-files -o} of the folders: untracked, not ignored; a nested repository stays "dir/". */
    private Optional<List<Entry>> listOthers(Path workTree, List<String> folders) {
        List<String> args = new ArrayList<>(List.of("--literal-pathspecs", "ls-files", "--others",
                "--exclude-standard", "-z", "--"));
        args.addAll(folders);
        return git.run(workTree, args.toArray(String[]::new)).filter(result -> result.exitCode() == 0)
                .flatMap(result -> names(result.output()))
                .map(names -> names.stream().map(name -> new Entry("??", name)).toList());
    }

    /** The files of the records; a nested repository that is not a submodule is its folder, named as JGit does. */
    private static Set<String> files(List<Entry> records) {
        Set<String> files = new TreeSet<>();
        for (Entry e : records) {
            files.add(e.path().endsWith("/") ? e.path().substring(0, e.path().length() - 1) : e.path());
        }
        return files;
    }

    /** The uncommitted files of {@code -uall} porcelain output; empty when the output is not understood. */
    static Optional<Set<String>> parse(byte[] porcelain) {
        return records(porcelain).map(NativeGitStatus::files);
    }

    /** {@code XY path} records, each ended by NUL; anything else means the output is not understood. */
    static Optional<List<Entry>> records(byte[] porcelain) {
        List<Entry> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < porcelain.length; i++) {
            if (porcelain[i] != 0) {
                continue;
            }
            if (i - start < 4 || porcelain[start + 2] != ' ') {
                return Optional.empty();
            }
            records.add(new Entry(new String(porcelain, start, 2, StandardCharsets.UTF_8),
                    new String(porcelain, start + 3, i - start - 3, StandardCharsets.UTF_8)));
            start = i + 1;
        }
        return start == porcelain.length ? Optional.of(records) : Optional.empty();
    }

    /** NUL-ended names ({@code ls-files -z}); empty when the output is not understood. */
    private static Optional<List<String>> names(byte[] output) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < output.length; i++) {
            if (output[i] == 0) {
                if (i == start) {
                    return Optional.empty();
                }
                names.add(new String(output, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return start == output.length ? Optional.of(names) : Optional.empty();
    }
}
