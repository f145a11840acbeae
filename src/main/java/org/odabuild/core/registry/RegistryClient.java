package org.odabuild.core.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.Setting;
import org.odabuild.core.version.ImageName;

/**
 * A client for the Docker Registry HTTP API v2 / OCI distribution API: manifest existence, tag lists and image
 * labels. Handles Bearer token and Basic auth, retries connection errors, 429 and 5xx with backoff, and fails
 * closed: anything but a clear answer is a {@link RegistryException}. Thread-safe.
 */
public final class RegistryClient {

    /** Without these the registry answers with a schema-1 manifest and another digest. */
    static final String MANIFEST_ACCEPT = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistrySettings settings;
    private final CredentialSource credentials;
    private final BuildLog log;
    private final HttpClient http;
    private final int pageSize;
    /** Authorization header per registry + scope, so each repository authenticates once per build. */
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    private static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";
    /** Redirects a blob read may answer with (to a storage host or CDN); 308 is the permanent one. */
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final long MAX_RETRY_AFTER_MS = 30_000;
    private static final Set<String> ABSENT_CODES = Set.of("MANIFEST_UNKNOWN", "NAME_UNKNOWN",
            "TAG_UNKNOWN", "BLOB_UNKNOWN");
    private final Map<String, Boolean> confirmedRegistries = new ConcurrentHashMap<>();

    public RegistryClient(RegistrySettings settings, CredentialSource credentials, BuildLog log) {
        this(settings, credentials, log, 1000);
    }

    /** With a small page size, tests see the {@code Link} pagination of the tag list. */
    RegistryClient(RegistrySettings settings, CredentialSource credentials, BuildLog log, int pageSize) {
        this.pageSize = pageSize;
        this.settings = settings;
        this.credentials = credentials;
        this.log = log;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.proxy().ifPresent(proxy -> builder.proxy(proxy.selector()));
        this.http = builder.build();
    }

    /** A manifest that exists, with its content digest. */
    public record Manifest(String digest) {
    }

    /**
     * HEAD of {@code image:tag}: present (200) or absent (404). Everything else throws.
     */
    public Optional<Manifest> manifest(ImageName image, String tag) {
        HttpResponse<String> r = send(image, "HEAD", manifestPath(image, tag), "manifest " + image + ":" + tag);
        if (r.statusCode() == 404 && absent(r, image, "manifest " + image + ":" + tag)) {
            return Optional.empty();
        }
        expect200(r, image, "check manifest " + image + ":" + tag);
        String digest = r.headers().firstValue("Docker-Content-Digest").orElseThrow(() -> new RegistryException(
                "registry " + image.registry() + " answered 200 for " + image + ":" + tag
                        + " without a Docker-Content-Digest header: cannot tell which image it is"));
        return Optional.of(new Manifest(digest));
    }

    /**
     * The digest of {@code image:reference} computed from the manifest bytes the registry serves (GET), compared
     * with its {@code Docker-Content-Digest}; a mismatch is a warning naming the registry. Empty when absent (404).
     * For digests the plugin reports (pins, pushes); existence checks use {@link #manifest}, a HEAD, which Docker
     * Hub does not count as a pull.
     */
    public Optional<String> digest(ImageName image, String reference) {
        HttpResponse<String> r = send(image, "GET", manifestPath(image, reference), "manifest " + image + ":"
                + reference);
        if (r.statusCode() == 404 && absent(r, image, "manifest " + image + ":" + reference)) {
            return Optional.empty();
        }
        expect200(r, image, "read manifest " + image + ":" + reference);
        return Optional.of(checked(r, image, reference));
    }

    private String checked(HttpResponse<String> r, ImageName image, String reference) {
        String computed = sha256(r);
        r.headers().firstValue("Docker-Content-Digest").filter(h -> !h.equals(computed)).ifPresent(h -> log.warn(
                "registry " + image.registry() + " says " + image + ":" + reference + " is " + h + ", but the"
                        + " manifest it sent hashes to " + computed + ": using " + computed));
        if (reference.startsWith("sha256:") && !reference.equals(computed)) {
            log.warn("registry " + image.registry() + " answered " + image + "@" + reference + " with a manifest"
                    + " that hashes to " + computed);
        }
        return computed;
    }

    /** Every tag of the repository (following {@code Link} pages); empty when the repository does not exist. */
    public List<String> tags(ImageName image) {
        List<String> tags = new ArrayList<>();
        String path = "/v2/" + image.repository() + "/tags/list?n=" + pageSize;
        while (path != null) {
            HttpResponse<String> r = send(image, "GET", path, "tags of " + image);
            if (r.statusCode() == 404 && absent(r, image, "tags of " + image)) {
                return tags;
            }
            expect200(r, image, "list tags of " + image);
            JsonElement list = json(r, image).get("tags");
            if (list != null && !list.isJsonNull()) {
                // an answer that is not a list of names is not "no tags": fail closed
                if (!list.isJsonArray() || !list.getAsJsonArray().asList().stream().allMatch(
                        t -> t.isJsonPrimitive() && t.getAsJsonPrimitive().isString())) {
                    throw new RegistryException("registry " + image.registry() + " answered the tag list of " + image
                            + " with something that is not a list of tag names: " + Excerpt.of(list.toString()));
                }
                list.getAsJsonArray().forEach(t -> tags.add(t.getAsString()));
            }
            path = r.headers().firstValue("Link").map(RegistryClient::nextPath).orElse(null);
        }
        return tags;
    }

    /** The labels of the image's config (the first platform of an index); empty map when it has none. */
    public Map<String, String> labels(ImageName image, String reference) {
        return describe(image, reference).labels();
    }

    /**
     * What an existing image is: its labels and the platforms it serves.
     *
     * @param labels    of the config of the image, or of an index's first platform (the plugin labels every
     *                  platform alike)
     * @param platforms {@code os/architecture[/variant]} of each platform of an index (attestation entries,
     *                  {@code unknown/unknown}, left out), or the one of a single image's config
     */
    public record RemoteImage(Map<String, String> labels, List<String> platforms) {

        public RemoteImage {
            labels = Map.copyOf(labels);
            platforms = List.copyOf(platforms);
        }
    }

    public RemoteImage describe(ImageName image, String reference) {
        JsonObject manifest = getManifest(image, reference);
        List<String> platforms = new ArrayList<>();
        if (manifest.has("manifests")) {
            String first = null;
            for (JsonElement e : manifest.getAsJsonArray("manifests")) {
                JsonObject entry = e.getAsJsonObject();
                String platform = platform(entry.get("platform") instanceof JsonObject p ? p : new JsonObject());
                if (!platform.startsWith("unknown/")) {
                    platforms.add(platform);
                    first = first == null ? entry.get("digest").getAsString() : first;
                }
            }
            if (first == null) {
                return new RemoteImage(Map.of(), platforms);
            }
            manifest = getManifest(image, first);
        }
        JsonObject config = manifest.getAsJsonObject("config");
        if (config == null || !config.has("digest")) {
            return new RemoteImage(Map.of(), platforms);
        }
        JsonObject blob = blob(image, config.get("digest").getAsString());
        if (platforms.isEmpty() && blob.has("architecture")) {
            platforms.add(platform(blob));
        }
        JsonElement labels = blob.has("config") && blob.get("config").isJsonObject()
                ? blob.getAsJsonObject("config").get("Labels") : null;
        Map<String, String> out = new LinkedHashMap<>();
        if (labels != null && labels.isJsonObject()) {
            labels.getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        }
        return new RemoteImage(out, platforms);
    }

    private static String platform(JsonObject o) {
        String os = o.has("os") ? o.get("os").getAsString() : "unknown";
        String arch = o.has("architecture") ? o.get("architecture").getAsString() : "unknown";
        return os + "/" + arch + (o.has("variant") ? "/" + o.get("variant").getAsString() : "");
    }

    private JsonObject getManifest(ImageName image, String reference) {
        HttpResponse<String> r = send(image, "GET", manifestPath(image, reference), "manifest " + image + "@"
                + reference);
        expect200(r, image, "read manifest " + image + ":" + reference);
        checked(r, image, reference);
        return json(r, image);
    }

    private JsonObject blob(ImageName image, String digest) {
        HttpResponse<String> r = send(image, "GET", "/v2/" + image.repository() + "/blobs/" + digest, "blob "
                + digest);
        if (REDIRECTS.contains(r.statusCode())) {
            // blob stores (S3, CDN) get no registry credentials
            URI location = URI.create(base(image)).resolve(r.headers().firstValue("Location").orElseThrow(
                    () -> new RegistryException("registry " + image.registry() + " redirected the read of blob "
                            + digest + " without a Location header")));
            r = execute(proxied(HttpRequest.newBuilder(location), location).timeout(settings.timeout()).GET().build(),
                    image, "blob " + digest);
        }
        expect200(r, image, "read config blob " + digest + " of " + image);
        return json(r, image);
    }

    private static String manifestPath(ImageName image, String reference) {
        return "/v2/" + image.repository() + "/manifests/" + reference;
    }

    private static String nextPath(String linkHeader) {
        Matcher m = NEXT_LINK.matcher(linkHeader);
        if (!m.find()) {
            return null;
        }
        URI next = URI.create(m.group(1));
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    /**
     * Whether a 404 really says "absent": the server must be a registry (its {@code /v2/} answers as one) and the
     * 404 must carry a registry error code ({@code MANIFEST_UNKNOWN}, {@code NAME_UNKNOWN}, ...) or, without a body,
     * the {@code Docker-Distribution-API-Version} header. Anything else (a proxy's or web server's 404) fails
     * closed: it would otherwise let an existing release tag look absent.
     */
    boolean absent(HttpResponse<String> r, ImageName image, String what) {
        boolean apiHeader = r.headers().firstValue(API_VERSION_HEADER).isPresent();
        Optional<String> code = registryErrorCode(r);
        if (code.isPresent() && !ABSENT_CODES.contains(code.get())) {
            throw new RegistryException("registry " + image.registry() + " answered 404 for " + what + " with error "
                    + Excerpt.of(code.get()) + ", not one that means absent: the check fails closed");
        }
        if (code.isEmpty() && !apiHeader) {
            throw new RegistryException("registry " + image.registry() + " answered 404 for " + what + " without"
                    + " saying it is a registry (no " + API_VERSION_HEADER + " header, no registry error code): a"
                    + " proxy or web server in between? The check fails closed");
        }
        confirmedRegistries.computeIfAbsent(image.registry(), k -> confirmRegistry(image));
        return true;
    }

    /** {@code GET /v2/}: a registry answers 200 or 401 with its API header or a registry error body. */
    private Boolean confirmRegistry(ImageName image) {
        HttpResponse<String> r = execute(request(image, "GET", "/v2/", null, null), image, "the API check");
        boolean registry = (r.statusCode() == 200 || r.statusCode() == 401)
                && (r.headers().firstValue(API_VERSION_HEADER).isPresent() || registryErrorCode(r).isPresent());
        if (!registry) {
            throw new RegistryException(base(image) + "/v2/ does not answer as a container registry (HTTP "
                    + r.statusCode() + ", no " + API_VERSION_HEADER + " header): check the image name's registry;"
                    + " the check fails closed");
        }
        return Boolean.TRUE;
    }

    /** The first {@code errors[].code} of a registry error body. */
    static Optional<String> registryErrorCode(HttpResponse<String> r) {
        String body = text(r);
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement e = JsonParser.parseString(body);
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

    /** Scheme and host of the registry's API. */
    String base(ImageName image) {
        String host = image.registry();
        if (host.equals("docker.io")) {
            host = "registry-1.docker.io";
        }
        return (settings.insecureRegistries().contains(image.registry()) ? "http://" : "https://") + host;
    }

    private HttpResponse<String> send(ImageName image, String method, String path, String what) {
        return send(image, method, path, what, null);
    }

    /**
     * One authenticated exchange; {@code path} is a path on the registry or a URL it named (an upload location).
     * A 401 is answered once with the challenge's scope, so a push gets a token with push access.
     */
    HttpResponse<String> send(ImageName image, String method, String path, String what, Body body) {
        // a push may log in as someone else than a read (docker.push.username): each has its own authorization
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        String scopeKey = image.registry() + "|" + image.repository() + (write ? "|push" : "|pull");
        HttpResponse<String> r = execute(request(image, method, path, authorizations.get(scopeKey), body), image,
                what);
        if (r.statusCode() != 401) {
            return r;
        }
        String authorization = authorize(image, r, what, write);
        authorizations.put(scopeKey, authorization);
        r = execute(request(image, method, path, authorization, body), image, what);
        if (r.statusCode() == 401) {
            throw new RegistryException("registry " + image.registry() + " rejected "
                    + login(image, write).map(Object::toString).orElse("anonymous access")
                    + " for " + what + " (401 Unauthorized): check the login for " + image.registry()
                    + " (docker login " + image.registry() + ", or a <server> with id " + image.registry()
                    + " in settings.xml)");
        }
        return r;
    }

    /**
     * What a request sends: bytes or a file, with its type and the time it may take (a large layer needs longer
     * than a manifest HEAD).
     */
    record Body(HttpRequest.BodyPublisher publisher, String contentType, java.time.Duration timeout) {
    }

    private HttpRequest request(ImageName image, String method, String path, String authorization, Body body) {
        URI base = URI.create(base(image) + "/");
        URI uri = path.startsWith("/") ? URI.create(base(image) + path) : base.resolve(path);
        HttpRequest.Builder b = proxied(HttpRequest.newBuilder(uri), uri)
                .timeout(body == null ? settings.timeout() : body.timeout())
                .header("Accept", path.contains("/manifests/") ? MANIFEST_ACCEPT : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.publisher());
        if (body != null && body.contentType() != null) {
            b.header("Content-Type", body.contentType());
        }
        // the registry's login goes to the registry only, never to a storage host an upload location names
        if (authorization != null && uri.getRawAuthority() != null
                && uri.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    /** settings.xml's proxy login on every request that goes through the proxy. */
    private HttpRequest.Builder proxied(HttpRequest.Builder builder, URI target) {
        settings.proxy().flatMap(proxy -> proxy.authorization(target))
                .ifPresent(value -> builder.header("Proxy-Authorization", value));
        return builder;
    }

    private Optional<RegistryCredentials> login(ImageName image, boolean write) {
        return write ? credentials.forPush(image.registry()) : credentials.forRegistry(image.registry());
    }

    private String authorize(ImageName image, HttpResponse<String> unauthorized, String what, boolean write) {
        AuthChallenge challenge = unauthorized.headers().firstValue("WWW-Authenticate").flatMap(AuthChallenge::parse)
                .orElseThrow(() -> new RegistryException("registry " + image.registry() + " answered 401 for " + what
                        + " without saying how to authenticate"));
        Optional<RegistryCredentials> login = login(image, write);
        if (challenge.isBasic()) {
            RegistryCredentials c = login.orElseThrow(() -> new RegistryException("registry " + image.registry()
                    + " requires a login for " + what + ": run 'docker login " + image.registry()
                    + "' or add a <server> with id " + image.registry() + " to settings.xml"));
            return basic(c);
        }
        if (challenge.isBearer()) {
            return "Bearer " + token(image, challenge, login, what);
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

    private String token(ImageName image, AuthChallenge challenge, Optional<RegistryCredentials> login,
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
        String scope = challenge.params().getOrDefault("scope", "repository:" + image.repository() + ":pull");
        url.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI realmUri = realmUri(image, url.toString());
        boolean plain = realmUri.getScheme().equalsIgnoreCase("http");
        if (plain && login.isPresent() && !settings.insecureRegistries().contains(realmUri.getRawAuthority())) {
            // a registry must not be able to send the login in the clear to a host of its choosing
            throw new RegistryException("registry " + image.registry() + " asks for a token at " + realmUri.getScheme()
                    + "://" + realmUri.getRawAuthority() + " over plain HTTP: the login for " + image.registry()
                    + " is sent only over HTTPS, or to a host:port listed in " + Setting.INSECURE_REGISTRIES);
        }
        HttpRequest.Builder b = proxied(HttpRequest.newBuilder(realmUri), realmUri).timeout(settings.timeout())
                .GET();
        login.ifPresent(c -> b.header("Authorization", basic(c)));
        HttpResponse<String> r = execute(b.build(), image, "token for " + what);
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new RegistryException("the token service of " + image.registry() + " rejected "
                    + login.map(Object::toString).orElse("anonymous access") + " (" + r.statusCode() + ") for "
                    + what + ": check the login for " + image.registry());
        }
        expect200(r, image, "get a token for " + what);
        JsonObject o = json(r, image);
        JsonElement t = o.has("token") ? o.get("token") : o.get("access_token");
        if (t == null) {
            throw new RegistryException("the token service of " + image.registry() + " returned no token");
        }
        return t.getAsString();
    }

    private static String basic(RegistryCredentials c) {
        String user = c.username() == null ? "<token>" : c.username();
        String secret = c.identityToken() != null ? c.identityToken() : c.password();
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends with retries on connection errors, 429 and 5xx. */
    private HttpResponse<String> execute(HttpRequest request, ImageName image, String what) {
        long pause = settings.backoff().toMillis();
        String last = null;
        int attempt = 1;
        for (; attempt <= settings.attempts(); attempt++) {
            long wait = pause;
            try {
                HttpResponse<String> r = sendBounded(request);
                if (r.statusCode() != 429 && r.statusCode() < 500) {
                    return r;
                }
                last = "HTTP " + r.statusCode();
                if (r.statusCode() == 429) {
                    wait = retryAfter(r).orElse(pause);
                }
            } catch (IOException e) {
                last = describe(e, image);
                if (isFinal(e, image)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while asking " + image.registry() + " for " + what, e);
            }
            if (attempt < settings.attempts()) {
                log.debug("registry " + image.registry() + ": " + what + " failed (" + last + "), retrying in "
                        + wait + " ms");
                sleep(wait);
                pause *= 2;
            }
        }
        int made = Math.min(attempt, settings.attempts());
        throw new RegistryException("could not reach registry " + image.registry() + " (" + base(image) + ") for "
                + what + " after " + made + (made == 1 ? " attempt: " : " attempts: ") + last);
    }

    /**
     * One exchange, headers and body, within the request timeout: the request's own timeout ends at the headers,
     * and a registry that then stalls the body must not hang the build.
     */
    private HttpResponse<String> sendBounded(HttpRequest request) throws IOException, InterruptedException {
        java.time.Duration bound = request.timeout().orElse(settings.timeout());
        // ISO-8859-1 keeps every byte as one char: digests are computed from the exact bytes
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        try {
            return exchange.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + bound.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** A 429's {@code Retry-After} in seconds, bounded so a registry cannot park the build. */
    private static Optional<Long> retryAfter(HttpResponse<String> r) {
        return r.headers().firstValue("Retry-After").filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Math.min(Long.parseLong(v.strip()) * 1000, MAX_RETRY_AFTER_MS));
    }

    /**
     * Failures a retry cannot mend: a refused connection on this machine (nothing listens; waiting changes
     * nothing) and a TLS handshake that failed.
     */
    private static boolean isFinal(IOException e, ImageName image) {
        if (e instanceof javax.net.ssl.SSLException) {
            return true;
        }
        if (!(e instanceof java.net.ConnectException)) {
            return false;
        }
        String registry = image.registry();
        String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1)
                : registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static String describe(IOException e, ImageName image) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failed (" + e.getMessage() + "); a plain-HTTP registry must be listed in"
                    + " " + Setting.INSECURE_REGISTRIES.set(image.registry());
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void expect200(HttpResponse<String> r, ImageName image, String action) {
        if (r.statusCode() != 200) {
            String hint = r.statusCode() == 403 ? ": the login has no pull access to " + image.repository() : "";
            throw new RegistryException("registry " + image.registry() + " answered " + r.statusCode() + " when asked"
                    + " to " + action + hint + errorCode(r));
        }
    }

    /** The body as the UTF-8 text it is. */
    private static String text(HttpResponse<String> r) {
        return r.body() == null ? null : new String(r.body().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
    }

    private static String sha256(HttpResponse<String> r) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(r.body().getBytes(StandardCharsets.ISO_8859_1));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String errorCode(HttpResponse<String> r) {
        String body = text(r);
        if (body == null || body.isBlank()) {
            return "";
        }
        return " (" + (body.length() > 300 ? body.substring(0, 300) + "..." : body.strip()) + ")";
    }

    private static JsonObject json(HttpResponse<String> r, ImageName image) {
        try {
            JsonElement e = JsonParser.parseString(text(r));
            if (!e.isJsonObject()) {
                throw new RegistryException("registry " + image.registry() + " returned JSON that is not an object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new RegistryException("registry " + image.registry() + " returned invalid JSON", e);
        }
    }
}
