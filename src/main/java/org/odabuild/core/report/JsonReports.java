package org.odabuild.core.report;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.odabuild.core.Setting;

/**
 * The one JSON writer and reader of the plugin's reports: writes the facts a goal decided into {@code target/oda/},
 * atomically (readers never see half a file), each report an object that starts with {@code schemaVersion}.
 */
public final class JsonReports {

    /** Raised when a report's fields change meaning or go away; new fields do not raise it. */
    public static final int SCHEMA_VERSION = 1;

    private JsonReports() {
    }

    /** The JSON tree of a record, to extend with more properties. */
    public static JsonObject tree(Object report) {
        return RecordTree.of(report).getAsJsonObject();
    }

    /** One line of JSON, e.g. for a GitHub Actions output. */
    public static String compact(Object value) {
        return JsonText.compact(RecordTree.of(value));
    }

    /**
     * A report this plugin wrote; one of another schema version is refused.
     *
     * @throws JsonParseException when the file is not such a report
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        JsonElement tree = JsonText.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!tree.isJsonObject()) {
            throw new JsonParseException("not a JSON object");
        }
        JsonElement version = tree.getAsJsonObject().get("schemaVersion");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() != SCHEMA_VERSION) {
            throw new JsonParseException("it has schemaVersion " + version + ", this plugin reads " + SCHEMA_VERSION
                    + " (another version of the plugin wrote it)");
        }
        return Reader.GSON.fromJson(tree, type);
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
        JsonElement tree = RecordTree.of(report);
        if (!tree.isJsonObject()) {
            throw new IllegalArgumentException("a report is a JSON object: " + fileName);
        }
        JsonObject versioned = new JsonObject();
        versioned.addProperty("schemaVersion", SCHEMA_VERSION);
        tree.getAsJsonObject().entrySet().forEach(e -> versioned.add(e.getKey(), e.getValue()));
        try {
            Files.createDirectories(outputDir);
            Path target = outputDir.resolve(fileName);
            Path tmp = ReadableTempFile.create(outputDir, fileName);
            // the reports are the product's facts, read by CI whatever runs the plugin: settings by their plain names
            Files.writeString(tmp, Setting.plain(JsonText.pretty(versioned)) + "\n", StandardCharsets.UTF_8);
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

    /** Gson's reflective reader, built only by the one goal that reads a report back ({@code oda:push-image}). */
    private static final class Reader {
        static final Gson GSON = new Gson();
    }
}
