package org.odabuild.core.ci;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A titled Markdown table for the job summary; every cell is escaped, so a pipe or line break cannot break it. */
public final class MarkdownTable {

    private final List<String> lines = new ArrayList<>();

    public MarkdownTable(String title, String... headers) {
        lines.add("### " + cell(title));
        lines.add("");
        lines.add("| " + String.join(" | ", headers) + " |");
        lines.add("|" + String.join("|", Collections.nCopies(headers.length, " --- ")) + "|");
    }

    public MarkdownTable row(Object... cells) {
        List<String> escaped = new ArrayList<>();
        for (Object c : cells) {
            escaped.add(cell(c == null ? "" : c.toString()));
        }
        lines.add("| " + String.join(" | ", escaped) + " |");
        return this;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** A Markdown table cell: pipes and line breaks would break the table. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
