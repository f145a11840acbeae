package org.odabuild.core.edit;

/**
 * One changed value, as {@code edits.json} lists it.
 *
 * @param file repository-relative file
 * @param line 1-based line of the value
 * @param path yq path of the value
 * @param oldValue the value before (null when the key was added)
 * @param newValue the value after
 * @param rule     why the goal made it (release-prep: which rule), null when the goal has one reason only
 */
public record ScalarEdit(String file, int line, String path, String oldValue, String newValue, String rule) {

    public ScalarEdit(String file, int line, String path, String oldValue, String newValue) {
        this(file, line, path, oldValue, newValue, null);
    }

    ScalarEdit because(String why) {
        return new ScalarEdit(file, line, path, oldValue, newValue, why);
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + path + ": "
                + (oldValue == null ? "(no key)" : oldValue.isEmpty() ? "(empty)" : oldValue) + " -> "
                + (newValue.isEmpty() ? "(empty)" : newValue) + (rule == null ? "" : " [" + rule + "]");
    }
}
