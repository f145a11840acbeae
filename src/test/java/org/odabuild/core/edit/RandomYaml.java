package org.odabuild.core.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random YAML mapping written the many ways people write values files: plain, quoted and tagged scalars, values on
 * the next line or over two lines, anchors and aliases, flow mappings, sequences indented or not, comments, blank
 * lines, a byte order mark, {@code ---} and {@code ...}, LF or CRLF, indents of 2 to 4. It records the path of every
 * scalar it wrote ({@code String} keys, {@code Integer} positions).
 */
final class RandomYaml {

    private static final String[] KEYS = {"version", "prereleaseSuffix", "image", "a", "b-c", "d_e", "x.y",
        "\"quoted key\"", "'single'", "1", "true", "k"};
    private static final String[] TEXTS = {"1.0.0", "abc", "0.10", "yes", "no", "1e3", "x y z", "tm-forum/oda",
        "a:b", "a #not", "~", "null", "-1", "hello world", "caf\u00e9", "\uD83D\uDE80"};

    private final Random random;
    private final String newline;
    private final int step;
    private final List<List<Object>> scalars = new ArrayList<>();
    private final List<String> anchors = new ArrayList<>();
    private final String text;

    RandomYaml(long seed) {
        random = new Random(seed);
        newline = random.nextInt(5) == 0 ? "\r\n" : "\n";
        step = 2 + random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(10) == 0) {
            sb.append('\uFEFF');
        }
        if (random.nextInt(6) == 0) {
            sb.append("---").append(random.nextBoolean() ? " # doc" : "").append(newline);
        }
        if (random.nextInt(4) == 0) {
            sb.append("# header").append(newline);
        }
        mapping(sb, 0, List.of(), 0);
        if (random.nextInt(8) == 0) {
            sb.append("...").append(newline);
        }
        text = sb.toString();
    }

    String text() {
        return text;
    }

    List<List<Object>> scalars() {
        return scalars;
    }

    Random random() {
        return random;
    }

    private void mapping(StringBuilder sb, int indent, List<Object> path, int depth) {
        int count = 1 + random.nextInt(4);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = key(used);
            List<Object> here = child(path, unquoted(key));
            if (random.nextInt(7) == 0) {
                sb.append(" ".repeat(indent)).append("#note").append(newline);
            }
            if (random.nextInt(9) == 0) {
                sb.append(newline);
            }
            sb.append(" ".repeat(indent)).append(key).append(":");
            int kind = depth > 2 ? 0 : random.nextInt(10);
            if (kind < 5) {
                scalarValue(sb, indent);
                scalars.add(here);
            } else if (kind < 8) {
                sb.append(comment()).append(newline);
                mapping(sb, indent + step, here, depth + 1);
            } else if (kind == 8) {
                flowMapping(sb, here);
            } else {
                sb.append(newline);
                int items = 1 + random.nextInt(3);
                int itemIndent = random.nextBoolean() ? indent : indent + step;
                for (int j = 0; j < items; j++) {
                    sb.append(" ".repeat(itemIndent)).append("- ").append(scalar(false)).append(comment())
                            .append(newline);
                    scalars.add(child(here, j));
                }
            }
        }
    }

    private void scalarValue(StringBuilder sb, int indent) {
        String deeper = " ".repeat(indent + step);
        if (!anchors.isEmpty() && random.nextInt(6) == 0) {
            sb.append(" *").append(anchors.get(random.nextInt(anchors.size())));
        } else if (random.nextInt(5) == 0) {
            switch (random.nextInt(4)) {
                case 0 -> sb.append(newline).append(deeper).append(TEXTS[random.nextInt(TEXTS.length)]);
                case 1 -> sb.append(" abc").append(newline).append(deeper).append("def");
                case 2 -> sb.append(" \"abc").append(newline).append(deeper).append("def\"");
                default -> sb.append(" x # c").append(newline).append("#c2");
            }
        } else {
            if (random.nextInt(6) == 0) {
                String anchor = "a" + anchors.size();
                anchors.add(anchor);
                sb.append(" &").append(anchor);
            }
            String value = scalar(true);
            if (!value.isEmpty()) {
                sb.append(random.nextInt(8) == 0 ? "   " : " ").append(value);
            } else if (random.nextBoolean()) {
                sb.append(" ");
            }
        }
        sb.append(comment()).append(newline);
    }

    private void flowMapping(StringBuilder sb, List<Object> path) {
        sb.append(" {");
        int count = 1 + random.nextInt(3);
        List<String> used = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            String key = key(used);
            String value = scalar(false);
            // a plain value in {...} ends at ',' or '}' and cannot hold " #": quoted there
            sb.append(j > 0 ? ", " : "").append(key).append(": ").append(value.matches("(!!str )?['\"].*") ? value
                    : "'" + value.replace("'", "''") + "'");
            scalars.add(child(path, unquoted(key)));
        }
        sb.append("}").append(comment()).append(newline);
    }

    /** A scalar in one of its styles; empty (no value at all) only where {@code mayBeEmpty}. */
    private String scalar(boolean mayBeEmpty) {
        String value = TEXTS[random.nextInt(TEXTS.length)];
        String tag = random.nextInt(10) == 0 ? "!!str " : "";
        return switch (random.nextInt(6)) {
            case 0 -> tag + "'" + value.replace("'", "''") + "'";
            case 1 -> tag + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 2 -> mayBeEmpty && random.nextBoolean() ? "" : "''";
            default -> tag + value;
        };
    }

    private String key(List<String> used) {
        String key;
        do {
            key = KEYS[random.nextInt(KEYS.length)];
        } while (used.contains(unquoted(key)));
        used.add(unquoted(key));
        return key;
    }

    private String comment() {
        return random.nextInt(4) == 0 ? " # c" + random.nextInt(9) : "";
    }

    private static String unquoted(String key) {
        return key.startsWith("\"") || key.startsWith("'") ? key.substring(1, key.length() - 1) : key;
    }

    private static List<Object> child(List<Object> path, Object segment) {
        List<Object> out = new ArrayList<>(path);
        out.add(segment);
        return out;
    }
}
