package org.odabuild.maven;

import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.build.BuildCommand;
import org.odabuild.core.build.DaemonFactory;
import org.odabuild.core.build.PushRequest;
import org.odabuild.core.docker.DockerEndpoint;

/**
 * Pushes what {@code oda:build-image} built in this build, checking release tags once more right before the push,
 * and records each digest in {@code build.json} and {@code values-digests.yaml}.
 */
@Mojo(name = "push-image", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushImageMojo extends AbstractPublishMojo {

    /** The Docker daemon; by default {@code DOCKER_HOST}, else the docker context in use, else the local socket. */
    @Parameter(property = "oda.dockerHost")
    protected String dockerHost;

    /** TLS certificates for a tcp daemon; by default {@code DOCKER_CERT_PATH} when {@code DOCKER_TLS_VERIFY} is set. */
    @Parameter(property = "oda.dockerCertPath")
    protected String dockerCertPath;

    /** How many images push at the same time; default the number of cores. */
    @Parameter(property = "oda.threads")
    protected Integer threads;

    /** Skips this goal only. */
    @Parameter(property = "oda.pushImage.skip", defaultValue = "false")
    private boolean skipPushImage;

    @Override
    protected boolean skipGoal() {
        return skipPushImage;
    }

    @Override
    protected void run(BuildLog log) {
        Map<String, String> env = System.getenv();
        DockerEndpoint daemon = DockerEndpoint.of(dockerHost, dockerCertPath, env);
        BuildCommand.push(new PushRequest(resolveRequest(), registrySettings(), daemon.host(), daemon.certPath(),
                DaemonAndRegistry.threads(threads), env), credentials(log), DaemonFactory.fabric8(), log);
    }
}
