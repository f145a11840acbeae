package org.odabuild.core.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;
import org.odabuild.core.Setting;
import org.odabuild.core.version.ImageName;

/**
 * Logins: answers a registry's 401 challenge with Basic or a Bearer token for the challenge's scope, keeps one
 * authorization per registry, repository and access (a push may log in as someone else than a read), and never
 * sends a login in the clear to a host the registry picks.
 */
final class RegistryAuth {

    /** Printable ASCII without spaces: what a Bearer header's value can be. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

    private final RegistryTransport transport;
    private final CredentialSource credentials;
    /** Authorization header per registry + repository + access, so each authenticates once per build. */
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    RegistryAuth(RegistryTransport transport, CredentialSource credentials) {
        this.transport = transport;
        this.credentials = credentials;
    }

    RegistryResponse send(ImageName image, String method, String path, String what) {
        return send(image, method, path, what, null);
    }

    /**
     * One authenticated exchange; {@code path} is a path on the registry or a URL it named (an upload location).
     * A 401 is answered once with the challenge's scope, so a push gets a token with push access.
     */
    RegistryResponse send(ImageName image, String method, String path, String what, RequestBody body) {
        // a push may log in as someone else than a read (docker.push.username): each has its own authorization
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        String scopeKey = image.registry() + "|" + image.repository() + (write ? "|push" : "|pull");
        RegistryResponse r = transport.execute(transport.request(image, method, path, authorizations.get(scopeKey), body), image,
                what);
        if (r.statusCode() != 401) {
            return r;
        }
        AuthChallenge challenge = challenge(image, r, what);
        String authorization = authorize(image, challenge, what, write);
        authorizations.put(scopeKey, authorization);
        r = transport.execute(transport.request(image, method, path, authorization, body), image, what);
        if (r.statusCode() == 401 && !write && challenge.isBearer()) {
            Optional<RegistryResponse> asPusher = readAsPusher(image, method, path, what, challenge);
            if (asPusher.isPresent()) {
                return asPusher.get();
            }
        }
        if (r.statusCode() == 401) {
            throw new RegistryException("registry " + image.registry() + " rejected "
                    + login(image, write).map(Object::toString).orElse("anonymous access")
                    + " for " + what + " (401 Unauthorized): check the login for " + image.registry()
                    + " (docker login " + image.registry() + ", or a <server> with id " + image.registry()
                    + " in settings.xml)" + (write ? "" : "; a registry such as Docker Hub also answers 401 for a"
                    + " repository that does not exist yet, which only a login that may push to it tells apart"));
        }
        return r;
    }

    /**
     * Docker Hub answers a read of a repository that does not exist with 401, even to the owner of its namespace,
     * so a new image's first check could not tell "absent" from "not allowed". A token that may also push, as
     * {@code docker push} asks for, gets the registry's own answer: 404 for the absent repository, which the
     * fail-closed checks accept as before, and 200 for what exists. Empty when there is no push login or it is
     * refused too: the 401 stands.
     */
    private Optional<RegistryResponse> readAsPusher(ImageName image, String method, String path, String what,
            AuthChallenge challenge) {
        Optional<RegistryCredentials> pusher = credentials.forPush(image.registry());
        if (pusher.isEmpty()) {
            return Optional.empty();
        }
        String authorization;
        try {
            authorization = "Bearer " + token(image, challenge, "repository:" + image.repository() + ":pull,push",
                    pusher, what);
        } catch (RegistryException e) {
            return Optional.empty();
        }
        RegistryResponse r = transport.execute(transport.request(image, method, path, authorization, null), image,
                what);
        if (r.statusCode() == 401) {
            return Optional.empty();
        }
        authorizations.put(image.registry() + "|" + image.repository() + "|pull", authorization);
        return Optional.of(r);
    }

    private Optional<RegistryCredentials> login(ImageName image, boolean write) {
        return write ? credentials.forPush(image.registry()) : credentials.forRegistry(image.registry());
    }

    private static AuthChallenge challenge(ImageName image, RegistryResponse unauthorized, String what) {
        return unauthorized.header("WWW-Authenticate").flatMap(AuthChallenge::parse)
                .orElseThrow(() -> new RegistryException("registry " + image.registry() + " answered 401 for " + what
                        + " without saying how to authenticate"));
    }

    private String authorize(ImageName image, AuthChallenge challenge, String what, boolean write) {
        Optional<RegistryCredentials> login = login(image, write);
        if (challenge.isBasic()) {
            RegistryCredentials c = login.orElseThrow(() -> new RegistryException("registry " + image.registry()
                    + " requires a login for " + what + ": run 'docker login " + image.registry()
                    + "' or add a <server> with id " + image.registry() + " to settings.xml"));
            return basic(c);
        }
        if (challenge.isBearer()) {
            return "Bearer " + token(image, challenge, challenge.params().getOrDefault("scope", "repository:"
                    + image.repository() + ":pull"), login, what);
        }
        throw new RegistryException("registry " + image.registry() + " asks for unsupported authentication '"
                + challenge.scheme() + "' for " + what);
    }

    private static URI realmUri(ImageName image, String realm) {
        try {
            URI uri = URI.create(realm);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https")
                    || uri.getScheme().equalsIgnoreCase("http")) || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry " + image.registry() + " named a token realm that is not an"
                    + " http(s) URL: " + Excerpt.of(realm));
        }
    }

    private String token(ImageName image, AuthChallenge challenge, String scope, Optional<RegistryCredentials> login,
            String what) {
        String realm = challenge.params().get("realm");
        if (realm == null) {
            throw new RegistryException("registry " + image.registry() + " sent a Bearer challenge without realm");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        String service = challenge.params().get("service");
        if (service != null) {
            url.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI realmUri = realmUri(image, url.toString());
        boolean plain = realmUri.getScheme().equalsIgnoreCase("http");
        if (plain && login.isPresent() && !transport.settings().insecureRegistries().contains(realmUri.getRawAuthority())) {
            // a registry must not be able to send the login in the clear to a host of its choosing
            throw new RegistryException("registry " + image.registry() + " asks for a token at " + realmUri.getScheme()
                    + "://" + realmUri.getRawAuthority() + " over plain HTTP: the login for " + image.registry()
                    + " is sent only over HTTPS, or to a host:port listed in " + Setting.INSECURE_REGISTRIES);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        login.ifPresent(c -> headers.put("Authorization", basic(c)));
        RegistryResponse r = transport.execute(transport.get(realmUri, headers), image, "token for " + what);
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new RegistryException("the token service of " + image.registry() + " rejected "
                    + login.map(Object::toString).orElse("anonymous access") + " (" + r.statusCode() + ") for "
                    + what + ": check the login for " + image.registry());
        }
        RegistryResponses.expect200(r, image, "get a token for " + what);
        JsonObject o = RegistryResponses.json(r, image);
        // as the docker CLI: 'token', else 'access_token'; a token is text that a header can carry, never shown
        Optional<String> token = text(o.get("token")).or(() -> text(o.get("access_token")));
        if (token.isEmpty()) {
            throw new RegistryException("the token service of " + image.registry() + " returned no token for "
                    + what);
        }
        if (!TOKEN.matcher(token.get()).matches()) {
            throw new RegistryException("the token service of " + image.registry() + " returned a token for " + what
                    + " with characters an HTTP header cannot carry (spaces, line breaks or other control"
                    + " characters): the check fails closed");
        }
        return token.get();
    }

    private static Optional<String> text(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !e.getAsString().isEmpty()
                ? Optional.of(e.getAsString()) : Optional.empty();
    }

    private static String basic(RegistryCredentials c) {
        String user = c.username() == null ? "<token>" : c.username();
        String secret = c.identityToken() != null ? c.identityToken() : c.password();
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
