package org.odabuild.core.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public static void write(Map<Path, String> texts) {
        write(texts, ATOMIC);
    }

    public static void write(Map<Path, String> texts, Mover mover) {
        Map<Path, Path> staged = new LinkedHashMap<>();
        Map<Path, Path> backups = new LinkedHashMap<>();
        List<Path> replaced = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> e : texts.entrySet()) {
                Path file = e.getKey();
                Path tmp = file.resolveSibling("." + file.getFileName() + ".oda-new");
                Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                staged.put(file, tmp);
                Path backup = file.resolveSibling("." + file.getFileName() + ".oda-old");
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                backups.put(file, backup);
            }
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                mover.move(e.getValue(), e.getKey());
                replaced.add(e.getKey());
            }
        } catch (IOException | RuntimeException failure) {
            List<String> notRestored = new ArrayList<>();
            for (Path file : replaced) {
                try {
                    ATOMIC.move(backups.remove(file), file);
                } catch (IOException e) {
                    notRestored.add(file + " (its old text is in " + backups.get(file) + ")");
                }
            }
            staged.values().forEach(AtomicFileSet::deleteQuietly);
            backups.values().forEach(AtomicFileSet::deleteQuietly);
            throw new UncheckedIOException("cannot write " + texts.keySet() + ": " + failure.getMessage()
                    + (notRestored.isEmpty() ? "; no file was changed" : "; could not restore " + notRestored),
                    failure instanceof IOException io ? io : new IOException(failure));
        }
        backups.values().forEach(AtomicFileSet::deleteQuietly);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}
