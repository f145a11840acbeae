package org.odabuild.core.docker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.fabric8.maven.docker.access.ContainerCreateConfig;
import io.fabric8.maven.docker.access.ContainerHostConfig;
import io.fabric8.maven.docker.access.DockerAccessException;
import io.fabric8.maven.docker.access.hc.DockerAccessWithHcClient;
import io.fabric8.maven.docker.access.log.LogCallback;
import io.fabric8.maven.docker.model.ContainerDetails;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Setting;
import org.odabuild.core.image.Platform;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.report.JsonText;

/** The Docker Engine API through fabric8 docker-maven-plugin's {@link DockerAccessWithHcClient}. */
public final class DmpDockerDaemon implements DockerDaemon {

    /**
     * fabric8's HTTP client (Apache HttpClient, through commons-logging, which finds java.util.logging in a plugin's
     * class realm) logs each retry of a refused connection at INFO, on stderr and in JUL's two-line format, around
     * the plugin's own message that says what to do. Held here: JUL holds its loggers weakly, and a collected
     * logger forgets its level.
     */
    private static final Logger HTTP_CLIENT_LOG = Logger.getLogger("org.apache.http");
    private static final Duration EXIT_CLEAN_UP = Duration.ofSeconds(10);

    static {
        HTTP_CLIENT_LOG.setLevel(Level.WARNING);
    }

    private final DockerAccessWithHcClient docker;
    private final EngineApi engine;
    private final String url;
    private final List<String> ownNames = new CopyOnWriteArrayList<>();
    /** Test containers running now, by id, with the image they run. */
    private final Map<String, String> running = new ConcurrentHashMap<>();
    /** Removes what this session leaves on the daemon when the JVM exits before {@link #close()}: Ctrl-C. */
    private final Thread onExit = new Thread(this::exitCleanUp, "oda-docker-exit");
    private final Set<List<Path>> lfsWarned = ConcurrentHashMap.newKeySet();
    private final BuildLog buildLog;
    private Boolean containerdImageStore; // read once, when first asked

    private DmpDockerDaemon(DockerAccessWithHcClient docker, EngineApi engine, String url, BuildLog buildLog) {
        this.buildLog = buildLog;
        this.docker = docker;
        this.engine = engine;
        this.url = url;
    }

    /**
     * Connects and checks that the daemon answers.
     *
     * @param url      {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
     * @param certPath TLS certificates for tcp, or null
     */
    public static DmpDockerDaemon connect(String url, String certPath, BuildLog log) {
        String shown = shown(url);
        if (url.startsWith("ssh://")) {
            String host = shown.substring("ssh://".length()).replaceAll("/.*$", "");
            throw new DockerException("the Docker daemon at " + shown + " is reached over ssh, which the plugin does"
                    + " not speak (unix:// and tcp:// only): forward its socket, e.g. ssh -nNT -L /tmp/docker.sock:"
                    + "/var/run/docker.sock " + host + ", and point DOCKER_HOST or " + Setting.DOCKER_HOST.set(
                    "unix:///tmp/docker.sock") + " at it");
        }
        if (url.startsWith("npipe://")) {
            throw new DockerException("the Docker daemon at " + shown + " is a Windows named pipe, which the plugin"
                    + " does not speak (unix:// and tcp:// only): expose the daemon on tcp://localhost:2375 (Docker"
                    + " Desktop: Settings, General) and point DOCKER_HOST or " + Setting.DOCKER_HOST.set(
                    "tcp://localhost:2375") + " at it");
        }
        try {
            DmpLog dmpLog = new DmpLog(log);
            DockerAccessWithHcClient client = new DockerAccessWithHcClient(clientUrl(url, certPath), certPath, 4,
                    dmpLog);
            client.start();
            client.getServerApiVersion();
            DmpDockerDaemon daemon = new DmpDockerDaemon(client, EngineApi.connect(clientUrl(url, certPath), certPath,
                    dmpLog), shown, log);
            Runtime.getRuntime().addShutdownHook(daemon.onExit);
            return daemon;
        } catch (IOException | RuntimeException e) {
            throw new DockerException("cannot reach the Docker daemon at " + shown + " (" + message(e) + "): start it,"
                    + " or point DOCKER_HOST or " + Setting.DOCKER_HOST.set("<url>") + " at a running daemon", e);
        }
    }

    /** The daemon's URL as messages show it: a password in it ({@code tcp://user:secret@host}) is not. */
    static String shown(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://[^/@:]*):[^/@]*@", "$1:***@");
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

    /** Read once from {@code /info}: its {@code DriverStatus} names containerd's snapshotter. */
    @Override
    public synchronized boolean containerdImageStore() {
        if (containerdImageStore == null) {
            JsonObject info = get("read the daemon's info", () -> JsonText.parse(engine.get("/info"))
                    .getAsJsonObject());
            containerdImageStore = info.get("DriverStatus") instanceof JsonArray status
                    && status.toString().contains("io.containerd.snapshotter");
        }
        return containerdImageStore;
    }

    /**
     * The context is archived straight into the request ({@code POST /build}): no tar file, no second read.
     * No labels are passed: the classic builder makes each label a step of its own, and every step a container copy of
     * the whole image on storage drivers without copy-on-write (vfs: 7 labels tripled the build of 316 MiB); the
     * plugin writes its labels into the config it publishes, as BuildKit's exporter and Jib do.
     */
    @Override
    public LocalImage build(Build build) {
        // built under a name no other build uses, then read back: the image id is this build's, not a neighbour's
        String own = "oda-build/" + UUID.randomUUID() + ":build";
        StringBuilder query = new StringBuilder("/build?t=").append(encode(own))
                .append("&dockerfile=").append(encode(build.context().dockerfileEntry()))
                .append("&forcerm=1&nocache=").append(build.noCache() ? 1 : 0)
                .append("&pull=").append(build.pull() ? 1 : 0)
                .append("&buildargs=").append(encode(JsonReports.compact(build.buildArgs())));
        build.platform().ifPresent(p -> query.append("&platform=").append(encode(p)));
        String what = build.reference() + build.platform().map(p -> " for " + p).orElse("");
        call("build " + what, () -> {
            ContextArchive archive = build.context().archive();
            // once per image, not per platform: its platforms' builds share the context and the Dockerfile
            if (!archive.lfsPointers().isEmpty() && lfsWarned.add(List.of(build.context().contextDir(),
                    build.context().dockerfile()))) {
                buildLog.warn(LfsPointer.warning(build.reference(), build.context().contextDir(),
                        archive.lfsPointers()));
            }
            engine.postArchive(query.toString(), build.logins().isEmpty() ? Map.of()
                    : Map.of("X-Registry-Config", build.logins().header()), archive,
                    answer -> BuildOutput.read(answer, buildLog, what));
        });
        // the name keeps the image until this session ends: a concurrent build may take the reference's tag away
        // before this one has saved and pushed its image
        ownNames.add(own);
        LocalImage built = inspect(own);
        tag(built.id(), build.reference());
        return built;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public LocalImage inspect(String reference) {
        JsonObject image = get("inspect " + reference, () -> JsonText.parse(
                engine.get("/images/" + reference + "/json")).getAsJsonObject());
        Optional<String> variant = Optional.ofNullable(image.get("Variant")).filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsString);
        return new LocalImage(image.get("Id").getAsString(), new Platform(image.get("Os").getAsString(),
                image.get("Architecture").getAsString(), variant));
    }

    @Override
    public void tag(String source, String target) {
        int colon = target.lastIndexOf(':');
        boolean hasTag = colon > target.lastIndexOf('/');
        String repo = hasTag ? target.substring(0, colon) : target;
        String tag = hasTag ? target.substring(colon + 1) : "latest";
        call("tag " + source + " as " + target, () -> engine.post("/images/" + source + "/tag?repo="
                + URLEncoder.encode(repo, StandardCharsets.UTF_8) + "&tag=" + URLEncoder.encode(tag,
                StandardCharsets.UTF_8)));
    }

    @Override
    public <T> T save(String imageId, ArchiveReader<T> reader) {
        return get("save " + imageId, () -> engine.stream("/images/" + imageId + "/get", reader::read));
    }

    @Override
    public RunResult run(String reference, Duration timeout) {
        String name = "oda-test-" + UUID.randomUUID();
        ContainerCreateConfig config = new ContainerCreateConfig(reference)
                .hostConfig(new ContainerHostConfig().networkMode("none"));
        String id = get("create a container of " + reference, () -> docker.createContainer(config, name));
        running.put(id, reference);
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
            ContainerOutput output = new ContainerOutput();
            docker.getLogSync(id, new LogCallback() {
                @Override
                public void log(int type, ZonedDateTime timestamp, String text) {
                    if (type == 2) {
                        output.stderr(text);
                    } else {
                        output.stdout(text);
                    }
                }

                @Override
                public void error(String error) {
                    output.stderr(error);
                }

                @Override
                public void open() {
                }

                @Override
                public void close() {
                }
            });
            Integer exit = details.getExitCode();
            return new RunResult(exit == null ? -1 : exit, output.stdoutText(), output.stderrText());
        } finally {
            running.remove(id);
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

    /**
     * A build stopped by Ctrl-C (or a CI runner's cancel) would leave its test container running for as long as its
     * test hangs, and this session's build names on the daemon: both go, as {@code docker run --rm} removes its
     * container. Bounded, so that a daemon which no longer answers does not hold the JVM's exit.
     */
    private void exitCleanUp() {
        if (running.isEmpty() && ownNames.isEmpty()) {
            return;
        }
        Thread worker = new Thread(() -> {
            running.forEach((id, reference) -> {
                try {
                    engine.removeContainer(id);
                    buildLog.warn("Stopped: removed the running test container of " + reference);
                } catch (IOException | RuntimeException e) {
                    buildLog.warn("Stopped: could not remove the test container " + id + " of " + reference
                            + " (" + message(e) + "): docker rm -f " + id);
                }
            });
            removeOwnNames();
        }, "oda-docker-exit-worker");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(EXIT_CLEAN_UP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void removeOwnNames() {
        for (String own : ownNames) {
            try {
                engine.delete("/images/" + own + "?noprune=1");
            } catch (IOException e) {
                // a leftover build name is harmless
            }
            ownNames.remove(own);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook cleans up
        }
        removeOwnNames();
        docker.shutdown();
        try {
            engine.close();
        } catch (IOException e) {
            // the connection pool is gone with the JVM
        }
    }
}
