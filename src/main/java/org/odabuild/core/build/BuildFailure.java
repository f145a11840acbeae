package org.odabuild.core.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.docker.BaseImages;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.image.Platform;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * A failed daemon build said in the user's terms: the Dockerfile's line and what to do, where the daemon's answer
 * names an emulator that is missing, a base image it could not pull, or syntax that only BuildKit reads. Any other
 * failure stays as the daemon said it.
 */
final class BuildFailure {

    private static final Pattern PARSE_ERROR = Pattern.compile("dockerfile parse error line (\\d+): ([^\"}]+)");
    private static final Pattern BUILDKIT_OPTION = Pattern.compile("the --([a-z-]+) option requires BuildKit");
    private static final Pattern UNKNOWN_FLAG = Pattern.compile("parse error line (\\d+): Unknown flag: ([a-z-]+)");
    /** BuildKit's options that the classic builder does not know, each with what works there instead. */
    private static final Map<String, String> BUILDKIT_OPTIONS = Map.of(
            "chmod", "COPY --chmod: a RUN chmod after the COPY",
            "mount", "RUN --mount: COPY what it mounts",
            "link", "COPY --link: the same COPY without it gives the same files",
            "parents", "COPY --parents: one COPY per folder, to its own destination",
            "exclude", "COPY --exclude: list the files in .dockerignore",
            "checksum", "ADD --checksum: check the file in a RUN step with sha256sum -c",
            "keep-git-dir", "ADD --keep-git-dir: git clone in a RUN step",
            "network", "RUN --network: the step without it",
            "security", "RUN --security: the step without it");
    private static final String CLASSIC = "the plugin builds through the Docker Engine API's classic builder";

    private final ResolvedImage image;
    private final Optional<String> dockerfileText;
    private final Platform platform;
    private final Platform nativePlatform;

    /** @param dockerfileText the Dockerfile, when it can be read */
    BuildFailure(ResolvedImage image, Optional<String> dockerfileText, Platform platform, Platform nativePlatform) {
        this.image = image;
        this.dockerfileText = dockerfileText;
        this.platform = platform;
        this.nativePlatform = nativePlatform;
    }

    DockerException explain(DockerException e) {
        String answer = String.valueOf(e.getMessage());
        return missingEmulator(answer, e).or(() -> pullFailure(answer, e)).or(() -> buildkitOnly(answer, e))
                .or(() -> parseError(answer, e)).or(() -> platformArgInFrom(answer, e)).orElse(e);
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
        List<BaseImages.From> bases = dockerfileText.map(BaseImages::of).orElse(List.of());
        if (bases.isEmpty()) {
            return Optional.empty();
        }
        String which = BaseImages.culprit(bases, answer)
                .map(b -> "the base image '" + b.image() + "' (FROM at " + dockerfile() + ":" + b.line() + ")")
                .orElse("one of the base images " + bases.stream().map(b -> b.image() + " (" + dockerfile() + ":"
                        + b.line() + ")").toList());
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
            return Optional.of(buildkitOnly(option, dockerfileText.flatMap(text -> BaseImages.lineOf(text,
                    "--" + option)), e));
        }
        Matcher unknown = UNKNOWN_FLAG.matcher(answer);
        if (unknown.find() && BUILDKIT_OPTIONS.containsKey(unknown.group(2))) {
            return Optional.of(buildkitOnly(unknown.group(2), Optional.of(Integer.parseInt(unknown.group(1))), e));
        }
        return Optional.empty();
    }

    private DockerException buildkitOnly(String option, Optional<Integer> line, DockerException e) {
        String where = line.map(l -> dockerfile() + ":" + l).orElse(dockerfile());
        String instead = BUILDKIT_OPTIONS.getOrDefault(option, "the instruction without --" + option);
        return new DockerException("image " + image.key() + ": " + where + " uses --" + option
                + ", which only BuildKit builds; " + CLASSIC + " (no buildx): write it without the option ("
                + instead + "), or build this image with docker buildx", e);
    }

    /**
     * The daemon's {@code dockerfile parse error line 3: ...}, at the Dockerfile's place. A heredoc ({@code <<EOF}),
     * which only BuildKit reads, shows up as an unknown instruction in the lines after it: that is said instead.
     */
    private Optional<DockerException> parseError(String answer, DockerException e) {
        Matcher m = PARSE_ERROR.matcher(answer);
        if (!m.find()) {
            return Optional.empty();
        }
        int line = Integer.parseInt(m.group(1));
        Optional<Integer> heredoc = dockerfileText.flatMap(text -> BaseImages.heredocBefore(text, line));
        if (heredoc.isPresent()) {
            return Optional.of(new DockerException("image " + image.key() + ": " + dockerfile() + ":" + heredoc.get()
                    + " starts a heredoc (<<), which only BuildKit builds; " + CLASSIC + " (no buildx): put the text"
                    + " into a file of the build context and COPY it, or write the RUN commands on one line joined"
                    + " with &&", e));
        }
        return Optional.of(new DockerException("image " + image.key() + ": " + dockerfile() + ":" + line + ": "
                + m.group(2).strip() + ": fix the Dockerfile there", e));
    }

    /**
     * {@code FROM --platform=$BUILDPLATFORM}: BuildKit declares its platform args before the first FROM, the classic
     * builder expands in FROM only the args the Dockerfile declares there, and fails on the empty platform.
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
