package org.odabuild.core.docker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.report.JsonText;

/**
 * The daemon the docker CLI would talk to, found as it finds it: the plugin's parameter, else {@code DOCKER_HOST},
 * else the docker context that {@code DOCKER_CONTEXT} or the client config's {@code currentContext} names (Docker
 * Desktop, Colima, Rancher Desktop and rootless Docker each set one: their socket is not /var/run/docker.sock), else
 * the default socket. A context's TLS files are the ones {@code docker context create} stored beside it.
 *
 * @param host     {@code unix://...} or {@code tcp://...} (or a scheme the connection refuses with what to do)
 * @param certPath the folder with {@code ca.pem}, {@code cert.pem} and {@code key.pem}, or null for none
 * @param source   where the host came from, for messages (the parameter as a {@link Setting} mark)
 */
public record DockerEndpoint(String host, String certPath, String source) {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    /**
     * @param hostParameter     {@code oda.dockerHost}, may be null
     * @param certPathParameter {@code oda.dockerCertPath}, may be null
     * @param env               the environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH},
     *                          {@code DOCKER_CONTEXT}, {@code DOCKER_CONFIG}, {@code HOME})
     */
    public static DockerEndpoint of(String hostParameter, String certPathParameter, Map<String, String> env) {
        Optional<String> certPath = given(certPathParameter);
        if (given(hostParameter).isPresent()) {
            return new DockerEndpoint(hostParameter.strip(), certPath.orElse(envCertPath(env)),
                    String.valueOf(Setting.DOCKER_HOST));
        }
        if (given(env.get("DOCKER_HOST")).isPresent()) {
            return new DockerEndpoint(env.get("DOCKER_HOST").strip(), certPath.orElse(envCertPath(env)),
                    "DOCKER_HOST");
        }
        Optional<Path> configDir = configDir(env);
        Optional<String> fromEnv = given(env.get("DOCKER_CONTEXT"));
        Optional<String> context = fromEnv.or(() -> configDir.flatMap(DockerEndpoint::currentContext));
        if (context.isEmpty() || context.get().equals("default")) {
            return new DockerEndpoint(DEFAULT_HOST, certPath.orElse(envCertPath(env)), "the default socket");
        }
        String named = fromEnv.isPresent() ? "DOCKER_CONTEXT" : "currentContext of "
                + configDir.map(d -> d.resolve("config.json").toString()).orElse("config.json");
        Path store = configDir.orElseThrow(() -> new InvalidInputException("DOCKER_CONTEXT names the docker context '"
                + Excerpt.of(context.get()) + "', but neither DOCKER_CONFIG nor HOME says where the contexts are:"
                + " set one, or set DOCKER_HOST")).resolve("contexts");
        String id = sha256(context.get());
        Path meta = store.resolve("meta").resolve(id).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new InvalidInputException("the docker context '" + Excerpt.of(context.get()) + "' (" + named
                    + ") does not exist in " + store + ": 'docker context ls' lists the contexts; pick one with"
                    + " 'docker context use', or set DOCKER_HOST");
        }
        String host = contextHost(meta).orElseThrow(() -> new InvalidInputException("the docker context '"
                + Excerpt.of(context.get()) + "' (" + meta + ") has no docker endpoint: set DOCKER_HOST"));
        Path tls = store.resolve("tls").resolve(id).resolve("docker");
        return new DockerEndpoint(host, certPath.orElse(Files.isDirectory(tls) ? tls.toString() : null),
                "docker context '" + context.get() + "' (" + named + ")");
    }

    /** {@code DOCKER_CERT_PATH} when {@code DOCKER_TLS_VERIFY} is set, as the docker CLI reads them. */
    private static String envCertPath(Map<String, String> env) {
        return env.get("DOCKER_TLS_VERIFY") != null ? env.get("DOCKER_CERT_PATH") : null;
    }

    /** {@code DOCKER_CONFIG}, else {@code HOME}'s {@code .docker}. */
    static Optional<Path> configDir(Map<String, String> env) {
        return given(env.get("DOCKER_CONFIG")).map(Path::of)
                .or(() -> given(env.get("HOME")).map(home -> Path.of(home, ".docker")));
    }

    private static Optional<String> currentContext(Path configDir) {
        return read(configDir.resolve("config.json")).map(config -> config.get("currentContext"))
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).flatMap(DockerEndpoint::given);
    }

    private static Optional<String> contextHost(Path meta) {
        return read(meta).map(m -> m.get("Endpoints")).filter(JsonElement::isJsonObject)
                .map(e -> e.getAsJsonObject().get("docker")).filter(JsonElement::isJsonObject)
                .map(d -> d.getAsJsonObject().get("Host")).filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsString).flatMap(DockerEndpoint::given);
    }

    /** A JSON object file, or nothing when it is absent; a broken one is said as the docker CLI would stop on it. */
    private static Optional<JsonObject> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonElement json = JsonText.parse(Files.readString(file, StandardCharsets.UTF_8));
            return json.isJsonObject() ? Optional.of(json.getAsJsonObject()) : Optional.empty();
        } catch (IOException | JsonParseException e) {
            throw new InvalidInputException(file + " cannot be read as JSON (" + Excerpt.of(String.valueOf(
                    e.getMessage())) + "): the docker CLI cannot read it either; fix it, or set DOCKER_HOST");
        }
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The folder name the docker CLI gives a context: the SHA-256 of its name. */
    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
