package org.odabuild.core.registry;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;

/**
 * The login part of the docker client's {@code config.json} ({@code auths}, {@code credHelpers}, {@code credsStore}),
 * checked as the docker CLI reads it before fabric8's lookup reads it: fabric8 stops on a broken file with a bare
 * Gson or cast exception that names neither the file nor the entry. A fault is said with the file, its line, the
 * entry and what to do.
 */
public final class DockerLoginFile {

    /** The text fields of an {@code auths} entry, as the docker CLI's {@code AuthConfig} has them. */
    private static final Set<String> AUTH_TEXT = Set.of("auth", "username", "password", "identitytoken",
            "registrytoken", "email", "serveraddress");
    private static final Pattern LINE = Pattern.compile(" at line (\\d+) column \\d+");

    private final Path file;
    private final JsonReader json;

    private DockerLoginFile(Path file, String text) {
        this.file = file;
        this.json = new JsonReader(new StringReader(text));
    }

    /** Where fabric8's lookup reads the logins: {@code $DOCKER_CONFIG/config.json}, else {@code $HOME/.docker}'s. */
    public static Path of(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null) {
            return Path.of(dir, "config.json");
        }
        String home = env.get("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"), ".docker", "config.json");
    }

    /** Checks {@code file} when it is there (an absent or empty file holds no login, as for the docker CLI). */
    public static void check(Path file) {
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the docker logins in " + file + " (" + e + "): make it"
                    + " readable, or point DOCKER_CONFIG at another folder");
        }
        new DockerLoginFile(file, text.startsWith("\uFEFF") ? text.substring(1) : text).read();
    }

    private void read() {
        try {
            expect(JsonToken.BEGIN_OBJECT, "the file", "an object");
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                switch (name) {
                    case "auths" -> auths();
                    case "credHelpers" -> helpers();
                    case "credsStore" -> text("'credsStore'");
                    default -> json.skipValue();
                }
            }
            json.endObject();
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // Gson's own words carry the line and column of malformed JSON
            throw new InvalidInputException(file + ": not valid JSON (" + Excerpt.of(String.valueOf(e.getMessage()))
                    + "): the docker CLI cannot read it either; fix it, or run 'docker login' again after moving it"
                    + " away");
        }
    }

    private void auths() throws IOException {
        expect(JsonToken.BEGIN_OBJECT, "'auths'", "an object");
        json.beginObject();
        while (json.hasNext()) {
            String registry = json.nextName();
            String entry = "the login for '" + Excerpt.of(registry) + "' in 'auths'";
            expect(JsonToken.BEGIN_OBJECT, entry, "an object");
            json.beginObject();
            while (json.hasNext()) {
                String field = json.nextName();
                if (!AUTH_TEXT.contains(field)) {
                    json.skipValue();
                } else if (field.equals("auth")) {
                    int line = line();
                    String auth = text("'auth' of " + entry);
                    if (auth != null && !auth.isEmpty() && !userAndPassword(auth)) {
                        throw fault(line, "'auth' of " + entry + " is not base64 of user:password: run 'docker login "
                                + Excerpt.of(registry) + "' again, or remove the entry");
                    }
                } else {
                    text("'" + field + "' of " + entry);
                }
            }
            json.endObject();
        }
        json.endObject();
    }

    private void helpers() throws IOException {
        expect(JsonToken.BEGIN_OBJECT, "'credHelpers'", "an object");
        json.beginObject();
        while (json.hasNext()) {
            String registry = json.nextName();
            text("the credential helper of '" + Excerpt.of(registry) + "' in 'credHelpers'");
        }
        json.endObject();
    }

    /** Docker's {@code decodeAuth}: standard base64 of {@code user:password}. */
    private static boolean userAndPassword(String auth) {
        try {
            return new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8).contains(":");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** The next value as text; null stays null. */
    private String text(String what) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        expect(JsonToken.STRING, what, "text");
        return json.nextString();
    }

    private void expect(JsonToken token, String what, String kind) throws IOException {
        if (json.peek() != token) {
            throw fault(line(), what + " is " + name(json.peek()) + ", not " + kind + " as the docker CLI"
                    + " expects: fix the entry, or remove it and run 'docker login' again");
        }
    }

    private InvalidInputException fault(int line, String problem) {
        return new InvalidInputException(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    /** The line the reader stands on: Gson says it only in its description. */
    private int line() {
        Matcher m = LINE.matcher(json.toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String name(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "a list";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> "missing";
        };
    }
}
