package org.odabuild.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.odabuild.core.SlashedPath;

/**
 * The blob ids git's index already holds for files it has seen unchanged, as {@code git status} uses them: a file
 * whose size and modification time are what the index recorded, and that was last modified before the index was
 * written, has the recorded blob id, without reading it. Anything else (untracked, modified, "racily clean" in the
 * same instant as the index, flagged assume-unchanged or skip-worktree, a link) is not known and must be hashed.
 * The installed git, when there is one, names the unchanged files ({@code ls-files} less what {@code status} calls
 * changed: it compares more of the recorded stat data than size and time, and contents where that is not enough);
 * else JGit reads the index.
 */
public final class IndexedBlobs {

    /** Nothing known: every file is hashed. */
    public static final IndexedBlobs NONE = new IndexedBlobs(Path.of(""), Map.of(), Instant.MIN);

    /** @param size and {@code modified} as the index recorded them; -1 and null when git has compared them */
    private record Entry(String blobId, long size, Instant modified) {
    }

    private final Path root;
    private final Map<String, Entry> entries;
    private final Instant indexWritten;

    private IndexedBlobs(Path root, Map<String, Entry> entries, Instant indexWritten) {
        this.root = root;
        this.entries = entries;
        this.indexWritten = indexWritten;
    }

    /** Reads the index of the repository whose work tree is {@code root}; {@link #NONE} when there is none. */
    public static IndexedBlobs read(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        return readByGit(GitProcess.installed(), absolute).orElseGet(() -> readByJGit(absolute));
    }

    /**
     * The unchanged files as the installed git tells them: tracked ({@code ls-files}, stage 0, a plain or executable
     * file, neither assume-unchanged nor skip-worktree) and not changed ({@code status}, staged or not). The index's
     * time is taken first: a file changed after git looked is newer than it, and hashed.
     */
    static Optional<IndexedBlobs> readByGit(GitProcess git, Path root) {
        if (!Files.isDirectory(root.resolve(".git"))) {
            return Optional.empty(); // a linked work tree or submodule: its index is elsewhere, JGit finds it
        }
        Path indexFile = root.resolve(".git/index");
        try {
            if (!Files.isRegularFile(indexFile)) {
                return Optional.of(NONE);
            }
            Instant written = Files.getLastModifiedTime(indexFile).toInstant();
            Optional<byte[]> tracked = output(git.run(root, "ls-files", "--stage", "-v", "-z"));
            // status, not diff-files: it settles an entry whose recorded stat data is stale (a file touched, or an
            // index JGit wrote) by comparing contents, where diff-files would call it changed
            Optional<Set<String>> changed = tracked.isEmpty() ? Optional.empty()
                    : output(git.run(root, "status", "--porcelain=v1", "-z", "--untracked-files=no", "--no-renames"))
                            .flatMap(NativeGitStatus::parse);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Entry> entries = new HashMap<>();
            Optional<List<String>> records = GitProcess.nulTerminated(tracked.get());
            if (records.isEmpty()) {
                return Optional.empty();
            }
            for (String record : records.get()) {
                // "H 100644 <id> 0\t<path>": H is a cached file; h assume-unchanged, S skip-worktree, M unmerged
                int tab = record.indexOf('\t');
                String[] head = tab < 0 ? new String[0] : record.substring(0, tab).split(" ");
                if (head.length != 4) {
                    return Optional.empty();
                }
                if (head[0].equals("H") && head[3].equals("0") && (head[1].equals("100644") || head[1].equals("100755"))) {
                    entries.put(record.substring(tab + 1), new Entry(head[2], -1, null));
                }
            }
            if (CheckoutConversions.possible(root, root.resolve(".git"), records.get().stream()
                    .map(r -> r.substring(r.indexOf('\t') + 1)).toList(), key -> coreSetting(git, root, key))) {
                return Optional.of(NONE);
            }
            changed.get().forEach(entries::remove);
            return Optional.of(new IndexedBlobs(root, entries, written));
        } catch (IOException e) {
            return Optional.of(NONE); // an unreadable index only costs the hashing it would have saved
        }
    }

    /** A {@code core.*} setting as the installed git reads it (all its config files); null when unset. */
    private static String coreSetting(GitProcess git, Path root, String key) {
        return output(git.run(root, "config", "--get", "core." + key))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip()).orElse(null);
    }

    private static Optional<byte[]> output(Optional<GitProcess.Result> result) {
        return result.filter(r -> r.exitCode() == 0).map(GitProcess.Result::output);
    }

    /** JGit's reading of the index: the recorded size and time are compared when a file is asked for. */
    static IndexedBlobs readByJGit(Path absolute) {
        Repository repository;
        try {
            repository = JGitRepositories.open(absolute, true);
        } catch (IOException | IllegalArgumentException e) {
            return NONE;
        }
        try (repository) {
            Path indexFile = repository.getIndexFile().toPath();
            if (!Files.isRegularFile(indexFile)) {
                return NONE;
            }
            Instant written = Files.getLastModifiedTime(indexFile).toInstant();
            DirCache cache = DirCache.read(repository.getIndexFile(), repository.getFS());
            List<String> tracked = new ArrayList<>(cache.getEntryCount());
            for (int i = 0; i < cache.getEntryCount(); i++) {
                tracked.add(cache.getEntry(i).getPathString());
            }
            if (CheckoutConversions.possible(absolute, repository.getDirectory().toPath(), tracked,
                    key -> repository.getConfig().getString("core", null, key))) {
                return NONE;
            }
            Map<String, Entry> entries = new HashMap<>(cache.getEntryCount() * 2);
            for (int i = 0; i < cache.getEntryCount(); i++) {
                DirCacheEntry e = cache.getEntry(i);
                if (e.getStage() == DirCacheEntry.STAGE_0 && FileMode.REGULAR_FILE.equals(e.getRawMode() & ~0111)
                        && !e.isAssumeValid() && !e.isSkipWorkTree() && !e.isSmudged()) {
                    entries.put(e.getPathString(), new Entry(e.getObjectId().name(), e.getLength(),
                            e.getLastModifiedInstant()));
                }
            }
            return new IndexedBlobs(absolute, entries, written);
        } catch (IOException e) {
            // an unreadable index only costs the hashing it would have saved
            return NONE;
        }
    }

    /** The blob id the index holds for {@code file} when git would call it unchanged, else empty. */
    public Optional<String> blobId(Path file) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            return Optional.empty();
        }
        Entry entry = entries.get(SlashedPath.of(root.relativize(absolute)));
        if (entry == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Instant modified = attributes.lastModifiedTime().toInstant();
            // modified in the instant the index was written or later: git itself cannot tell (racy git)
            boolean clean = attributes.isRegularFile() && (entry.size() < 0 || attributes.size() == entry.size())
                    && (entry.modified() == null || modified.equals(entry.modified())) && modified.isBefore(indexWritten);
            return clean ? Optional.of(entry.blobId()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
