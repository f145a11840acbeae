package org.odabuild.core;

/**
 * A place in a user's file, shown in messages as {@code file:line:column} so editors can jump to it.
 *
 * @param file   path as shown to the user (repository-relative where possible)
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
