package org.odabuild.core.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the facts a goal decided as JSON into {@code target/oda/}, atomically, so readers never see half a file. */
public final class JsonReports {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private JsonReports() {
    }

    /** The JSON tree of a record, to extend with more properties. */
    public static com.google.gson.JsonObject tree(Object report) {
        return GSON.toJsonTree(report).getAsJsonObject();
    }

    /** Removes reports a run owns before it starts, so a run that stops early leaves none of the previous run's. */
    public static void delete(Path outputDir, String... fileNames) {
        for (String name : fileNames) {
            try {
                Files.deleteIfExists(outputDir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old report " + outputDir.resolve(name), e);
            }
        }
    }

    public static Path write(Path outputDir, String fileName, Object report) {
        try {
            Files.createDirectories(outputDir);
            Path target = outputDir.resolve(fileName);
            Path tmp = ReadableTempFile.create(outputDir, fileName);
            Files.writeString(tmp, GSON.toJson(report) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + outputDir.resolve(fileName), e);
        }
    }
}
