package org.odabuild.core.docker;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The logins a build's base image pulls may use, as the docker CLI sends them with every build
 * ({@code X-Registry-Config}, base64url JSON keyed by registry): the classic builder pulls a private base image, or one
 * of Docker Hub past its anonymous pull limit, only with them. {@link #toString()} never shows a secret.
 */
public final class PullLogins {

    public static final PullLogins NONE = new PullLogins(new JsonObject());
    /** The key the daemon looks Docker Hub's login up by, as {@code docker login} writes it. */
    private static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private final JsonObject byRegistry;

    private PullLogins(JsonObject byRegistry) {
        this.byRegistry = byRegistry;
    }

    /** These logins and one for {@code registry} (a host, {@code docker.io} for Docker Hub). */
    public PullLogins with(String registry, String username, String password, String identityToken) {
        JsonObject login = new JsonObject();
        if (identityToken != null && !identityToken.isEmpty()) {
            login.addProperty("identitytoken", identityToken);
        } else {
            login.addProperty("username", username);
            login.addProperty("password", password);
        }
        JsonObject all = byRegistry.deepCopy();
        all.add(registry.equals("docker.io") ? DOCKER_HUB : registry, login);
        return new PullLogins(all);
    }

    public boolean isEmpty() {
        return byRegistry.size() == 0;
    }

    /** The header's value. */
    String header() {
        return Base64.getUrlEncoder().encodeToString(byRegistry.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "logins for " + byRegistry.keySet();
    }
}
