package org.odabuild.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.odabuild.core.Excerpt;
import org.odabuild.core.config.ImageConfig;

/**
 * Finds paths that cannot trigger the builds they should: files in an image's build context that no glob of its
 * {@code paths} covers (oda-canvas' pdb-management-operator watches {@code dir/*} while its code sits in
 * subfolders, so changes to it never build), a Dockerfile or test Dockerfile outside the context (or the ignore file
 * beside it) that none covers, and globs that match no tracked file at all.
 */
final class CoverageLint {

    private static final int EXAMPLES = 3;

    private CoverageLint() {
    }

    /** @param trackedFiles sorted, so each glob and context is looked at only under its literal folder */
    static List<String> check(ImageConfig image, NavigableSet<String> trackedFiles) {
        List<String> warnings = new ArrayList<>();
        PathFilter filter = PathFilter.of(image.paths());
        for (String glob : image.paths()) {
            PathGlob g = PathGlob.parse(glob);
            if (!g.negated() && under(trackedFiles, literalFolder(glob)).stream().noneMatch(g::matches)) {
                warnings.add("image " + image.key() + ": paths glob '" + glob + "' matches no tracked file: fix the"
                        + " glob in " + image.location().file() + " (line " + image.location().line() + ")");
            }
        }
        String prefix = image.buildContext().equals(".") ? "" : image.buildContext() + "/";
        List<String> uncovered = under(trackedFiles, prefix).stream()
                .filter(f -> !filter.matches(f))
                .toList();
        List<String> dockerfiles = new ArrayList<>();
        dockerfiles.add(image.buildDockerfile());
        image.testDockerfile().ifPresent(dockerfiles::add);
        for (String dockerfile : List.copyOf(dockerfiles)) {
            dockerfiles.add(dockerfile + ".dockerignore");
        }
        for (String file : dockerfiles) {
            if (!file.startsWith(prefix) && trackedFiles.contains(file) && !filter.matches(file)) {
                warnings.add("image " + image.key() + ": " + Excerpt.line(file) + ", outside its build context, is read by its"
                        + " build but not covered by its paths: changes to it do not rebuild it; add '" + file
                        + "' to its paths in " + image.location().file() + " (line " + image.location().line() + ")");
            }
        }
        if (!uncovered.isEmpty()) {
            String examples = uncovered.subList(0, Math.min(EXAMPLES, uncovered.size())).stream().map(Excerpt::line)
                    .collect(Collectors.joining(", "))
                    + (uncovered.size() > EXAMPLES ? " and " + (uncovered.size() - EXAMPLES) + " more" : "");
            warnings.add("image " + image.key() + ": " + uncovered.size() + " file(s) in its build context "
                    + image.buildContext() + " are not covered by its paths (" + examples + "): changes to them do"
                    + " not rebuild it; widen paths, e.g. '" + prefix + "**/*'");
        }
        return warnings;
    }

    /** The files whose path starts with {@code prefix}: a range of the sorted set. */
    private static SortedSet<String> under(NavigableSet<String> files, String prefix) {
        return prefix.isEmpty() ? files : files.subSet(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** The folder part of a glob before its first wildcard ({@code src/op/} of {@code src/op/**}), with its slash. */
    static String literalFolder(String glob) {
        String g = glob.startsWith("!") ? glob.substring(1) : glob;
        int wildcard = g.length();
        for (int i = 0; i < g.length(); i++) {
            if ("*[{\\".indexOf(g.charAt(i)) >= 0) {
                wildcard = i;
                break;
            }
            if (g.charAt(i) == '?' || g.charAt(i) == '+') { // GitHub's: the character before is optional or repeats
                wildcard = Math.max(0, i - 1);
                break;
            }
        }
        int slash = g.lastIndexOf('/', wildcard - 1);
        return slash < 0 ? "" : g.substring(0, slash + 1);
    }
}
