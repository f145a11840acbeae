package org.odabuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportsTest {

    record Sample(String name, List<String> items, String none) {
    }

    @TempDir
    Path dir;

    @Test
    void everyReportStartsWithItsSchemaVersionAndKeepsNulls() throws Exception {
        Path file = JsonReports.write(dir, "sample.json", new Sample("a", List.of("x"), null));
        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"schemaVersion\": " + JsonReports.SCHEMA_VERSION + ",\n  \"name\": \"a\"")
                .contains("\"none\": null").endsWith("}\n");
        assertThat(JsonReports.read(file, Sample.class)).isEqualTo(new Sample("a", List.of("x"), null));
    }

    @Test
    void aReportOfAnotherSchemaVersionIsNotRead() throws Exception {
        Path file = Files.writeString(dir.resolve("old.json"), "{\"schemaVersion\": 0, \"name\": \"a\"}");
        assertThatThrownBy(() -> JsonReports.read(file, Sample.class)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("schemaVersion 0").hasMessageContaining("another version of the plugin");
        Path none = Files.writeString(dir.resolve("none.json"), "{\"name\": \"a\"}");
        assertThatThrownBy(() -> JsonReports.read(none, Sample.class)).isInstanceOf(JsonParseException.class);
    }

    @Test
    void onlyObjectsAreReportsAndOutputsAreOneLine() {
        assertThatThrownBy(() -> JsonReports.write(dir, "list.json", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonReports.compact(List.of("a", "<b>"))).isEqualTo("[\"a\",\"<b>\"]");
    }
}
