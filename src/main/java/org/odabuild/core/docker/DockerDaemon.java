package org.odabuild.core.docker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.image.Platform;

/** What the build needs from a Docker daemon; {@link DmpDockerDaemon} answers through fabric8 DMP. */
public interface DockerDaemon extends AutoCloseable {

    /** e.g. {@code linux/amd64}. */
    String nativePlatform();

    /**
     * Whether the daemon keeps its images in containerd's image store ({@code containerd-snapshotter}: the default
     * of Docker Desktop and of Docker 29's new installs), where an image is named by its manifest.
     */
    boolean containerdImageStore();

    /**
     * Builds an image from a context archive and tags it as {@code build.reference()}; returns what this very call
     * built, even when another build on the same daemon tags the same reference at the same time.
     */
    LocalImage build(Build build);

    /**
     * One {@code /build} call: the context is archived as it is sent.
     *
     * @param platform the platform to build for; empty builds the daemon's own
     * @param noCache  build every step again (the classic builder's cache does not tell platforms apart)
     * @param logins   the logins the daemon may pull its base images with
     * @param pull     pull every base image for the platform even when the daemon holds one under its name
     */
    record Build(String reference, BuildContext context, Map<String, String> buildArgs, Optional<String> platform,
            boolean noCache, PullLogins logins, boolean pull) {

        public Build {
            buildArgs = Map.copyOf(buildArgs);
        }

        public Build(String reference, BuildContext context, Map<String, String> buildArgs, Optional<String> platform,
                boolean noCache) {
            this(reference, context, buildArgs, platform, noCache, PullLogins.NONE, false);
        }

        public Build withNoCache() {
            return new Build(reference, context, buildArgs, platform, true, logins, pull);
        }

        /** This build with the logins its base images' pulls may use. */
        public Build withLogins(PullLogins pullLogins) {
            return new Build(reference, context, buildArgs, platform, noCache, pullLogins, pull);
        }

        /** This build with its base images pulled for its platform ({@code docker build --pull}). */
        public Build withPull() {
            return new Build(reference, context, buildArgs, platform, noCache, logins, true);
        }
    }

    /** The image a reference names now, by id and platform. */
    LocalImage inspect(String reference);

    /** An image in the daemon: its id ({@code sha256:} of its config) and the platform its config says. */
    record LocalImage(String id, Platform platform) {
    }

    /** Tags an image ({@code sha256:} id or reference) as {@code target}. */
    void tag(String source, String target);

    /** Streams {@code docker save} of one image (by id, so a concurrent retag cannot swap it) to {@code reader}. */
    <T> T save(String imageId, ArchiveReader<T> reader);

    /** Reads a {@code docker save} archive. */
    interface ArchiveReader<T> {
        T read(InputStream archive) throws IOException;
    }

    /** Runs an image to its end without network and returns its exit code and standard output. */
    RunResult run(String reference, Duration timeout);

    /** Exit code and output of a finished container. */
    record RunResult(int exitCode, String stdout, String stderr) {
    }

    @Override
    void close();
}
