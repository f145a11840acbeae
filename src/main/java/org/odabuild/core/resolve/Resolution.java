package org.odabuild.core.resolve;

import java.util.List;
import org.odabuild.core.BuildLog;
import org.odabuild.core.config.ConfigLocator;
import org.odabuild.core.config.DockerBuildConfig;
import org.odabuild.core.config.DockerBuildConfigReader;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.RepositoryRoot;

/** The repository, its config and every resolved image: the common ground of all goals. */
public record Resolution(RepoLayout layout, DockerBuildConfig config, List<ResolvedImage> images) {

    public Resolution {
        images = List.copyOf(images);
    }

    public static Resolution of(ResolveRequest request, BuildLog log) {
        RepoLayout layout = new RepoLayout(request.repositoryRoot()
                .map(r -> request.baseDir().resolve(r))
                .or(() -> RepositoryRoot.find(request.baseDir()))
                .orElse(request.baseDir()));
        DockerBuildConfig config = new DockerBuildConfigReader(layout, log)
                .read(ConfigLocator.locate(request.configFile(), request.baseDir(), layout));
        log.debug("Read " + config.images().size() + " images from " + config.file() + " (repository root "
                + layout.root() + ")");
        return new Resolution(layout, config, new ImageResolver(layout, log).resolveAll(config));
    }
}
