package org.odabuild.core.build;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.odabuild.core.BuildLog;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.FailedStep;
import org.odabuild.core.docker.PullLogins;
import org.odabuild.core.dockerfile.BaseImages;
import org.odabuild.core.dockerfile.DockerfileText;
import org.odabuild.core.git.HeadCommit;
import org.odabuild.core.image.Platform;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.resolve.ResolvedImage;

/** Builds one image through the daemon, tags it, and runs its test image before anything is pushed. */
final class ImageBuilder {

    private final DockerDaemon daemon;
    private final RepoLayout layout;
    private final Path outputDir;
    private final BuildLog log;
    private final CredentialSource credentials;
    private final PlatformBaseDigests baseDigests;
    // of the image build() builds: one builder builds one image
    private PullLogins logins = PullLogins.NONE;
    private List<String> pullingDockerfiles = List.of(); // the texts the logins are for
    private Optional<String> dockerfile = Optional.empty(); // as the daemon gets it

    /** @param registry reads which manifest of a multi-platform base image is the platform's */
    ImageBuilder(DockerDaemon daemon, RepoLayout layout, Path outputDir, BuildLog log, CredentialSource credentials,
            RegistryClient registry) {
        this.daemon = daemon;
        this.layout = layout;
        this.outputDir = outputDir;
        this.log = log;
        this.credentials = credentials;
        this.baseDigests = new PlatformBaseDigests(daemon, this::localPlatform, registry, log);
    }

    /** The image's context with its Dockerfile, as sent to the daemon; the plugin's reports are never in it. */
    static BuildContext context(RepoLayout layout, Path reports, ResolvedImage image) {
        // the context's own files are sent as they are, links as links; its .dockerignore is read, like a Dockerfile
        layout.inside(image.config().buildContext() + "/.dockerignore", ".dockerignore of image " + image.key());
        layout.inside(image.config().buildDockerfile() + ".dockerignore", "Dockerfile's .dockerignore of image "
                + image.key());
        return BuildContext.of(layout.folder(image.config().buildContext(), "buildContext of image " + image.key()),
                layout.file(image.config().buildDockerfile(), "buildDockerfile of image " + image.key()),
                Optional.of(reports), layout::display);
    }

    /**
     * Builds every platform of the image through the daemon ({@code platform} of {@code /build}), checks each result
     * is the platform asked for, tags the native one (or the only one) as the image's reference, and runs the test
     * image on the native platform.
     */
    BuiltImage build(ResolvedImage image, BuildContext sources, HeadCommit head, String branch, String source,
            String sourceHash, Map<String, String> userArgs, LatestTag latest, Duration testTimeout, IndexMode mode,
            RunBases.OnBases onBases) {
        long start = System.nanoTime();
        // files keep their times up to the commit's, the SOURCE_DATE_EPOCH of the build args below
        Instant now = Instant.now();
        Map<String, String> args = BuildArgs.of(head, now, userArgs);
        BuildContext context = DaemonDockerfile.withoutUnneededStages(image, sources.withTimesClampedTo(head.time()),
                args, layout, log);
        dockerfile = DaemonDockerfile.text(context);
        Map<String, String> labels = ImageLabels.of(image, head, branch, now, sourceHash, source);
        List<Platform> platforms = image.config().platforms().stream().map(Platform::parse).toList();
        Platform nativePlatform = Platform.parse(daemon.nativePlatform());
        Platform local = platforms.stream().filter(p -> p.accepts(nativePlatform)).findFirst()
                .orElse(platforms.get(0));
        boolean index = mode.index(platforms.size(), local.accepts(nativePlatform));
        log.info("Building " + image.reference() + " from " + image.config().buildContext() + " ("
                + context.files().size() + " files) for " + platforms.stream().map(Platform::toString).toList()
                + (index ? " as an image index" : ""));
        List<String> emptySubmodules = UncheckedOutSubmodules.of(layout, context);
        if (!emptySubmodules.isEmpty()) {
            log.warn(UncheckedOutSubmodules.warning(image.reference().toString(), emptySubmodules));
        }
        // FROM scratch with nothing to run: the files depend on the platform through its args at most, so each is built
        // natively and published with its platform in the config, as buildx does. The classic builder cannot build
        // such a Dockerfile for another platform when an ARG or LABEL precedes the first COPY ("does not match the
        // platform"); without a platform arg one build serves them all
        Optional<String> testDockerfile = testDockerfile(layout, image).flatMap(path -> DaemonDockerfile.text(path,
                args));
        refuseWhatTheClassicBuilderMisreads(image, dockerfile, testDockerfile);
        pullingDockerfiles = Stream.concat(dockerfile.stream(), testDockerfile.stream()).toList();
        logins = BaseImageLogins.of(pullingDockerfiles, args, credentials);
        if (!logins.isEmpty()) {
            log.info("The daemon may pull the base images of " + image.key() + " with the " + logins);
        }
        boolean retarget = (platforms.size() > 1 || !local.accepts(nativePlatform))
                && dockerfile.filter(text -> BaseImages.runsNothing(text, userArgs, onBases::builtHere)).isPresent();
        // on images of this run, each platform's image is made on that platform's base
        boolean onRunBases = dockerfile.filter(text -> BaseImages.of(text, userArgs).stream()
                .anyMatch(from -> onBases.builtHere(from.image()))).isPresent();
        boolean once = retarget && !onRunBases && dockerfile.filter(BaseImages::namesPlatformArgs).isEmpty();
        if (retarget && onRunBases) {
            log.info(image.key() + " runs nothing on images of this run: each platform's image is made natively on"
                    + " that platform's base and published with that platform in its config");
        } else if (retarget && !once) {
            log.info(image.key() + " is FROM scratch, runs nothing and names a platform arg: each platform's files are"
                    + " copied natively with its args and published with that platform in its config");
        }
        List<BuiltImage.PlatformBuild> built = once ? buildOnce(image, context, args, platforms, nativePlatform)
                : buildEach(image, context, args, platforms, local, nativePlatform, retarget, onBases);
        boolean runsHere = once || local.accepts(nativePlatform);
        List<String> tags = new ArrayList<>(List.of(image.reference()));
        if (latest.applies(image.isRelease())) {
            String latestRef = image.image().name() + ":latest";
            daemon.tag(built.get(once ? 0 : platforms.indexOf(local)).imageId(), latestRef);
            tags.add(latestRef);
        }
        String report = null;
        if (image.config().testDockerfile().isPresent()) {
            if (runsHere) {
                report = new TestImage(daemon, layout, outputDir, log).run(image, context,
                        image.config().testDockerfile().get(), BuildArgs.forPlatform(args, nativePlatform,
                        nativePlatform), testTimeout, logins);
            } else {
                log.warn("Tests of " + image.key() + " not run: none of its platforms " + platforms + " runs on this"
                        + " daemon (" + nativePlatform + ")");
            }
        }
        return new BuiltImage(image.key(), image.image().name(), image.tag().toString(), image.reference(),
                image.isRelease(), BuildStatus.BUILT, tags, sourceHash, null, (System.nanoTime() - start) / 1_000_000,
                report, null, built, index, labels, head.time().getEpochSecond(), null);
    }

    /**
     * Before any build: the classic builder would refuse it without naming the file, or build it wrongly without a
     * word.
     */
    private static void refuseWhatTheClassicBuilderMisreads(ResolvedImage image, Optional<String> dockerfile,
            Optional<String> testDockerfile) {
        Optional<DockerException> refused = dockerfile.flatMap(text -> misread(image,
                image.config().buildDockerfile(), text)).or(() -> testDockerfile.flatMap(text -> misread(image,
                        image.config().testDockerfile().orElseThrow(), text)));
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    private static Optional<DockerException> misread(ResolvedImage image, String path, String dockerfile) {
        return DockerfileWithoutStage.find(image, path, dockerfile)
                .or(() -> BuildkitOnlySyntax.find(image, path, dockerfile));
    }

    private List<BuiltImage.PlatformBuild> buildOnce(ResolvedImage image, BuildContext context, Map<String, String> args,
            List<Platform> platforms, Platform nativePlatform) {
        Map<String, String> platformArgs = BuildArgs.forPlatform(args, nativePlatform, nativePlatform);
        String id = buildFor(image, new DockerDaemon.Build(image.reference(), DaemonDockerfile.forPlatform(context,
                platformArgs), platformArgs, Optional.of(nativePlatform.toString()), false), nativePlatform,
                nativePlatform);
        log.info(image.key() + " is FROM scratch and runs nothing: its layers are the same on every platform, built"
                + " once and published for each");
        return platforms.stream().map(p -> new BuiltImage.PlatformBuild(p.toString(), id, null,
                !p.accepts(nativePlatform))).toList();
    }

    /**
     * Each platform through the daemon with its platform args; {@code local} is tagged as the image's reference, the
     * others locally. {@code retarget}: built natively, to be published with the platform in its config.
     */
    private List<BuiltImage.PlatformBuild> buildEach(ResolvedImage image, BuildContext context, Map<String, String> args,
            List<Platform> platforms, Platform local, Platform nativePlatform, boolean retarget,
            RunBases.OnBases onBases) {
        List<BuiltImage.PlatformBuild> built = new ArrayList<>();
        for (Platform platform : platforms) {
            String reference = platform == local ? image.reference() : platformReference(image, platform);
            Platform buildAs = retarget ? nativePlatform : platform;
            Map<String, String> platformArgs = BuildArgs.forPlatform(args, platform, nativePlatform);
            BuildContext sent = baseDigests.forPlatform(image.key(), onBases.forPlatform(DaemonDockerfile
                    .forPlatform(context, platformArgs), platformArgs, retarget ? platform : buildAs, retarget),
                    platformArgs, buildAs, nativePlatform);
            String id = buildFor(image, new DockerDaemon.Build(reference, sent, platformArgs,
                    Optional.of(buildAs.toString()), false), buildAs, nativePlatform);
            built.add(new BuiltImage.PlatformBuild(platform.toString(), id, null,
                    retarget && !platform.accepts(nativePlatform)));
        }
        return built;
    }

    /**
     * One platform's build; returns the image id. The classic builder's cache does not tell platforms apart (a
     * {@code FROM scratch} step built for arm64 is reused for amd64), and a local base image of another platform is
     * used as it is: what was built is read back, built again without cache when it is the wrong platform, and
     * refused when it still is.
     */
    private String buildFor(ResolvedImage image, DockerDaemon.Build build, Platform platform, Platform nativePlatform) {
        DockerDaemon.LocalImage made = daemonBuild(image, build, platform, nativePlatform);
        if (!platform.accepts(made.platform())) {
            log.info("The daemon's cache gave " + made.platform() + " for " + platform + " of " + image.key()
                    + "; building it again without cache");
            made = daemonBuild(image, build.withNoCache(), platform, nativePlatform);
        }
        if (!platform.accepts(made.platform()) && baseImages(image, build.buildArgs()).isPresent()) {
            // Docker 20.10 keeps one variant of a base image under its name and builds another platform on it as it
            // is, where later daemons pull the variant they miss: pulled for this platform, it is the right one
            log.info("Building " + image.key() + " for " + platform + " gave " + made.platform() + " again: pulling"
                    + " its base images for " + platform);
            made = daemonBuild(image, build.withNoCache().withPull(), platform, nativePlatform);
        }
        if (!platform.accepts(made.platform())) {
            throw new DockerException("image " + image.key() + ": building for " + platform + " gave a "
                    + made.platform() + " image: " + baseImages(image, build.buildArgs())
                    .map(b -> "its base image " + b).orElse("its base image") + " has no " + platform + " variant on this daemon. Pull that variant"
                    + " (docker pull --platform " + platform + " <base image>), or remove " + platform
                    + " from the platforms of " + image.key() + " (" + image.config().location() + ")");
        }
        return made.id();
    }

    private DockerDaemon.LocalImage daemonBuild(ResolvedImage image, DockerDaemon.Build build, Platform platform,
            Platform nativePlatform) {
        try {
            return daemon.build(build.withLogins(loginsFor(build)));
        } catch (DockerException e) {
            if (!build.noCache() && BuildFailure.isStageOfAnotherPlatform(e)) {
                log.info("The daemon's cache gave a stage of " + image.key() + " built for another platform than "
                        + platform + "; building it again without cache");
                return daemonBuild(image, build.withNoCache(), platform, nativePlatform);
            }
            FailedStep.of(e).ifPresent(step -> step.showIn(log));
            throw new BuildFailure(image, dockerfile, build.buildArgs(), platform, nativePlatform,
                    this::localPlatform, log).explain(e);
        }
    }

    /**
     * The logins of the registries the build pulls from: its Dockerfile as sent may name a base on another registry
     * than the one written (the fork's image of {@link ForkBases}).
     */
    private PullLogins loginsFor(DockerDaemon.Build build) {
        String sent;
        try {
            sent = DockerfileText.of(build.context().dockerfileBytes());
        } catch (IOException e) {
            return logins; // the daemon says what is wrong with it
        }
        if (pullingDockerfiles.contains(sent)) {
            return logins;
        }
        return BaseImageLogins.of(Stream.concat(pullingDockerfiles.stream(), Stream.of(sent)).toList(),
                build.buildArgs(), credentials);
    }

    private Optional<Platform> localPlatform(String reference) {
        try {
            return Optional.of(daemon.inspect(reference).platform());
        } catch (DockerException e) {
            return Optional.empty(); // not on the daemon
        }
    }

    /** Where a non-native platform's image is tagged in the daemon: a local name no registry push ever uses. */
    static String platformReference(ResolvedImage image, Platform platform) {
        return "oda-platform/" + safe(image.key()) + ":" + image.tag() + "-" + platform.toString().replace('/', '-');
    }

    private Optional<String> baseImages(ResolvedImage image, Map<String, String> buildArgs) {
        String path = image.config().buildDockerfile();
        return dockerfile.map(text -> BaseImages.of(text, buildArgs)).filter(bases -> !bases.isEmpty())
                .map(bases -> String.join(", ", bases.stream()
                        .map(b -> "'" + b.image() + "' (FROM at " + path + ":" + b.line() + ")").toList()));
    }

    static String safe(String key) {
        String s = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return s.isEmpty() ? "image" : s;
    }

    static Optional<Path> testDockerfile(RepoLayout layout, ResolvedImage image) {
        return image.config().testDockerfile().map(t -> layout.file(t, "testDockerfile of image " + image.key()));
    }
}
