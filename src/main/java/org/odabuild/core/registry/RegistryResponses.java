package org.odabuild.core.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;
import org.odabuild.core.report.JsonText;
import org.odabuild.core.version.ImageName;

/**
 * What a registry's answer says: the status a step needs, its JSON body, its error code, the digest of its bytes.
 * Bodies are held as ISO-8859-1 strings (one char per byte), so digests are computed from the exact bytes.
 */
final class RegistryResponses {

    static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(basic|bearer)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern TOKEN_FIELD = Pattern.compile(
            "(?i)\"(token|access_token|refresh_token|identitytoken|password|secret)\"\\s*:\\s*"
                    + "\"(?:[^\"\\\\]++|\\\\.)*+\""); // possessive: a long token overflowed the stack

    private RegistryResponses() {
    }

    static void expect200(RegistryResponse r, ImageName image, String action) {
        if (r.statusCode() != 200) {
            String hint = r.statusCode() == 403 ? ": the login has no pull access to " + image.repository() : "";
            throw new RegistryException("registry " + image.registry() + " answered " + r.statusCode() + " when asked"
                    + " to " + action + hint + errorCode(r));
        }
    }

    /**
     * Whether the answer carries the registry API's version header with a registry's value ({@code registry/2.0}):
     * the header present but empty, as a proxy may pass it on, says nothing.
     */
    static boolean speaksRegistryApi(RegistryResponse r) {
        return r.header(API_VERSION_HEADER).filter(v -> v.strip().startsWith("registry/")).isPresent();
    }

    /** The first {@code errors[].code} of a registry error body. */
    static Optional<String> registryErrorCode(RegistryResponse r) {
        String body = text(r);
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement e = JsonText.parse(body);
            if (e.isJsonObject() && e.getAsJsonObject().get("errors") instanceof JsonArray errors && !errors.isEmpty()
                    && errors.get(0).isJsonObject() && errors.get(0).getAsJsonObject().get("code") != null
                    && errors.get(0).getAsJsonObject().get("code").isJsonPrimitive()) {
                return Optional.of(errors.get(0).getAsJsonObject().get("code").getAsString());
            }
        } catch (RuntimeException notJson) {
            // not a registry error body
        }
        return Optional.empty();
    }

    /** The body as the UTF-8 text it is. */
    static String text(RegistryResponse r) {
        return new String(r.body().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
    }

    static String sha256(RegistryResponse r) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(r.body().getBytes(StandardCharsets.ISO_8859_1));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String errorCode(RegistryResponse r) {
        String body = text(r);
        if (body == null || body.isBlank()) {
            return "";
        }
        // the registry's text: escaped, so a line break in it cannot forge a line of the CI log
        return " (" + Excerpt.of(withoutLogins(body).strip(), 300) + ")";
    }

    /**
     * The body with what looks like a login hidden: a proxy's or debugging server's error page may echo the request
     * with its {@code Authorization} header, and a token service's answer holds a token.
     */
    static String withoutLogins(String body) {
        String hidden = AUTHORIZATION.matcher(body).replaceAll("$1 <hidden>");
        return TOKEN_FIELD.matcher(hidden).replaceAll("\"$1\":\"<hidden>\"");
    }

    static JsonObject json(RegistryResponse r, ImageName image) {
        try {
            JsonElement e = JsonText.parse(text(r));
            if (!e.isJsonObject()) {
                throw new RegistryException("registry " + image.registry() + " returned JSON that is not an object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new RegistryException("registry " + image.registry() + " returned invalid JSON", e);
        }
    }
}
