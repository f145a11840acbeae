package org.odabuild.core.edit;

import java.util.Locale;

/** A Helm chart of the repository: its folder, Chart.yaml, name and version as checked out. */
record Chart(String dir, String chartFile, String name, String version) {

    /** Whether a repository file lies in this chart's folder (not its Chart.yaml, lock or packaged deps). */
    boolean owns(String file) {
        String prefix = prefix();
        return file.startsWith(prefix) && !file.equals(chartFile) && !file.equals(prefix + "Chart.lock")
                && !file.startsWith(prefix + "charts/") && !file.startsWith(prefix + "tmpcharts/");
    }

    /** The file's path inside the chart folder. */
    String relative(String file) {
        return file.substring(prefix().length());
    }

    /**
     * Whether a change of this file (inside the chart) is a change of what the chart deploys: documentation
     * (README, Markdown, a docs folder) is not, as oda-canvas maintainers do not release a chart for it.
     */
    static boolean isDocumentation(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.startsWith("readme") || name.endsWith(".md") || relative.startsWith("docs/")
                || relative.contains("/docs/") || name.equals(".helmignore");
    }

    private String prefix() {
        return dir.isEmpty() ? "" : dir + "/";
    }
}
