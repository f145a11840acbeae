package org.odabuild.core.docker;

import com.google.gson.Gson;
import io.fabric8.maven.docker.access.AuthConfig;
import io.fabric8.maven.docker.access.BuildOptions;
import io.fabric8.maven.docker.access.ContainerCreateConfig;
import io.fabric8.maven.docker.access.ContainerHostConfig;
import io.fabric8.maven.docker.access.DockerAccessException;
import io.fabric8.maven.docker.access.hc.DockerAccessWithHcClient;
import io.fabric8.maven.docker.access.log.LogCallback;
import io.fabric8.maven.docker.model.ContainerDetails;
import io.fabric8.maven.docker.model.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.odabuild.core.BuildLog;
import org.odabuild.core.registry.RegistryCredentials;

/** The Docker Engine API through fabric8 docker-maven-plugin's {@link DockerAccessWithHcClient}. */
public final class DmpDockerDaemon implements DockerDaemon {

    private final DockerAccessWithHcClient docker;
    private final String url;

    private DmpDockerDaemon(DockerAccessWithHcClient docker, String url) {
        this.docker = docker;
        this.url = url;
    }

    /**
     * Connects and checks that the daemon answers.
     *
     * @param url      {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
     * @param certPath TLS certificates for tcp, or null
     */
    public static DmpDockerDaemon connect(String url, String certPath, BuildLog log) {
        try {
            DockerAccessWithHcClient client = new DockerAccessWithHcClient(clientUrl(url, certPath), certPath, 4,
                    new DmpLog(log));
            client.start();
            client.getServerApiVersion();
            return new DmpDockerDaemon(client, url);
        } catch (IOException | RuntimeException e) {
            throw new DockerException("cannot reach the Docker daemon at " + url + " (" + message(e) + "): start it,"
                    + " or point DOCKER_HOST / -Doda.dockerHost at a running daemon", e);
        }
    }

    /**
     * The URL fabric8's client takes: a {@code tcp://} daemon (the form DOCKER_HOST uses) is spoken to over
     * {@code https://} with certificates and {@code http://} without, as the docker CLI does.
     */
    static String clientUrl(String url, String certPath) {
        if (url.startsWith("tcp://")) {
            return (certPath != null && !certPath.isBlank() ? "https://" : "http://") + url.substring("tcp://".length());
        }
        return url;
    }

    @Override
    public String nativePlatform() {
        return docker.getNativePlatform();
    }

    @Override
    public void build(String reference, Path contextTar, String dockerfileEntry, Map<String, String> buildArgs,
            Map<String, String> labels) {
        BuildOptions options = new BuildOptions().dockerfile(dockerfileEntry).forceRemove(true)
                .buildArgs(buildArgs).addOption("labels", new Gson().toJson(labels));
        call("build " + reference, () -> docker.buildImage(reference, contextTar.toFile(), options));
    }

    @Override
    public void tag(String source, String target) {
        call("tag " + source + " as " + target, () -> docker.tag(source, target, true));
    }

    @Override
    public void push(String reference, Optional<RegistryCredentials> credentials, int retries) {
        AuthConfig auth = credentials.map(c -> new AuthConfig(c.username(), c.password(), null, null,
                c.identityToken())).orElse(AuthConfig.EMPTY_AUTH_CONFIG);
        call("push " + reference, () -> docker.pushImage(reference, auth, null, retries));
    }

    @Override
    public List<String> repoDigests(String reference) {
        return image(reference).map(Image::getRepoDigests).orElse(List.of());
    }

    private Optional<Image> image(String reference) {
        String id = get("inspect " + reference, () -> docker.getImageId(reference));
        if (id == null) {
            return Optional.empty();
        }
        return get("list images", () -> docker.listImages(false)).stream()
                .filter(i -> i.getId().equals(id) || i.getId().endsWith(id) || id.endsWith(i.getId()))
                .findFirst();
    }

    @Override
    public RunResult run(String reference, Duration timeout) {
        String name = "oda-test-" + UUID.randomUUID();
        ContainerCreateConfig config = new ContainerCreateConfig(reference)
                .hostConfig(new ContainerHostConfig().networkMode("none"));
        String id = get("create a container of " + reference, () -> docker.createContainer(config, name));
        try {
            call("start " + reference, () -> docker.startContainer(id));
            long deadline = System.nanoTime() + timeout.toNanos();
            ContainerDetails details = get("inspect", () -> docker.getContainer(id));
            while (details.isRunning()) {
                if (System.nanoTime() > deadline) {
                    call("kill", () -> docker.killContainer(id));
                    throw new DockerException(reference + " ran longer than " + timeout.toSeconds() + " s");
                }
                sleep();
                details = get("inspect", () -> docker.getContainer(id));
            }
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            docker.getLogSync(id, new LogCallback() {
                @Override
                public void log(int type, ZonedDateTime timestamp, String text) {
                    (type == 2 ? err : out).append(text).append('\n');
                }

                @Override
                public void error(String error) {
                    err.append(error).append('\n');
                }

                @Override
                public void open() {
                }

                @Override
                public void close() {
                }
            });
            Integer exit = details.getExitCode();
            return new RunResult(exit == null ? -1 : exit, out.toString(), err.toString());
        } finally {
            try {
                docker.removeContainer(id, true);
            } catch (DockerAccessException e) {
                // the container is left behind; the result stands
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("interrupted while waiting for a container", e);
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private interface Get<T> {
        T get() throws IOException;
    }

    private void call(String what, Call call) {
        get(what, () -> {
            call.run();
            return null;
        });
    }

    private <T> T get(String what, Get<T> get) {
        try {
            return get.get();
        } catch (IOException | RuntimeException e) {
            throw new DockerException("Docker daemon at " + url + " failed to " + what + ": " + message(e), e);
        }
    }

    private static String message(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder();
        while (t != null && sb.length() < 500) {
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(sb.length() == 0 ? "" : ": ").append(t.getMessage());
            }
            t = t.getCause();
        }
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    }

    @Override
    public void close() {
        docker.shutdown();
    }
}
