package org.odabuild.core.plan;

import java.util.Collection;
import java.util.List;

/**
 * The {@code paths} of one image: a file matches when the last glob that matches it is not negated, as in
 * GitHub's {@code on.push.paths}.
 */
public record PathFilter(List<PathGlob> globs) {

    public static PathFilter of(Collection<String> globs) {
        return new PathFilter(globs.stream().map(PathGlob::parse).toList());
    }

    public boolean matches(String repoRelativePath) {
        boolean matched = false;
        for (PathGlob glob : globs) {
            if (glob.matches(repoRelativePath)) {
                matched = !glob.negated();
            }
        }
        return matched;
    }

    public List<String> matching(Collection<String> files) {
        return files.stream().filter(this::matches).toList();
    }
}
