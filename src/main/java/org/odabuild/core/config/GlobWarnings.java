package org.odabuild.core.config;

import java.nio.file.Files;
import java.util.Optional;

/**
 * A {@code paths} glob that can never match a file as GitHub's paths filters read it, and the glob that was meant:
 * a folder named without a wildcard, a trailing '/' (the filters see files only), a Windows '\' between folders (git
 * names folders with '/' on every system). Each is a warning, not an error: the entry still parses, it just never
 * rebuilds the image, which is what nobody writes it for.
 */
final class GlobWarnings {

    private GlobWarnings() {
    }

    /** Why {@code glob} (already checked by {@link RepoLayout#glob}) matches no file, with the fix; empty if it may. */
    static Optional<String> of(String glob, String image, RepoLayout layout) {
        String entry = "paths entry '" + glob + "' of image '" + image + "' ";
        if (namesAFolder(glob, layout)) {
            return Optional.of(entry + "names a folder, and a glob without a wildcard matches only a file of that"
                    + " name (as in GitHub's paths filters): write '" + glob.replaceAll("/+$", "") + "/**' to watch"
                    + " the folder's files");
        }
        if (glob.indexOf('\\') >= 0) {
            return Optional.of(entry + "has '\\' between folders, where git and GitHub's paths filters have '/' on"
                    + " every system, so it matches no file: write '" + glob.replace('\\', '/') + "'");
        }
        if (glob.endsWith("/")) {
            String meant = glob.replaceAll("/+$", "");
            return Optional.of(entry + "ends with '/', and GitHub's paths filters match files only, so it matches no"
                    + " file: write '" + (meant.endsWith("**") ? meant : meant + "/**") + "'");
        }
        return Optional.empty();
    }

    /** A glob without wildcards or negation that names a folder of the work tree. */
    private static boolean namesAFolder(String glob, RepoLayout layout) {
        return !glob.isEmpty() && glob.chars().noneMatch(c -> "*?[]!+\\".indexOf(c) >= 0)
                && Files.isDirectory(layout.resolve(glob));
    }
}
