package org.odabuild.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;

/**
 * The blob ids git's index already holds for files it has seen unchanged, as {@code git status} uses them: a file
 * whose size and modification time are what the index recorded, and that was last modified before the index was
 * written, has the recorded blob id, without reading it. Anything else (untracked, modified, "racily clean" in the
 * same instant as the index, flagged assume-unchanged or skip-worktree, a link) is not known and must be hashed.
 */
public final class IndexedBlobs {

    /** Nothing known: every file is hashed. */
    public static final IndexedBlobs NONE = new IndexedBlobs(Path.of(""), Map.of(), Instant.MIN);

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
        Entry entry = entries.get(root.relativize(absolute).toString().replace('\\', '/'));
        if (entry == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Instant modified = attributes.lastModifiedTime().toInstant();
            // modified in the instant the index was written or later: git itself cannot tell (racy git)
            boolean clean = attributes.isRegularFile() && attributes.size() == entry.size()
                    && modified.equals(entry.modified()) && modified.isBefore(indexWritten);
            return clean ? Optional.of(entry.blobId()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
