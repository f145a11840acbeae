package org.odabuild.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.odabuild.core.config.ImageConfig;

/**
 * Finds paths that cannot trigger the builds they should: files in an image's build context that no glob of its
 * {@code paths} covers (oda-canvas' pdb-management-operator watches {@code dir/*} while its code sits in
 * subfolders, so changes to it never build), and globs that match no tracked file at all.
 */
final class CoverageLint {

    private static final int EXAMPLES = 3;

    private CoverageLint() {
    }

    static List<String> check(ImageConfig image, List<String> trackedFiles) {
        List<String> warnings = new ArrayList<>();
        PathFilter filter = PathFilter.of(image.paths());
        for (String glob : image.paths()) {
            PathGlob g = PathGlob.parse(glob);
            if (!g.negated() && trackedFiles.stream().noneMatch(g::matches)) {
                warnings.add("image " + image.key() + ": paths glob '" + glob + "' matches no tracked file: fix the"
                        + " glob in " + image.location().file() + " (line " + image.location().line() + ")");
            }
        }
        String prefix = image.buildContext().equals(".") ? "" : image.buildContext() + "/";
        List<String> uncovered = trackedFiles.stream()
                .filter(f -> f.startsWith(prefix))
                .filter(f -> !filter.matches(f))
                .toList();
        if (!uncovered.isEmpty()) {
            String examples = String.join(", ", uncovered.subList(0, Math.min(EXAMPLES, uncovered.size())))
                    + (uncovered.size() > EXAMPLES ? " and " + (uncovered.size() - EXAMPLES) + " more" : "");
            warnings.add("image " + image.key() + ": " + uncovered.size() + " file(s) in its build context "
                    + image.buildContext() + " are not covered by its paths (" + examples + "): changes to them do"
                    + " not rebuild it; widen paths, e.g. '" + prefix + "**/*'");
        }
        return warnings;
    }
}
