package org.odabuild.maven;

import java.time.Duration;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.build.BuildRequest;
import org.odabuild.core.build.IndexMode;
import org.odabuild.core.build.LatestTag;
import org.odabuild.core.docker.DockerEndpoint;

/** Parameters of the goals that build and push through the Docker daemon. */
abstract class AbstractBuildMojo extends AbstractRegistryMojo {

    /** Push after building; by default yes on CI ({@code CI} set, Jenkins, Azure Pipelines) and no on a laptop. */
    @Parameter(property = "oda.push")
    protected String push;

    /** When to tag and push {@code latest}: release, always or never. */
    @Parameter(property = "oda.latestTag", defaultValue = "release")
    protected String latestTag;

    /** Extra build args; also {@code -Doda.buildArgs.NAME=value}. */
    @Parameter
    protected Map<String, String> buildArgs;

    /** The Docker daemon; by default {@code DOCKER_HOST}, else the docker context in use, else the local socket. */
    @Parameter(property = "oda.dockerHost")
    protected String dockerHost;

    /** TLS certificates for a tcp daemon; by default {@code DOCKER_CERT_PATH} when {@code DOCKER_TLS_VERIFY} is set. */
    @Parameter(property = "oda.dockerCertPath")
    protected String dockerCertPath;

    /**
     * When to publish an image index: {@code auto} for several platforms (or one that is not the daemon's own),
     * {@code always} also for a single native platform.
     */
    @Parameter(property = "oda.index", defaultValue = "auto")
    protected String index;

    /** Seconds a testDockerfile container may run. */
    @Parameter(property = "oda.testTimeout", defaultValue = "600")
    protected int testTimeout;

    /** How many images build and push at the same time; default the number of cores. */
    @Parameter(property = "oda.threads")
    protected Integer threads;

    protected BuildRequest buildRequest() {
        Map<String, String> args = BuildArgProperties.of(buildArgs, session.getUserProperties());
        DockerEndpoint daemon = DockerEndpoint.of(dockerHost, dockerCertPath, System.getenv());
        return new BuildRequest(releaseCheckRequest(), flag(push, "oda.push"), LatestTag.parse(latestTag), args,
                daemon.host(), daemon.certPath(),
                Duration.ofSeconds(testTimeout), IndexMode.parse(index), DaemonAndRegistry.threads(threads));
    }
}
