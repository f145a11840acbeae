package org.odabuild.core.yaml;

import java.util.Map;

/**
 * Block mappings of strings as YAML, every key and value double-quoted, so no text can read as another type, a
 * comment or structure ({@code values-digests.yaml}). Written by hand rather than with SnakeYAML's emitter, whose set-up
 * was a tenth of a no-op {@code oda:build} in a cold JVM; what it reads back is checked against SnakeYAML in the tests.
 */
public final class QuotedYaml {

    private static final int MAX_IMPLICIT_KEY = 1000;

    private QuotedYaml() {
    }

    /**
     * @param mapping values are strings or nested mappings of the same kind
     */
    public static String blockMapping(Map<String, ?> mapping) {
        StringBuilder out = new StringBuilder();
        write(out, mapping, "");
        return out.toString();
    }

    private static void write(StringBuilder out, Map<String, ?> mapping, String indent) {
        for (Map.Entry<String, ?> e : mapping.entrySet()) {
            StringBuilder key = new StringBuilder();
            quote(key, e.getKey());
            // YAML allows an implicit key of at most 1024 characters; a longer one is written as an explicit "? key"
            out.append(indent).append(key.length() > MAX_IMPLICIT_KEY ? "? " + key + "\n" + indent : key).append(':');
            if (e.getValue() instanceof Map<?, ?> nested) {
                out.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, ?> children = (Map<String, ?>) nested;
                write(out, children, indent + "  ");
            } else if (e.getValue() instanceof String s) {
                out.append(' ');
                quote(out, s);
                out.append('\n');
            } else {
                throw new IllegalArgumentException("only strings and mappings, not " + e.getValue());
            }
        }
    }

    /** Printable ASCII as itself, everything else by its YAML escape, so the file is ASCII whatever it holds. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else if (c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        out.append('"');
    }
}
