package org.odabuild.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;

/**
 * The git submodules of a build context that this checkout left empty: a clone without {@code --recurse-submodules}
 * (GitHub's {@code actions/checkout} unless {@code submodules: true}) makes each an empty folder, which the build sends
 * as such, and an image that copies it gets nothing. Read from the repository's {@code .gitmodules}, only when there
 * is one and the context sends an empty folder.
 */
final class UncheckedOutSubmodules {

    private UncheckedOutSubmodules() {
    }

    /** The repository paths of the context's submodules that are empty folders here. */
    static List<String> of(RepoLayout layout, BuildContext context) {
        Path gitmodules = layout.root().resolve(".gitmodules");
        if (context.emptyFolders().isEmpty() || !Files.isRegularFile(gitmodules)) {
            return List.of();
        }
        Config config = new Config();
        try {
            config.fromText(Files.readString(gitmodules, StandardCharsets.UTF_8));
        } catch (IOException | ConfigInvalidException e) {
            return List.of(); // git itself says what is wrong with it when it reads it
        }
        Set<String> empty = Set.copyOf(context.emptyFolders());
        String contextPath = layout.display(context.contextDir());
        String prefix = contextPath.isEmpty() || contextPath.equals(".") ? "" : contextPath + "/";
        List<String> left = new ArrayList<>();
        for (String name : config.getSubsections("submodule")) {
            String path = config.getString("submodule", name, "path");
            if (path == null) {
                continue;
            }
            String clean = path.strip().replaceAll("/+$", "");
            if (clean.startsWith(prefix) && empty.contains(clean.substring(prefix.length()))) {
                left.add(clean);
            }
        }
        return left;
    }

    static String warning(String reference, List<String> paths) {
        return "image " + reference + ": its build context holds the git submodule" + (paths.size() == 1 ? " " : "s ")
                + String.join(", ", paths) + ", not checked out here (an empty folder): the image gets "
                + (paths.size() == 1 ? "it" : "them") + " empty; check out the submodules first (git submodule update"
                + " --init; actions/checkout: with submodules: true)";
    }
}
