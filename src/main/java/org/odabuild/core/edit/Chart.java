package org.odabuild.core.edit;

/** A Helm chart of the repository: its folder, Chart.yaml and name. */
record Chart(String dir, String chartFile, String name, String version) {

    /** Whether a repository file belongs to this chart's sources (not its Chart.yaml, lock or packaged deps). */
    boolean owns(String file) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        return file.startsWith(prefix) && !file.equals(chartFile) && !file.equals(prefix + "Chart.lock")
                && !file.startsWith(prefix + "charts/") && !file.startsWith(prefix + "tmpcharts/");
    }
}
