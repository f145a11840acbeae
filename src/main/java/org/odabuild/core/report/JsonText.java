package org.odabuild.core.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON text to Gson's tree and back through Gson's streaming reader and writer only. {@code JsonParser} and
 * {@code Gson#toJson} take the same path through Gson's type-adapter registry, whose set-up (about 140 classes) was a
 * tenth of a no-op {@code oda:build} in a cold JVM; the tree and the stream are a dozen classes.
 */
public final class JsonText {

    private JsonText() {
    }

    /**
     * Strict JSON (RFC 8259): one value and nothing after it. Numbers keep their text, as Gson's own parser keeps
     * them.
     *
     * @throws JsonParseException when the text is not such JSON
     */
    public static JsonElement parse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            JsonElement value = read(reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more after the JSON value at " + reader.getPath());
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // the reader reports malformed JSON as IOException (MalformedJsonException) or IllegalStateException
            throw new JsonParseException(e.getMessage(), e);
        }
    }

    /** Deeper than any manifest, token or event payload; a hostile answer must not overflow the stack. */
    private static final int MAX_DEPTH = 512;

    private static JsonElement read(JsonReader in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonParseException("JSON nested deeper than " + MAX_DEPTH + " levels at " + in.getPath());
        }
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    o.add(in.nextName(), read(in, depth + 1));
                }
                in.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    a.add(read(in, depth + 1));
                }
                in.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(in.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new JsonParseException("no JSON value at " + in.getPath());
        }
    }

    /** Two-space indented, nulls kept, no HTML escaping: the reports' format. */
    public static String pretty(JsonElement value) {
        return write(value, "  ");
    }

    /** One line, e.g. a GitHub Actions output. */
    public static String compact(JsonElement value) {
        return write(value, "");
    }

    private static String write(JsonElement value, String indent) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.setIndent(indent);
            out.setHtmlSafe(false);
            out.setSerializeNulls(true);
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonWriter out, JsonElement value) throws IOException {
        if (value == null || value.isJsonNull()) {
            out.nullValue();
        } else if (value instanceof JsonPrimitive p) {
            if (p.isNumber()) {
                out.value(p.getAsNumber());
            } else if (p.isBoolean()) {
                out.value(p.getAsBoolean());
            } else {
                out.value(p.getAsString());
            }
        } else if (value instanceof JsonArray a) {
            out.beginArray();
            for (JsonElement e : a) {
                write(out, e);
            }
            out.endArray();
        } else {
            out.beginObject();
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                out.name(e.getKey());
                write(out, e.getValue());
            }
            out.endObject();
        }
    }
}
