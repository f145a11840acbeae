package org.odabuild.core.edit;

/**
 * One changed value, as {@code edits.json} lists it.
 *
 * @param file repository-relative file
 * @param line 1-based line of the value
 * @param path yq path of the value
 * @param oldValue the value before (null when the key was added)
 * @param newValue the value after
 */
public record ScalarEdit(String file, int line, String path, String oldValue, String newValue) {

    @Override
    public String toString() {
        return file + ":" + line + " " + path + ": " + (oldValue == null || oldValue.isEmpty() ? "(empty)" : oldValue)
                + " -> " + (newValue.isEmpty() ? "(empty)" : newValue);
    }
}
