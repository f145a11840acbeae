package org.odabuild.core.docker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.report.JsonText;

/**
 * The proxies the docker client's own config ({@code ~/.docker/config.json}, or {@code $DOCKER_CONFIG/config.json})
 * gives every build, as {@code docker build} passes them (the CLI's {@code ParseProxyConfig}): the {@code proxies}
 * entry of the daemon's host, else {@code default}, become the build args {@code HTTP_PROXY}, {@code HTTPS_PROXY},
 * {@code NO_PROXY}, {@code FTP_PROXY}, {@code ALL_PROXY} and their lower-case twins, where the user set none. Behind a
 * company proxy, a {@code RUN pip install} reaches the internet only through them. The daemon keeps these args out of
 * the image's history, and so does the plugin out of the source hash.
 */
public final class ClientProxies {

    private static final Map<String, String> ARGS = Map.of("httpProxy", "HTTP_PROXY", "httpsProxy", "HTTPS_PROXY",
            "noProxy", "NO_PROXY", "ftpProxy", "FTP_PROXY", "allProxy", "ALL_PROXY");

    private ClientProxies() {
    }

    /**
     * @param env        the environment: {@code DOCKER_CONFIG}, else {@code HOME}'s {@code .docker}, as the CLI finds
     *                   it
     * @param daemonHost the daemon's address, whose own entry comes before {@code default}
     */
    public static Map<String, String> buildArgs(Map<String, String> env, String daemonHost) {
        Path file = DockerEndpoint.configDir(env).map(dir -> dir.resolve("config.json")).orElse(null);
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonObject proxies;
        try {
            JsonElement config = JsonText.parse(Files.readString(file, StandardCharsets.UTF_8));
            JsonElement p = config.isJsonObject() ? config.getAsJsonObject().get("proxies") : null;
            if (p == null || !p.isJsonObject()) {
                return Map.of();
            }
            proxies = p.getAsJsonObject();
        } catch (IOException | JsonParseException e) {
            throw new InvalidInputException(file + " cannot be read as JSON (" + Excerpt.of(String.valueOf(
                    e.getMessage())) + "): docker build cannot read it either; fix it or point DOCKER_CONFIG"
                    + " elsewhere");
        }
        JsonElement entry = proxies.has(daemonHost) ? proxies.get(daemonHost) : proxies.get("default");
        Map<String, String> args = new TreeMap<>();
        if (entry != null && entry.isJsonObject()) {
            for (Map.Entry<String, String> key : ARGS.entrySet()) {
                JsonElement value = entry.getAsJsonObject().get(key.getKey());
                if (value != null && value.isJsonPrimitive() && !value.getAsString().isEmpty()) {
                    args.put(key.getValue(), value.getAsString());
                    args.put(key.getValue().toLowerCase(Locale.ROOT), value.getAsString());
                }
            }
        }
        return args;
    }

    /** {@code user}'s build args with the client's proxies where the user gave none of that name. */
    public static Map<String, String> under(Map<String, String> user, Map<String, String> proxies) {
        Map<String, String> all = new TreeMap<>(proxies);
        all.putAll(user);
        return all;
    }
}
