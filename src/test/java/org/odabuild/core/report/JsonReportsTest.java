package org.odabuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odabuild.core.build.BuildStatus;
import org.odabuild.core.build.BuiltImage;
import org.odabuild.core.docker.FailedStep;
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
        Path text = Files.writeString(dir.resolve("text.json"), "{\"schemaVersion\": \"one\", \"name\": \"a\"}");
        assertThatThrownBy(() -> JsonReports.read(text, Sample.class)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("schemaVersion \"one\"");
    }

    @Test
    void onlyObjectsAreReportsAndOutputsAreOneLine() {
        assertThatThrownBy(() -> JsonReports.write(dir, "list.json", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonReports.compact(List.of("a", "<b>"))).isEqualTo("[\"a\",\"<b>\"]");
    }

    /** The reports' JSON was Gson's reflective output; readers (CI, oda:push-image) must see the same text. */
    @Test
    void recordsAreWrittenAsGsonsReflectiveAdapterWritesThem() {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.odabuild.source-hash", "sha256:ab");
        labels.put("quote\"and\\back\nslash", "<html> & \u2028 \u0001 é");
        labels.put("none", null);
        BuiltImage image = new BuiltImage("oda-webhook", "tmforumodacanvas/compcrdwebhook", "1.0.4-issue-7",
                "tmforumodacanvas/compcrdwebhook:1.0.4-issue-7", false, BuildStatus.UP_TO_DATE, List.of("a", "b"),
                null, "sha256:cd", 1234L, null, "", List.of(new BuiltImage.PlatformBuild("linux/arm64/v8", "id",
                        null, true)), true, labels, 1722342693L, new FailedStep("op:1 for linux/amd64",
                "Step 4/5 : RUN pytest", List.of("  def test_b():", "FAILED tests/test_b.py")));
        record Holder(List<BuiltImage> images, int count, double ratio, Map<BuildStatus, Long> byStatus,
                List<Object> empty) {
        }
        Holder holder = new Holder(List.of(image, image), -3, 0.25, Map.of(BuildStatus.FAILED, 2L), List.of());

        assertThat(JsonText.pretty(RecordTree.of(holder))).isEqualTo(gson.toJson(holder));
        assertThat(JsonReports.compact(holder)).isEqualTo(new GsonBuilder().serializeNulls().disableHtmlEscaping()
                .create().toJson(holder));
    }

    @Test
    void aFieldWithoutAJsonShapeIsRefusedNotGuessed() {
        record Odd(java.util.Optional<String> maybe) {
        }
        assertThatThrownBy(() -> JsonReports.write(dir, "odd.json", new Odd(java.util.Optional.of("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util.Optional");
    }

    @Test
    void parsingGivesGsonsTreeAndKeepsNumbersAsWritten() {
        String text = "{\"schemaVersion\": 2, \"size\": 12345678901234, \"f\": 1.50, \"e\": 1e3, \"s\": \"a\\u00e9\","
                + " \"n\": null, \"t\": true, \"a\": [1, {\"b\": []}]}";
        JsonElement parsed = JsonText.parse(text);
        assertThat(parsed).isEqualTo(JsonParser.parseString(text));
        assertThat(parsed.getAsJsonObject().get("size").getAsLong()).isEqualTo(12345678901234L);
        assertThat(JsonText.compact(parsed)).isEqualTo(
                "{\"schemaVersion\":2,\"size\":12345678901234,\"f\":1.50,\"e\":1e3,\"s\":\"aé\",\"n\":null,"
                        + "\"t\":true,\"a\":[1,{\"b\":[]}]}");
    }

    @Test
    void hostileNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JsonText.parse(deep)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("nested deeper than");
        String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThatThrownBy(() -> JsonText.parse(objects)).isInstanceOf(JsonParseException.class);
        assertThat(JsonText.parse("[".repeat(100) + "]".repeat(100)).isJsonArray()).isTrue();
    }

    @Test
    void parsingIsStrictAndSaysWhere() {
        for (String bad : List.of("", "{", "{\"a\": 1} x", "[1,]", "{'a': 1}", "{\"a\": tru}", "nope", "[1] [2]")) {
            assertThatThrownBy(() -> JsonText.parse(bad)).as(bad).isInstanceOf(JsonParseException.class);
        }
    }
}
