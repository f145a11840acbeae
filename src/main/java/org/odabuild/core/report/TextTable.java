package org.odabuild.core.report;

import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table for the build log. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        rows.add(header);
    }

    public TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(r);
        return this;
    }

    public List<String> lines() {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns && i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = i < r.length ? r[i] : "";
                sb.append(i == columns - 1 ? cell : String.format("%-" + width[i] + "s  ", cell));
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
