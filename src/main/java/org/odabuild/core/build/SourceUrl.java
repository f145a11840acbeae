package org.odabuild.core.build;

import java.nio.file.Path;
import org.odabuild.core.UrlLogin;
import org.odabuild.core.git.OriginUrl;

/** The repository's {@code origin} URL for the {@code org.opencontainers.image.source} label, without credentials. */
final class SourceUrl {

    private SourceUrl() {
    }

    static String of(Path repositoryRoot) {
        return OriginUrl.of(repositoryRoot)
                // https://user:token@host/x.git (GitLab's clones carry the job token so) must not put the token
                // into an image label, nor ssh://user:password@host/x; scp-like git@host:x names a user alone
                .map(url -> url.contains("://") ? UrlLogin.removed(url) : url)
                .orElseGet(() -> repositoryRoot.getFileName() == null ? "" : repositoryRoot.getFileName().toString());
    }
}
