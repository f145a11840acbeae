package org.odabuild.core.docker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base images a Dockerfile pulls ({@code FROM} lines that name neither {@code scratch} nor an earlier stage),
 * to say which one failed when the daemon cannot pull: its own error often names only a registry host.
 */
public final class BaseImages {

    /** One {@code FROM} of the Dockerfile. */
    public record From(String image, int line) {
    }

    private static final Pattern FROM = Pattern.compile(
            "(?i)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
    private static final List<String> PULL_FAILURES = List.of("pull access denied", "manifest unknown",
            "not found", "repository does not exist", "no such host", "dial tcp", "get \"https://",
            "unauthorized", "toomanyrequests", "no matching manifest", "i/o timeout", "connection refused",
            "tls:", "x509:");

    private BaseImages() {
    }

    public static List<From> of(String dockerfile) {
        List<From> bases = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        String[] lines = dockerfile.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FROM.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            String image = m.group(1);
            if (!image.equalsIgnoreCase("scratch") && !stages.contains(image.toLowerCase(Locale.ROOT))) {
                bases.add(new From(image, i + 1));
            }
            if (m.group(2) != null) {
                stages.add(m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return bases;
    }

    private static final Pattern RUN = Pattern.compile("(?im)^\\s*RUN\\b");
    private static final Pattern PLATFORM_ARG = Pattern.compile("\\b(TARGET|BUILD)(PLATFORM|OS|ARCH|VARIANT)\\b");

    /**
     * Every stage starts FROM scratch (or an earlier stage), nothing runs and nothing is copied from an image: no
     * program of the platform is needed to build it, and its files depend on the platform only through the args of
     * {@link #namesPlatformArgs}.
     */
    public static boolean runsNothing(String dockerfile) {
        return of(dockerfile).isEmpty() && !RUN.matcher(dockerfile).find() && !copiesFromAnImage(dockerfile);
    }

    private static final Pattern COPY_FROM = Pattern.compile("(?i)^\\s*COPY\\b.*?\\s--from=(\\S+)");

    /**
     * Whether a {@code COPY --from=} names an image, not an earlier stage (by name or number): the daemon pulls it
     * for the platform being built, so {@code COPY --from=busybox /bin/busybox /} copies each platform's own binary.
     */
    static boolean copiesFromAnImage(String dockerfile) {
        return !imagesCopiedFrom(dockerfile).isEmpty();
    }

    /** The images that {@code COPY --from=} names (not earlier stages), in order. */
    public static List<String> imagesCopiedFrom(String dockerfile) {
        Set<String> stages = new HashSet<>();
        int stageCount = 0;
        List<String> images = new ArrayList<>();
        for (String line : dockerfile.split("\\r?\\n", -1)) {
            Matcher from = FROM.matcher(line);
            if (from.matches()) {
                stageCount++;
                if (from.group(2) != null) {
                    stages.add(from.group(2).toLowerCase(Locale.ROOT));
                }
                continue;
            }
            Matcher copy = COPY_FROM.matcher(line);
            if (copy.find()) {
                String source = copy.group(1);
                String lower = source.toLowerCase(Locale.ROOT);
                boolean earlierStage = stages.contains(lower)
                        || lower.matches("\\d{1,9}") && Integer.parseInt(lower) < stageCount;
                if (!earlierStage) {
                    images.add(source);
                }
            }
        }
        return images;
    }

    /**
     * Whether {@code TARGETARCH} and its kin are named: {@code COPY app-${TARGETARCH} /app} copies another file for
     * each platform.
     */
    public static boolean namesPlatformArgs(String dockerfile) {
        return PLATFORM_ARG.matcher(dockerfile).find();
    }

    private static final Pattern FROM_PLATFORM_ARG = Pattern.compile(
            "^\\s*(?i:FROM)\\s+--platform=\\$\\{?((?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT))\\b");

    /** A platform arg named in a FROM line: the line (1-based) and the arg. */
    public record PlatformArgUse(int line, String arg) {
    }

    /** The first FROM line whose {@code --platform} names a platform arg ({@code FROM --platform=$BUILDPLATFORM}). */
    public static Optional<PlatformArgUse> platformArgInFrom(String dockerfile) {
        return found(dockerfile, FROM_PLATFORM_ARG).stream().findFirst()
                .map(f -> new PlatformArgUse(f.line(), f.match().group(1)));
    }

    /** The first line (1-based) of the Dockerfile that holds {@code text}. */
    public static Optional<Integer> lineOf(String dockerfile, String text) {
        return found(dockerfile, Pattern.compile(Pattern.quote(text))).stream().findFirst().map(Found::line);
    }

    /** A line (1-based) that a pattern finds something in, and what it found. */
    private record Found(int line, MatchResult match) {
    }

    /** The lines {@code pattern} finds something in, in order. */
    private static List<Found> found(String dockerfile, Pattern pattern) {
        List<Found> found = new ArrayList<>();
        String[] lines = dockerfile.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = pattern.matcher(lines[i]);
            if (m.find()) {
                found.add(new Found(i + 1, m.toMatchResult()));
            }
        }
        return found;
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
