package org.odabuild.core.ci;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.report.JsonText;

/**
 * What the CI system tells the build through environment variables and, on GitHub Actions, the event payload
 * ({@code GITHUB_EVENT_PATH}). Tests pass their own map instead of {@code System.getenv()}.
 */
public final class CiEnvironment {

    private static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    private final Map<String, String> env;
    private final JsonObject event;

    private CiEnvironment(Map<String, String> env, JsonObject event) {
        this.env = Map.copyOf(env);
        this.event = event;
    }

    public static CiEnvironment of(Map<String, String> env) {
        return new CiEnvironment(env, readEvent(env.get("GITHUB_EVENT_PATH")));
    }

    private static JsonObject readEvent(String path) {
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            return new JsonObject();
        }
        try {
            JsonElement e = JsonText.parse(Files.readString(Path.of(path), StandardCharsets.UTF_8));
            return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (IOException | JsonParseException e) {
            // a broken payload must not stop the build; the branch and base then come from git
            return new JsonObject();
        }
    }

    public Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** True on a CI runner (every common CI sets {@code CI}). */
    public boolean isCi() {
        return get("CI").map(v -> !v.equalsIgnoreCase("false")).orElse(false);
    }

    /** The commit a push event started from, when it is a real commit (not a new branch's zeros). */
    public Optional<String> pushBefore() {
        return string(event, "before").filter(sha -> !sha.equals(ZERO_SHA) && sha.matches("[0-9a-f]{40}"));
    }

    public Optional<String> pullRequestTitle() {
        JsonElement pr = event.get("pull_request");
        return pr != null && pr.isJsonObject() ? string(pr.getAsJsonObject(), "title") : Optional.empty();
    }

    private static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }
}
