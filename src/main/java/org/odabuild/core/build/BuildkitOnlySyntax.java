package org.odabuild.core.build;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * Dockerfile syntax that only BuildKit builds, refused before the daemon's classic builder sees it. The classic
 * builder's answer depends on the daemon's version, and some of it is no answer: Docker 23 and later read a heredoc
 * and build the image without its text, and take {@code ADD --checksum} without checking anything; Docker 20.10 fails
 * on the heredoc's first line of text. {@code --link} is left to the daemon: where it knows the option (Docker 23 and
 * later) the image holds the same files, where not, its refusal is said by {@link BuildFailure}.
 */
final class BuildkitOnlySyntax {

    static final String CLASSIC = "the plugin builds through the Docker Engine API's classic builder";

    /** BuildKit's options that the classic builder does not build, each with what works there instead. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("chmod", "COPY --chmod: a RUN chmod after the COPY"),
            Map.entry("mount", "RUN --mount=type=bind: COPY what it mounts"),
            Map.entry("link", "COPY --link: the same COPY without it gives the same files"),
            Map.entry("parents", "COPY --parents: one COPY per folder, to its own destination"),
            Map.entry("exclude", "COPY --exclude: list the files in .dockerignore"),
            Map.entry("checksum", "ADD --checksum: check the file in a RUN step with sha256sum -c"),
            Map.entry("keep-git-dir", "ADD --keep-git-dir: git clone in a RUN step"),
            Map.entry("unpack", "ADD --unpack: a RUN step that unpacks the file"),
            Map.entry("network", "RUN --network: the step without it"),
            Map.entry("security", "RUN --security: the step without it"),
            Map.entry("device", "RUN --device: the step without it"));

    private BuildkitOnlySyntax() {
    }

    /** The first heredoc or BuildKit option of the Dockerfile (read from {@code path}), said as a refusal. */
    static Optional<DockerException> find(ResolvedImage image, String path, String dockerfile) {
        for (Instruction instruction : DockerfileInstructions.of(dockerfile)) {
            if (!instruction.heredocs().isEmpty()) {
                return Optional.of(new DockerException("image " + image.key() + ": " + path + ":" + instruction.line()
                        + " starts a heredoc (<<" + instruction.heredocs().get(0) + "), which only BuildKit builds; "
                        + CLASSIC + " (no buildx), which fails on it or, from Docker 23 on, builds the image without"
                        + " the heredoc's text: put the text into a file of the build context and COPY it, or write"
                        + " the RUN commands on one line joined with &&"));
            }
            Optional<String> option = DockerfileInstructions.optionWords(instruction.arguments()).stream()
                    .filter(o -> OPTIONS.containsKey(name(o)) && !name(o).equals("link")).findFirst();
            if (option.isPresent()) {
                String name = name(option.get());
                return Optional.of(refusal(image, path + ":" + instruction.line(), name, name.equals("mount")
                        ? insteadOfMount(option.get()) : OPTIONS.get(name), null));
            }
        }
        return Optional.empty();
    }

    /** {@code chmod} of {@code --chmod=755}. */
    private static String name(String optionWord) {
        int eq = optionWord.indexOf('=');
        return optionWord.substring(2, eq < 0 ? optionWord.length() : eq);
    }

    /**
     * What works instead of a {@code RUN --mount}, by its type (BuildKit's default is {@code bind}): a cache only
     * speeds BuildKit's builds up, the step is the same without it; a secret has no classic counterpart that keeps it
     * out of the image.
     */
    private static String insteadOfMount(String optionWord) {
        Matcher type = MOUNT_TYPE.matcher(optionWord);
        return switch (type.find() ? type.group(1).toLowerCase(java.util.Locale.ROOT) : "bind") {
            case "cache" -> "RUN --mount=type=cache: the step without it, which gives the same files (keep the tool's"
                    + " cache out of the image in that step, e.g. pip install --no-cache-dir)";
            case "tmpfs" -> "RUN --mount=type=tmpfs: the step without it, removing what it writes there in the same"
                    + " step";
            case "secret", "ssh" -> "RUN --mount=type=" + type.group(1) + ": the classic builder has no way to give a"
                    + " step a secret that stays out of the image (a build arg stays in its history): fetch what"
                    + " needs it before the build, into the build context";
            default -> OPTIONS.get("mount");
        };
    }

    private static final Pattern MOUNT_TYPE = Pattern.compile("[=,]type=([a-zA-Z]+)");

    static boolean isBuildkitOption(String option) {
        return OPTIONS.containsKey(option);
    }

    /** {@code where} uses {@code --option}: what works instead. */
    static DockerException refusal(ResolvedImage image, String where, String option, Throwable daemonAnswer) {
        return refusal(image, where, option, OPTIONS.getOrDefault(option, "the instruction without --" + option),
                daemonAnswer);
    }

    private static DockerException refusal(ResolvedImage image, String where, String option, String instead,
            Throwable daemonAnswer) {
        return new DockerException("image " + image.key() + ": " + where + " uses --" + option
                + ", which only BuildKit builds; " + CLASSIC + " (no buildx): write it without the option ("
                + instead + "), or build this image with docker buildx", daemonAnswer);
    }
}
