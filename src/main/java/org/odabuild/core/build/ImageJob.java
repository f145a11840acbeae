package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.git.IndexedBlobs;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.release.ReleaseImmutabilityCheck;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * What {@code oda:build} does for one image, side by side with the others: nothing when the registry already holds
 * the release from this commit or the same sources; else the build (and test) through the shared daemon.
 */
final class ImageJob {

    private final Plan plan;
    private final BuildRequest request;
    private final Map<String, ReleaseImmutabilityCheck.Finding> findings;
    private final IndexedBlobs indexed;
    private final LazyDaemon daemon;
    private final Path out;
    private final String source;

    ImageJob(Plan plan, BuildRequest request, Map<String, ReleaseImmutabilityCheck.Finding> findings,
            IndexedBlobs indexed, LazyDaemon daemon, Path out) {
        this.plan = plan;
        this.request = request;
        this.findings = findings;
        this.indexed = indexed;
        this.daemon = daemon;
        this.out = out;
        this.source = SourceUrl.of(plan.resolution().layout().root());
    }

    BuiltImage run(PlannedImage planned, BuildLog log) {
        ResolvedImage image = planned.image();
        ReleaseImmutabilityCheck.Finding finding = findings.get(image.key());
        Optional<BuiltImage> published = BuildCommand.alreadyPublished(image, finding, log);
        if (published.isPresent()) {
            return published.get(); // nothing of the context needs reading
        }
        RepoLayout layout = plan.resolution().layout();
        BuildContext context = ImageBuilder.context(layout, image);
        String hash = SourceHash.of(context, ImageBuilder.testDockerfile(layout, image), request.buildArgs(), indexed);
        Optional<BuiltImage> upToDate = BuildCommand.upToDate(image, hash, finding, log);
        if (upToDate.isPresent()) {
            return upToDate.get();
        }
        Optional<DockerDaemon> connected = daemon.get();
        if (connected.isEmpty()) {
            return BuildCommand.notBuilt(planned, "not-built", "no Docker daemon");
        }
        return new ImageBuilder(connected.get(), layout, out, log).build(image, context, plan.head(),
                plan.branch().name(), source, hash, request.buildArgs(), request.latestTag(), request.testTimeout(),
                request.index());
    }
}
