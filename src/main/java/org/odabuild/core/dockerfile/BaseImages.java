package org.odabuild.core.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.dockerfile.DockerfileStages.Stage;

/**
 * The base images a Dockerfile pulls ({@code FROM} lines that name neither {@code scratch} nor an earlier stage),
 * to say which one failed when the daemon cannot pull, and to send the login of its registry: the daemon's own error
 * often names only a registry host. The Dockerfile is read as the builders read it ({@link DockerfileInstructions}: a
 * FROM continued onto the next line, comments, heredocs), and a FROM's args are put in as they do: the ARGs before
 * the first FROM, with the build args given for them ({@code ARG BASE=alpine:3.20} then {@code FROM ${BASE}}).
 */
public final class BaseImages {

    /** One {@code FROM} of the Dockerfile: the image it names, args put in where they can be, and its line. */
    public record From(String image, int line) {
    }

    private static final List<String> PULL_FAILURES = List.of("pull access denied", "manifest unknown",
            "not found", "repository does not exist", "no such host", "dial tcp", "get \"https://",
            "unauthorized", "toomanyrequests", "no matching manifest", "i/o timeout", "connection refused",
            "tls:", "x509:");

    private BaseImages() {
    }

    /** The base images, with the FROM lines' args at their defaults. */
    public static List<From> of(String dockerfile) {
        return of(dockerfile, Map.of());
    }

    /** The base images, with the FROM lines' args at the values of {@code buildArgs}, else their defaults. */
    public static List<From> of(String dockerfile, Map<String, String> buildArgs) {
        DockerfileStages stages = DockerfileStages.of(dockerfile, buildArgs);
        return stages.all().stream().filter(stage -> !stage.base().equals("scratch")
                && stages.named(stage, stage.base(), false).isEmpty())
                .map(stage -> new From(stage.base(), stage.line())).toList();
    }

    /** BuildKit's platform args ({@code TARGETARCH}, {@code BUILDPLATFORM}, ...), as words. */
    static final Pattern PLATFORM_ARG = Pattern.compile("\\b(TARGET|BUILD)(PLATFORM|OS|ARCH|VARIANT)\\b");

    /**
     * Every stage starts FROM scratch (or an earlier stage), nothing runs and nothing is copied from an image: no
     * program of the platform is needed to build it, and its files depend on the platform only through the args of
     * {@link #namesPlatformArgs}.
     */
    public static boolean runsNothing(String dockerfile) {
        return runsNothing(dockerfile, Map.of(), image -> false);
    }

    /**
     * As {@link #runsNothing(String)}, where a stage may also start FROM an image that {@code builtForEachPlatform}
     * accepts (one made in this run, whose image for each platform is at hand): no program runs, so each platform's
     * image can be made natively on that platform's base and published with that platform in its config.
     */
    public static boolean runsNothing(String dockerfile, Map<String, String> buildArgs,
            Predicate<String> builtForEachPlatform) {
        return of(dockerfile, buildArgs).stream().allMatch(from -> builtForEachPlatform.test(from.image()))
                && !copiesFromAnImage(dockerfile) && DockerfileInstructions.of(dockerfile).stream()
                .noneMatch(i -> i.keyword().equals("RUN"));
    }

    /**
     * Whether a {@code COPY --from=} names an image, not an earlier stage (by name or number): the daemon pulls it
     * for the platform being built, so {@code COPY --from=busybox /bin/busybox /} copies each platform's own binary.
     */
    static boolean copiesFromAnImage(String dockerfile) {
        return !imagesCopiedFrom(dockerfile).isEmpty();
    }

    /** The images that {@code COPY --from=} names (not earlier stages), in order. */
    public static List<String> imagesCopiedFrom(String dockerfile) {
        DockerfileStages stages = DockerfileStages.of(dockerfile, Map.of());
        return stages.all().stream().flatMap(stage -> stage.copiedFrom().stream()
                .filter(source -> stages.named(stage, source, true).isEmpty())).toList();
    }

    /**
     * Whether {@code TARGETARCH} and its kin are named: {@code COPY app-${TARGETARCH} /app} copies another file for
     * each platform.
     */
    public static boolean namesPlatformArgs(String dockerfile) {
        return DockerfileInstructions.of(dockerfile).stream()
                .anyMatch(i -> PLATFORM_ARG.matcher(i.arguments()).find());
    }

    private static final Pattern PLATFORM_ARG_VALUE = Pattern.compile(
            "^--platform=\\$\\{?((?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT))\\b");

    /** A platform arg named in a FROM line: the line (1-based) and the arg. */
    public record PlatformArgUse(int line, String arg) {
    }

    /** The first FROM line whose {@code --platform} names a platform arg ({@code FROM --platform=$BUILDPLATFORM}). */
    public static Optional<PlatformArgUse> platformArgInFrom(String dockerfile) {
        for (Stage stage : DockerfileStages.of(dockerfile, Map.of()).all()) {
            for (String option : stage.options()) {
                Matcher m = PLATFORM_ARG_VALUE.matcher(option);
                if (m.find()) {
                    return Optional.of(new PlatformArgUse(stage.line(), m.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a daemon error reads like a failed pull of a base image. */
    public static boolean isPullFailure(String daemonError) {
        String e = daemonError.toLowerCase(Locale.ROOT);
        return PULL_FAILURES.stream().anyMatch(e::contains);
    }

    /** The base image the error names, else the only one there is. */
    public static Optional<From> culprit(List<From> bases, String daemonError) {
        Optional<From> named = bases.stream().filter(b -> daemonError.contains(b.image())
                || daemonError.contains(b.image().split("[:@]")[0])).findFirst();
        return named.isPresent() || bases.size() != 1 ? named : Optional.of(bases.get(0));
    }
}
