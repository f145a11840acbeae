package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.docker.ClientProxies;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.image.Platform;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
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
    private final SourceHashes hashes;
    private final LazyDaemon daemon;
    private final Path out;
    private final CredentialSource credentials;
    private final RegistryClient registry;
    private final RunBases bases;
    private final Map<String, String> otherRunsBases; // by key, as repository@digest
    private final ForkBases forkBases;
    private final Map<String, BuiltImage> built = new ConcurrentHashMap<>();
    private String source; // the origin URL, read when the first image is built (an up-to-date one needs none)
    private Map<String, String> proxies; // the docker client's, read when the first image is built

    ImageJob(Plan plan, BuildRequest request, Map<String, ReleaseImmutabilityCheck.Finding> findings,
            SourceHashes hashes, LazyDaemon daemon, Path out, CredentialSource credentials, RegistryClient registry,
            RunBases bases, Map<String, String> otherRunsBases, ForkBases forkBases) {
        this.plan = plan;
        this.request = request;
        this.findings = findings;
        this.hashes = hashes;
        this.daemon = daemon;
        this.out = out;
        this.credentials = credentials;
        this.registry = registry;
        this.bases = bases;
        this.otherRunsBases = otherRunsBases;
        this.forkBases = forkBases;
    }

    /** The docker client's proxies as build args; which of them are passed is said once, their values never. */
    private synchronized Map<String, String> proxies(BuildLog log) {
        if (proxies == null) {
            proxies = ClientProxies.buildArgs(request.release().plan().env(), request.dockerHost());
            if (!proxies.isEmpty()) {
                log.info("Passing the docker client's proxies (config.json) as build args, as docker build does: "
                        + String.join(", ", proxies.keySet()));
            }
        }
        return proxies;
    }

    private synchronized String source() {
        if (source == null) {
            source = SourceUrl.of(plan.resolution().layout().root());
        }
        return source;
    }

    BuiltImage run(PlannedImage planned, BuildLog log) {
        BuiltImage result = runOne(planned, log);
        built.put(result.key(), result);
        return result;
    }

    private BuiltImage runOne(PlannedImage planned, BuildLog log) {
        ResolvedImage image = planned.image();
        ReleaseImmutabilityCheck.Finding finding = findings.get(image.key());
        Optional<BuiltImage> published = alreadyPublished(image, finding, log);
        if (published.isPresent()) {
            return published.get(); // its hash is not waited for
        }
        SourceHashes.Hashed sources = hashes.of(image.key());
        String hash = sources.hash();
        // its own files are not all it is made of when a base of it was built again in this run, or is changed by
        // this push and built by another run; but a release tag published from these sources is immutable: built
        // again on the new base it could only be refused before the push, so it stays as the plan leaves an image
        // whose own files did not change
        List<String> rebuiltBases = bases.rebuiltBasesOf(image.key(), built);
        boolean onNewBases = !rebuiltBases.isEmpty() || bases.onOtherRuns(image.key());
        boolean immutable = staysPublished(image, finding);
        Optional<BuiltImage> upToDate = !onNewBases || immutable ? upToDate(image, hash, finding, log)
                : Optional.empty();
        if (upToDate.isPresent()) {
            if (onNewBases) {
                log.info(image.key() + "'s base " + (rebuiltBases.isEmpty() ? "changes in this push"
                        : String.join(", ", rebuiltBases) + " was built again in this run") + ", but a release tag is"
                        + " immutable: bump " + image.key() + "'s version to publish it on the new one");
            }
            return upToDate.get();
        }
        if (!rebuiltBases.isEmpty()) {
            log.info(image.key() + " is built on " + String.join(", ", rebuiltBases) + ", which this run built: on"
                    + " its image for each platform");
        }
        Optional<DockerDaemon> connected = daemon.get();
        if (connected.isEmpty()) {
            return BuildCommand.notBuilt(planned, BuildStatus.NOT_BUILT, "no Docker daemon");
        }
        ImageBuilder builder = new ImageBuilder(connected.get(), plan.resolution().layout(), out, log, credentials,
                registry);
        return builder.build(image, sources.context(), plan.head(), plan.branch().name(), source(), hash,
                ClientProxies.under(request.buildArgs(), proxies(log)), request.latestTag(),
                request.testTimeout(), request.index(), bases.of(image, built, otherRunsBases,
                forkBases));
    }

    /**
     * Whether the image is a release the registry holds from these sources: its tag is immutable, so it is not
     * built again, on whatever base.
     */
    static boolean staysPublished(ResolvedImage image, ReleaseImmutabilityCheck.Finding finding) {
        return image.isRelease() && finding != null && finding.publishedFromTheseSources();
    }

    /** A re-run release job: the registry holds the release built from this commit, so there is nothing to do. */
    private static Optional<BuiltImage> alreadyPublished(ResolvedImage image,
            ReleaseImmutabilityCheck.Finding finding, BuildLog log) {
        if (finding == null || !finding.publishedFromThisCommit()) {
            return Optional.empty();
        }
        log.info(image.reference() + " is already published from this commit (" + finding.revision().substring(0, 7)
                + "): " + finding.digest() + "; nothing to build");
        return Optional.of(new BuiltImage(image.key(), image.image().name(), image.tag().toString(),
                image.reference(), true, BuildStatus.ALREADY_PUBLISHED, List.of(image.reference()), null,
                finding.digest(), 0, null, null, List.of(), false, Map.of(), null, null));
    }

    private static Optional<BuiltImage> upToDate(ResolvedImage image, String hash,
            ReleaseImmutabilityCheck.Finding finding, BuildLog log) {
        if (finding == null || !finding.tagExists() || !hash.equals(finding.sourceHash())) {
            return Optional.empty();
        }
        if (!Platform.sameSet(image.config().platforms(), finding.platforms())) {
            log.info(image.reference() + " holds the same sources for " + Excerpt.of(finding.platforms().toString())
                    + ", but " + image.config().platforms() + " are asked for: building it again");
            return Optional.empty();
        }
        if (image.isRelease()) {
            // planned again (a move, a clone too shallow to tell, -Doda.force) but published already as it would be
            log.info(image.reference() + " is already published from the same sources" + Optional.ofNullable(
                    finding.revision()).map(r -> " (built from commit " + Excerpt.of(r.substring(0, Math.min(7,
                            r.length()))) + ")").orElse("") + ": " + finding.digest() + "; nothing to build");
        } else {
            log.info(image.reference() + " is up to date: the registry holds it built from the same sources ("
                    + finding.digest() + ")");
        }
        return Optional.of(new BuiltImage(image.key(), image.image().name(), image.tag().toString(), image.reference(),
                image.isRelease(), image.isRelease() ? BuildStatus.ALREADY_PUBLISHED : BuildStatus.UP_TO_DATE,
                List.of(image.reference()), hash, finding.digest(), 0, null, null, List.of(), false, Map.of(), null,
                null));
    }
}
