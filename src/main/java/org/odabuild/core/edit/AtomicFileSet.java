package org.odabuild.core.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odabuild.core.InvalidInputException;

/**
 * Replaces several files so that they change together: the new texts are written beside their files first,
 * originals are kept until every file is replaced, and a failure part way puts back the files already replaced.
 * Each single replacement is an atomic move, so no reader ever sees half a file.
 */
public final class AtomicFileSet {

    /** The rename step, replaceable so tests can make it fail part way. */
    @FunctionalInterface
    public interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    public static final Mover ATOMIC = (from, to) -> {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private AtomicFileSet() {
    }

    /** A file's text as it was read, and the text that replaces it. */
    public record Replacement(String original, String text) {
    }

    /**
     * @param files each file (a symbolic link is written through, its target replaced) with its replacement
     * @throws ConcurrentEditException when a file no longer holds the text that was read: nothing is changed
     */
    public static void write(Map<Path, Replacement> files, Mover mover, EditJournal journal) {
        Map<Path, Replacement> texts = new LinkedHashMap<>();
        for (Map.Entry<Path, Replacement> e : files.entrySet()) {
            texts.put(target(e.getKey()), e.getValue());
        }
        for (Path file : texts.keySet()) {
            if (readOnly(file)) {
                throw new InvalidInputException(file + " is read-only: make it writable (chmod u+w) and run again;"
                        + " no file was changed");
            }
        }
        Map<Path, Path> staged = new LinkedHashMap<>();
        Map<Path, Path> backups = new LinkedHashMap<>();
        List<Path> replaced = new ArrayList<>();
        for (Path file : texts.keySet()) {
            staged.put(file, file.resolveSibling("." + file.getFileName() + ".oda-new"));
            backups.put(file, file.resolveSibling("." + file.getFileName() + ".oda-old"));
        }
        try {
            journal.staging(staged, backups);
            for (Map.Entry<Path, Replacement> e : texts.entrySet()) {
                Path file = e.getKey();
                Path tmp = staged.get(file);
                Files.writeString(tmp, e.getValue().text(), StandardCharsets.UTF_8);
                keepPermissions(file, tmp);
                Files.copy(file, backups.get(file), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            // another writer (an editor, a second run) changed a file since it was read: its lines would be lost
            for (Map.Entry<Path, Replacement> e : texts.entrySet()) {
                if (!Files.readString(e.getKey(), StandardCharsets.UTF_8).equals(e.getValue().original())) {
                    throw new ConcurrentEditException(e.getKey() + " changed while this goal ran: run it again;"
                            + " no file was changed");
                }
            }
            // from here a killed run leaves a set that the next run of any goal completes (EditJournal.recover)
            journal.replacing(staged, backups);
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                mover.move(e.getValue(), e.getKey());
                replaced.add(e.getKey());
            }
        } catch (IOException | RuntimeException failure) {
            List<String> notRestored = new ArrayList<>();
            for (Path file : replaced) {
                Path backup = backups.get(file);
                try {
                    ATOMIC.move(backup, file);
                    backups.remove(file);
                } catch (IOException e) {
                    notRestored.add(file + " (its old text is in " + backup + ")");
                }
            }
            staged.values().forEach(AtomicFileSet::deleteQuietly);
            if (notRestored.isEmpty()) {
                backups.values().forEach(AtomicFileSet::deleteQuietly);
            }
            journal.end(); // the message names the backups a person must put back
            if (failure instanceof ConcurrentEditException concurrent) {
                throw concurrent;
            }
            throw new UncheckedIOException("cannot write " + texts.keySet() + ": " + failure.getMessage()
                    + (notRestored.isEmpty() ? "; no file was changed" : "; could not restore " + notRestored),
                    failure instanceof IOException io ? io : new IOException(failure));
        }
        backups.values().forEach(AtomicFileSet::deleteQuietly);
        journal.end();
    }

    /** A file changed by someone else while a goal edited it. */
    public static final class ConcurrentEditException extends InvalidInputException {
        ConcurrentEditException(String message) {
            super(message);
        }
    }

    /** A link inside the repository is edited through: its target is replaced, the link stays. */
    private static Path target(Path file) {
        try {
            return Files.isSymbolicLink(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + file, e);
        }
    }

    /** Read-only as its owner set it (root may write anything, but a read-only file says "do not edit"). */
    private static boolean readOnly(Path file) {
        try {
            return Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)
                    ? !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE)
                    : !Files.isWritable(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}
