package org.odabuild.core.values;

import java.util.ArrayList;
import java.util.List;

/**
 * A yq-style path into a YAML document: {@code .oda-webhook.version}, {@code ."key with.dot"},
 * {@code .["key"]}, {@code .list[0].name}. Only the subset that names one scalar is supported.
 */
public record YqPath(String text, List<Segment> segments) {

    /** One step of a path. */
    public sealed interface Segment permits Key, Index {
    }

    /** A mapping key. */
    public record Key(String name) implements Segment {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A sequence index. */
    public record Index(int position) implements Segment {
        @Override
        public String toString() {
            return "[" + position + "]";
        }
    }

    public YqPath {
        segments = List.copyOf(segments);
    }

    /**
     * @throws IllegalArgumentException naming the position of the first bad character
     */
    public static YqPath parse(String text) {
        return new YqPath(text, new Parser(text).parse());
    }

    /** The path of the mapping that holds the last key, e.g. {@code .a.b} for {@code .a.b.version}. */
    public YqPath parent() {
        if (segments.isEmpty()) {
            throw new IllegalStateException("the root has no parent");
        }
        return prefix(segments.size() - 1);
    }

    /** The path of the first {@code count} segments, e.g. {@code .a} for 1 of {@code .a.b.version}; 0 is the root. */
    public YqPath prefix(int count) {
        List<Segment> up = segments.subList(0, count);
        StringBuilder sb = new StringBuilder();
        for (Segment s : up) {
            sb.append(s instanceof Index ? s.toString() : "." + quoteIfNeeded(((Key) s).name()));
        }
        return new YqPath(sb.length() == 0 ? "." : sb.toString(), up);
    }

    /** This path one key further, e.g. {@code .a.version} of {@code .a}. */
    public YqPath child(String key) {
        List<Segment> down = new ArrayList<>(segments);
        down.add(new Key(key));
        return new YqPath((segments.isEmpty() ? "" : text) + "." + quoteIfNeeded(key), down);
    }

    /** This path one list entry further, e.g. {@code .a.b[2]} of {@code .a.b}. */
    public YqPath at(int position) {
        List<Segment> down = new ArrayList<>(segments);
        down.add(new Index(position));
        return new YqPath((segments.isEmpty() ? "." : text) + "[" + position + "]", down);
    }

    private static String quoteIfNeeded(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        List<Segment> parse() {
            if (text == null || !text.startsWith(".")) {
                throw error("must start with '.', e.g. '.oda-webhook.version'");
            }
            List<Segment> out = new ArrayList<>();
            if (text.equals(".")) {
                return out;
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '[') {
                    out.add(bracket());
                } else if (c == '.') {
                    pos++;
                    if (pos < text.length() && text.charAt(pos) == '[') {
                        out.add(bracket());
                    } else if (pos < text.length() && text.charAt(pos) == '"') {
                        out.add(new Key(quoted()));
                    } else {
                        out.add(new Key(plainKey()));
                    }
                } else {
                    throw error("expected '.' or '['");
                }
            }
            return out;
        }

        private Segment bracket() {
            pos++; // '['
            Segment s;
            if (pos < text.length() && text.charAt(pos) == '"') {
                s = new Key(quoted());
            } else {
                int start = pos;
                // ASCII digits only: Java's isDigit and parseInt take '٣' (Arabic-Indic 3) too, yq does not
                while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected an index or a quoted key inside '[...]'");
                }
                try {
                    s = new Index(Integer.parseInt(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw error("index too large");
                }
            }
            if (pos >= text.length() || text.charAt(pos) != ']') {
                throw error("expected ']'");
            }
            pos++;
            return s;
        }

        private String quoted() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                sb.append(c);
            }
            throw error("unterminated quoted key");
        }

        private String plainKey() {
            int start = pos;
            while (pos < text.length() && ".[]\" \t".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a key name");
            }
            return text.substring(start, pos);
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("'" + text + "' is not a yq path (at character " + (pos + 1) + "): "
                    + problem);
        }
    }
}
