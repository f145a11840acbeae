package org.odabuild.core.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.FailedStep;
import org.odabuild.core.dockerfile.BaseImages;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileStages;
import org.odabuild.core.image.Platform;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * A failed daemon build said in the user's terms: the Dockerfile's line and what to do, where the daemon's answer
 * names an emulator that is missing, a base image it could not pull, or an option that only BuildKit reads (what
 * {@link BuildkitOnlySyntax} does not refuse before: {@code --link} on Docker 20.10). Any other
 * failure stays as the daemon said it.
 */
final class BuildFailure {

    /** Docker 20.10 says {@code parse error line 3:}, later ones {@code parse error on line 3:}. */
    private static final Pattern PARSE_ERROR = Pattern.compile("dockerfile parse error (?:on )?line (\\d+): ([^\"}]+)");
    private static final Pattern BUILDKIT_OPTION = Pattern.compile("the --([a-z-]+) option requires BuildKit");
    /** Docker 20.10 says {@code Unknown flag: link}, 26 {@code unknown flag: link}, 28 {@code unknown flag: --link}. */
    private static final Pattern UNKNOWN_FLAG = Pattern.compile(
            "parse error (?:on )?line (\\d+): (?i:unknown flag): (?:--)?([a-z][a-z-]*)");
    private static final String CLASSIC = BuildkitOnlySyntax.CLASSIC;
    /**
     * The classic builder's refusal to {@code COPY --from} a stage of another platform than the build's: Docker 20.10
     * to 26 say {@code does not match the specified platform: wanted X, actual: Y}, Docker 28 {@code its platform (Y)
     * does not match the specified platform (X)}, and with its containerd image store {@code does not provide the
     * specified platform (X)}.
     */
    private static final Pattern STAGE_OF_ANOTHER_PLATFORM = Pattern.compile("invalid from flag value ([^:]+): image"
            + " with reference \\S+ was found but (?:does not match the specified platform: wanted [^,]+, actual:"
            + " (\\S+)|its platform \\(([^)]+)\\) does not match the specified platform|does not provide the"
            + " specified platform)");
    /**
     * Docker 20.10's classic builder, when its cache gave the stage being built (FROM scratch) a step made for another
     * platform and a later {@code COPY --from} reads that step's image: the cache's doing, gone without cache.
     */
    private static final Pattern CACHED_STEP_OF_ANOTHER_PLATFORM = Pattern.compile("failed to get destination image"
            + " \\S+: image with reference \\S+ was found but does not match the specified platform");
    /** The containerd image store's wording of it: the stage has no image of the build's platform. */
    private static final Pattern STAGE_NOT_OF_THIS_PLATFORM = Pattern.compile(
            "invalid from flag value ([^:]+): No such image: sha256:");

    private final ResolvedImage image;
    private final Optional<String> dockerfileText;
    private final Map<String, String> buildArgs;
    private final Platform platform;
    private final Platform nativePlatform;
    private final Function<String, Optional<Platform>> localPlatform;
    private final BuildLog log;

    /**
     * @param dockerfileText the Dockerfile, when it can be read
     * @param buildArgs      the build args sent with it: its FROM lines' args read them
     * @param localPlatform  the platform of the image a reference names on the daemon, when it has one
     * @param log            where the failed step's output was shown
     */
    BuildFailure(ResolvedImage image, Optional<String> dockerfileText, Map<String, String> buildArgs,
            Platform platform, Platform nativePlatform, Function<String, Optional<Platform>> localPlatform,
            BuildLog log) {
        this.image = image;
        this.dockerfileText = dockerfileText;
        this.buildArgs = buildArgs;
        this.platform = platform;
        this.nativePlatform = nativePlatform;
        this.localPlatform = localPlatform;
        this.log = log;
    }

    DockerException explain(DockerException e) {
        String answer = String.valueOf(e.getMessage());
        return missingEmulator(answer, e).or(() -> pullFailure(answer, e)).or(() -> buildkitOnly(answer, e))
                .or(() -> parseError(answer, e)).or(() -> platformArgInFrom(answer, e))
                .or(() -> stageOfAnotherPlatform(answer, e)).or(() -> failedStep(answer, e)).orElse(e);
    }

    /** A step that ended with another exit code than 0: its line in the Dockerfile; its output says why. */
    private Optional<DockerException> failedStep(String answer, DockerException e) {
        Optional<FailedStep> step = FailedStep.of(e);
        return StepPlace.exitCode(answer).filter(code -> step.isPresent()).map(code -> new DockerException("image "
                + image.key() + ": its build for " + platform + " stopped at " + StepPlace.of(step.get(), dockerfile(),
                dockerfileText) + " with exit code " + code + StepPlace.output(step.get(), log)
                + ": fix that step or what it runs", e));
    }

    /**
     * Whether the daemon refused a {@code COPY --from} of a stage it built for another platform: its cache gives a
     * FROM scratch stage back as built for the first platform asked for, so the build is worth once more without it.
     */
    static boolean isStageOfAnotherPlatform(DockerException e) {
        String message = String.valueOf(e.getMessage());
        return STAGE_OF_ANOTHER_PLATFORM.matcher(message).find()
                || CACHED_STEP_OF_ANOTHER_PLATFORM.matcher(message).find();
    }

    /**
     * A {@code COPY --from} of a stage built for another platform, even without cache: BuildKit copies across
     * platforms, the classic builder does not. Either the stage's FROM asks for a platform (the cross-compiling
     * {@code FROM --platform=$BUILDPLATFORM}), or its base image has no variant of this platform on the daemon.
     */
    private Optional<DockerException> stageOfAnotherPlatform(String answer, DockerException e) {
        Matcher m = STAGE_OF_ANOTHER_PLATFORM.matcher(answer);
        Matcher containerd = STAGE_NOT_OF_THIS_PLATFORM.matcher(answer);
        boolean known = m.find();
        if (!known && !containerd.find() || dockerfileText.isEmpty()) {
            return Optional.empty();
        }
        String name = known ? m.group(1) : containerd.group(1);
        Optional<String> builtFor = known ? Optional.ofNullable(m.group(2)).or(() -> Optional.ofNullable(m.group(3)))
                : Optional.empty();
        DockerfileStages stages = DockerfileStages.of(dockerfileText.get(), buildArgs);
        List<DockerfileStages.Stage> all = stages.all();
        Optional<DockerfileStages.Stage> stage = all.isEmpty() ? Optional.empty()
                : stages.named(all.get(all.size() - 1), name, true);
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        String from = "a COPY --from=" + name + " copies from the stage whose FROM is at " + dockerfile() + ":"
                + stage.get().line() + builtFor.map(p -> ", built for " + p).orElse("") + ", into the " + platform
                + " image";
        Optional<String> asked = stage.get().options().stream().filter(o -> o.startsWith("--platform=")).findFirst();
        if (asked.isPresent()) {
            return Optional.of(new DockerException("image " + image.key() + ": " + from + " (its " + asked.get()
                    + "): " + CLASSIC + ", which copies only between stages of one platform, where BuildKit copies"
                    + " across them. Remove " + asked.get() + " from " + dockerfile() + ":" + stage.get().line()
                    + " (the stage is then built for each platform, its RUN steps under QEMU), or build "
                    + image.key() + " for the stage's platform only (" + image.config().location() + ")", e));
        }
        return builtFor.map(other -> new DockerException("image " + image.key() + ": " + from + ": its base image "
                + stage.get().base() + " has no " + platform + " variant on this daemon. Pull that variant"
                + " (docker pull --platform " + platform + " " + stage.get().base() + "), or remove " + platform
                + " from the platforms of " + image.key() + " (" + image.config().location() + ")", e));
    }

    private String dockerfile() {
        return image.config().buildDockerfile();
    }

    private Optional<DockerException> missingEmulator(String answer, DockerException e) {
        if (!answer.contains("exec format error") || platform.accepts(nativePlatform)) {
            return Optional.empty();
        }
        return Optional.of(new DockerException("image " + image.key() + ": a RUN step for " + platform + " failed"
                + " with 'exec format error': this machine (" + nativePlatform + ") cannot run " + platform
                + " programs. Register QEMU with binfmt_misc: on GitHub Actions add the step"
                + " docker/setup-qemu-action before the build; on a Linux machine run 'docker run --privileged"
                + " --rm tonistiigi/binfmt --install all' once (Docker Desktop has it already)", e));
    }

    /** A failed pull of a base image: which FROM, where, and the daemon's reason. */
    private Optional<DockerException> pullFailure(String answer, DockerException e) {
        if (!BaseImages.isPullFailure(answer)) {
            return Optional.empty();
        }
        List<BaseImages.From> bases = dockerfileText.map(text -> BaseImages.of(text, buildArgs)).orElse(List.of());
        if (bases.isEmpty()) {
            return Optional.empty();
        }
        Optional<BaseImages.From> culprit = BaseImages.culprit(bases, answer);
        String which = culprit
                .map(b -> "the base image '" + b.image() + "' (FROM at " + dockerfile() + ":" + b.line() + ")")
                .orElse("one of the base images " + bases.stream().map(b -> b.image() + " (" + dockerfile() + ":"
                        + b.line() + ")").toList());
        // Docker 23 and later pull a base image that the daemon holds only for another platform (20.10 used it as it
        // was, and ImageBuilder refuses what that gives): the failed pull is not the news, the missing variant is
        Optional<Platform> here = culprit.flatMap(b -> localPlatform.apply(b.image()));
        if (here.isPresent() && !platform.accepts(here.get())) {
            return Optional.of(new DockerException("image " + image.key() + ": " + which + " has no " + platform
                    + " variant on this daemon (it holds " + here.get() + "), and the daemon could not pull one ("
                    + answer + "). Pull that variant (docker pull --platform " + platform + " "
                    + culprit.get().image() + "), or remove " + platform + " from the platforms of " + image.key()
                    + " (" + image.config().location() + ")", e));
        }
        if (answer.contains("no matching manifest")) {
            return Optional.of(new DockerException("image " + image.key() + ": " + which + " has no " + platform
                    + " variant (" + answer + "): pick a base image published for " + platform + ", or remove "
                    + platform + " from the platforms of " + image.key() + " (" + image.config().location() + ")", e));
        }
        return Optional.of(new DockerException("image " + image.key() + ": " + which + " could not be pulled for "
                + platform + ": " + answer + ". Check its name and tag, that this machine reaches its"
                + " registry, and the login for it (docker login <registry>)", e));
    }

    /**
     * The classic builder refuses BuildKit's options: {@code COPY --chmod} and {@code RUN --mount} with a pointer to
     * enable BuildKit, which the plugin cannot do, the others ({@code COPY --link}, ...) as an unknown flag. Say
     * which line it is and what works instead.
     */
    private Optional<DockerException> buildkitOnly(String answer, DockerException e) {
        Matcher m = BUILDKIT_OPTION.matcher(answer);
        if (m.find()) {
            String option = m.group(1);
            return Optional.of(BuildkitOnlySyntax.refusal(image, dockerfileText.flatMap(text -> DockerfileInstructions
                    .of(text).stream().filter(i -> i.options().contains(option)).findFirst())
                    .map(i -> dockerfile() + ":" + i.line()).orElse(dockerfile()), option, e));
        }
        Matcher unknown = UNKNOWN_FLAG.matcher(answer);
        if (unknown.find() && BuildkitOnlySyntax.isBuildkitOption(unknown.group(2))) {
            return Optional.of(BuildkitOnlySyntax.refusal(image, dockerfile() + ":" + unknown.group(1),
                    unknown.group(2), e));
        }
        return Optional.empty();
    }

    /** The daemon's {@code dockerfile parse error line 3: ...}, at the Dockerfile's place. */
    private Optional<DockerException> parseError(String answer, DockerException e) {
        Matcher m = PARSE_ERROR.matcher(answer);
        if (!m.find()) {
            return Optional.empty();
        }
        int line = Integer.parseInt(m.group(1));
        return Optional.of(new DockerException("image " + image.key() + ": " + dockerfile() + ":" + line + ": "
                + m.group(2).strip() + ": fix the Dockerfile there", e));
    }

    /**
     * {@code FROM --platform=$BUILDPLATFORM} that the plugin could not put the platform in ({@code FromPlatformArgs}:
     * a form of arg it does not read): BuildKit declares its platform args before the first FROM, the classic builder
     * expands in FROM only the args the Dockerfile declares there, and fails on the empty platform.
     */
    private Optional<DockerException> platformArgInFrom(String answer, DockerException e) {
        if (!answer.contains("failed to parse platform")) {
            return Optional.empty();
        }
        return dockerfileText.flatMap(BaseImages::platformArgInFrom).map(use -> new DockerException("image "
                + image.key() + ": " + dockerfile() + ":" + use.line() + " names $" + use.arg() + " in FROM, which"
                + " BuildKit declares by itself; " + CLASSIC + ", which expands in FROM only the args declared before"
                + " the first FROM: add 'ARG " + use.arg() + "' as the first line (the plugin sets its value, and"
                + " BuildKit reads it the same)", e));
    }
}
