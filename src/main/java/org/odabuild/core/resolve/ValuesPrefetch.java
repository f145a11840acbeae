package org.odabuild.core.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.values.ValuesDocument;

/**
 * Values files read on a thread of their own from the moment the config names them, while the rest of the config is
 * still being read: the two largest files of a run (oda-canvas: an 11 KB config, a 20 KB values file, parsed in a
 * cold JVM at some 0.3 ms per 100 bytes) are parsed side by side instead of one after the other. Only a head start:
 * {@link ImageResolver} checks every path as it always does and reads a file itself when it was not started here.
 */
final class ValuesPrefetch implements AutoCloseable {

    private final RepoLayout layout;
    private final Map<String, CompletableFuture<ValuesDocument>> started = new HashMap<>();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "oda-values");
        t.setDaemon(true);
        return t;
    });

    ValuesPrefetch(RepoLayout layout) {
        this.layout = layout;
    }

    /** A {@code valuesYamlFile} as the config gives it; a path the resolver will refuse is not read. */
    synchronized void named(String raw) {
        String file;
        try {
            file = layout.relativePath(raw, SourceLocation.ofFile("config"), "valuesYamlFile");
            Path path = layout.file(file, "valuesYamlFile");
            if (started.containsKey(file) || !Files.isRegularFile(path)) {
                return;
            }
            started.put(file, CompletableFuture.supplyAsync(() -> ValuesDocument.load(path, file), reader));
        } catch (InvalidInputException e) {
            // the resolver says what is wrong with it, in the words and at the place it always does
        }
    }

    /**
     * The document read for {@code file} (a path as {@link RepoLayout#relativePath} gives it), or empty when it was
     * not started; an error reading it is thrown as reading it here would have thrown it.
     */
    synchronized Optional<ValuesDocument> take(String file) {
        CompletableFuture<ValuesDocument> read = started.remove(file);
        if (read == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Ends the thread once what was started is read; a file nobody took is left to the garbage collector. */
    @Override
    public void close() {
        reader.shutdown();
    }
}
