package org.odabuild.core.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;
import org.odabuild.core.version.ImageName;

/**
 * The fields of one registry answer (a manifest, an index, an image config), read strictly: a field of the wrong
 * kind, or a digest that is not one, is the registry's fault and fails closed with a {@link RegistryException}
 * that names the field, never with a Gson exception. A digest the registry names is put into the next request's
 * path, so it must be a digest and nothing else.
 */
final class RegistryJson {

    /** The OCI image spec's digest grammar: {@code algorithm:encoded}. */
    /** Possessive: Java's regex recurses once per repeated group, and a long answer overflowed the stack. */
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]++(?:[+._-][a-z0-9]++)*+:[a-zA-Z0-9=_-]++");

    private final ImageName image;
    private final String answer;

    /** @param answer what the registry answered, e.g. "the manifest of ...:1.0.0" */
    RegistryJson(ImageName image, String answer) {
        this.image = image;
        this.answer = answer;
    }

    /** A text field; empty when absent or null. */
    Optional<String> text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrong(field, e, "text");
        }
        return Optional.of(e.getAsString());
    }

    /** An object field; empty when absent or null. */
    Optional<JsonObject> object(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        return Optional.of(object(e, field));
    }

    /** An array field; empty when absent or null. */
    Optional<JsonArray> array(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonArray()) {
            throw wrong(field, e, "a list");
        }
        return Optional.of(e.getAsJsonArray());
    }

    /** An element that must be an object, e.g. an entry of an index's {@code manifests}. */
    JsonObject object(JsonElement e, String field) {
        if (!e.isJsonObject()) {
            throw wrong(field, e, "an object");
        }
        return e.getAsJsonObject();
    }

    /** The {@code digest} field, which must be there and be a digest. */
    String digest(JsonObject o, String where) {
        String digest = text(o, "digest").orElseThrow(() -> new RegistryException("registry " + image.registry()
                + " answered " + answer + " with " + where + " that has no digest"));
        return checkedDigest(digest, where + "'s digest");
    }

    /** {@code digest} if it is one ({@code sha256:...}); a registry's answer is refused otherwise. */
    String checkedDigest(String digest, String what) {
        if (!DIGEST.matcher(digest).matches()) {
            throw new RegistryException("registry " + image.registry() + " answered " + answer + " with " + what
                    + " '" + Excerpt.of(digest) + "', which is not a digest (algorithm:hex): the check fails closed");
        }
        return digest;
    }

    private RegistryException wrong(String field, JsonElement value, String expected) {
        return new RegistryException("registry " + image.registry() + " answered " + answer + " with a '" + field
                + "' that is not " + expected + ": " + Excerpt.of(value.toString()) + "; the check fails closed");
    }
}
