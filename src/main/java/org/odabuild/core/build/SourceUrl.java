package org.odabuild.core.build;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.odabuild.core.git.JGitRepositories;

/** The repository's {@code origin} URL for the {@code org.opencontainers.image.source} label, without credentials. */
final class SourceUrl {

    private SourceUrl() {
    }

    static String of(Path repositoryRoot) {
        try (Repository repo = JGitRepositories.open(repositoryRoot, false)) {
            String url = repo.getConfig().getString("remote", "origin", "url");
            if (url == null || url.isBlank()) {
                return repositoryRoot.getFileName() == null ? "" : repositoryRoot.getFileName().toString();
            }
            // https://user:token@host/x.git must not put the token into an image label
            return url.replaceFirst("^(https?://)[^/@]*@", "$1");
        } catch (IOException e) {
            return "";
        }
    }
}
