package org.odabuild.core.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.registry.RegistryCredentials;

/** What the build needs from a Docker daemon; {@link DmpDockerDaemon} answers through fabric8 DMP. */
public interface DockerDaemon extends AutoCloseable {

    /** e.g. {@code linux/amd64}. */
    String nativePlatform();

    /** Builds {@code reference} from a context archive whose Dockerfile is {@code dockerfileEntry}. */
    void build(String reference, Path contextTar, String dockerfileEntry, Map<String, String> buildArgs,
            Map<String, String> labels);

    void tag(String source, String target);

    /** Pushes one tag; retries transient failures. */
    void push(String reference, Optional<RegistryCredentials> credentials, int retries);

    /** The {@code repository@sha256:...} digests the daemon knows for an image (after a push). */
    List<String> repoDigests(String reference);

    /** Runs an image to its end without network and returns its exit code and standard output. */
    RunResult run(String reference, Duration timeout);

    /** Exit code and output of a finished container. */
    record RunResult(int exitCode, String stdout, String stderr) {
    }

    @Override
    void close();
}
