package org.odabuild.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.docker.FromPlatformArgs;
import org.odabuild.core.docker.UnneededStages;
import org.odabuild.core.dockerfile.DockerfileText;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * The Dockerfile the daemon gets, shaped so that the classic builder builds it as BuildKit does: without the stages
 * its last stage does not need ({@link UnneededStages}), and with the platform put in a
 * {@code FROM --platform=$BUILDPLATFORM} ({@link FromPlatformArgs}). Every line keeps its number, so the daemon's
 * errors point at the user's file; the file in the context stays as it is.
 */
final class DaemonDockerfile {

    private DaemonDockerfile() {
    }

    /** The context without the stages its Dockerfile's last stage does not need; the log says which are left out. */
    static BuildContext withoutUnneededStages(ResolvedImage image, BuildContext context, Map<String, String> args,
            RepoLayout layout, BuildLog log) {
        Optional<UnneededStages> unneeded;
        try {
            unneeded = UnneededStages.of(context.dockerfileBytes(), args);
        } catch (IOException e) {
            return context; // the daemon says what is wrong
        }
        unneeded.ifPresent(u -> log.info("Stages " + u.stages() + " of " + layout.display(context.dockerfile())
                + " are not needed by its last stage: " + image.key() + " is built without them, as BuildKit"
                + " builds it"));
        return unneeded.map(u -> context.withDockerfile(u.dockerfile())).orElse(context);
    }

    /** The context for one platform's build: {@code platformArgs}, the build's args with its platform args. */
    static BuildContext forPlatform(BuildContext context, Map<String, String> platformArgs) {
        try {
            return FromPlatformArgs.of(context.dockerfileBytes(), platformArgs).map(context::withDockerfile)
                    .orElse(context);
        } catch (IOException e) {
            return context; // the daemon says what is wrong
        }
    }

    /** The text of the context's Dockerfile as the daemon gets it (before its platform is put in). */
    static Optional<String> text(BuildContext context) {
        try {
            return Optional.of(DockerfileText.of(context.dockerfileBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The text of a Dockerfile as the daemon will get it, without the stages its last stage does not need. */
    static Optional<String> text(Path dockerfile, Map<String, String> args) {
        try {
            byte[] bytes = Files.readAllBytes(dockerfile);
            return Optional.of(DockerfileText.of(UnneededStages.of(bytes, args).map(UnneededStages::dockerfile)
                    .orElse(bytes)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
