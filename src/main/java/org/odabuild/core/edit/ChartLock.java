package org.odabuild.core.edit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * A chart's {@code Chart.lock}, which {@code helm dependency update} writes with a digest of the dependencies in
 * Chart.yaml: once release-prep pins a dependency's new version, {@code helm dependency build} refuses the lock ("the
 * lock file (Chart.lock) is out of sync with the dependencies file"). The digest is Helm's to compute (a hash of its
 * Go structures), so the lock is named with the command that writes it, not edited.
 */
final class ChartLock {

    static final String FILE = "Chart.lock";

    private ChartLock() {
    }

    /** What to say when {@code chart}, whose dependencies this run changed, keeps a lock; empty when it has none. */
    static Optional<String> outOfSync(Path root, Chart chart, Collection<String> changed) {
        String dir = chart.dir().isEmpty() ? "." : chart.dir();
        String lock = chart.dir().isEmpty() ? FILE : chart.dir() + "/" + FILE;
        if (!Files.isRegularFile(root.resolve(lock))) {
            return Optional.empty();
        }
        return Optional.of(lock + " no longer matches the dependencies of " + chart.chartFile() + " ("
                + String.join(", ", changed) + "), and helm dependency build refuses a lock out of sync with them: run"
                + " helm dependency update " + dir + " and commit " + lock + " with these changes");
    }
}
