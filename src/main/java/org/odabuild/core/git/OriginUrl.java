package org.odabuild.core.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/** The {@code remote.origin.url} of the repository at a work tree's root, as the installed git or JGit reads it. */
public final class OriginUrl {

    private OriginUrl() {
    }

    /** Empty when it is not set or there is no repository. */
    public static Optional<String> of(Path root) {
        return of(GitProcess.installed(), root);
    }

    static Optional<String> of(GitProcess git, Path root) {
        if (GitProcess.isWorkTreeRoot(root)) {
            Optional<GitProcess.Result> asked = git.run(root, "config", "--get", "remote.origin.url");
            // 0: its value; 1: not set; anything else (no git, a refusal) leaves it to JGit
            if (asked.isPresent() && asked.get().exitCode() <= 1) {
                String value = new String(asked.get().output(), StandardCharsets.UTF_8).strip();
                return asked.get().exitCode() == 0 && !value.isEmpty() ? Optional.of(value) : Optional.empty();
            }
        }
        try (Repository repo = JGitRepositories.open(root, false)) {
            return Optional.ofNullable(repo.getConfig().getString("remote", "origin", "url"))
                    .filter(url -> !url.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
