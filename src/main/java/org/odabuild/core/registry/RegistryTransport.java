package org.odabuild.core.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.Setting;
import org.odabuild.core.version.ImageName;

/**
 * The wire to the registries: requests with the right Accept header and timeout over one {@link HttpWire}
 * (settings.xml's proxy, no automatic redirects), and retries with backoff on connection errors, 429 and 5xx.
 * Knows nothing of logins; {@link RegistryAuth} adds them.
 */
final class RegistryTransport {

    /** Without these the registry answers with a schema-1 manifest and another digest. */
    static final String MANIFEST_ACCEPT = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");
    private static final long MAX_RETRY_AFTER_MS = 30_000;

    private final RegistrySettings settings;
    private final BuildLog log;
    private final HttpWire wire;

    RegistryTransport(RegistrySettings settings, BuildLog log) {
        this.settings = settings;
        this.log = log;
        this.wire = new HttpWire(settings.proxy(), settings.timeout());
    }

    RegistrySettings settings() {
        return settings;
    }

    /** Scheme and host of the registry's API. */
    String base(ImageName image) {
        String host = image.registry();
        if (host.equals("docker.io")) {
            host = "registry-1.docker.io";
        }
        return (settings.insecureRegistries().contains(image.registry()) ? "http://" : "https://") + host;
    }

    /** A request to the registry; {@code path} is a path on it or a URL it named (an upload location). */
    RegistryRequest request(ImageName image, String method, String path, String authorization, RequestBody body) {
        URI base = URI.create(base(image) + "/");
        URI uri = located(image, path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", path.contains("/manifests/") ? MANIFEST_ACCEPT : "application/json");
        // the registry's login goes to the registry only, never to a storage host an upload location names
        if (authorization != null && uri.getRawAuthority() != null
                && uri.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())) {
            headers.put("Authorization", authorization);
        }
        return build(uri, headers, method, body);
    }

    /** A path on the registry, or a URL it named (an upload's location), which must be an http(s) URL. */
    URI located(ImageName image, String path) {
        URI base = URI.create(base(image) + "/");
        try {
            URI uri = path.startsWith("/") ? new URI(base.getScheme() + "://" + base.getRawAuthority() + path)
                    : base.resolve(new URI(path));
            if (uri.getRawAuthority() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new URISyntaxException(path, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RegistryException("registry " + image.registry() + " named a location that is not an http(s)"
                    + " URL: " + Excerpt.of(path) + "; nothing was sent there");
        }
    }

    /** A GET of a URL the registry named (a token realm, a blob's storage host), with only the given headers. */
    RegistryRequest get(URI uri, Map<String, String> headers) {
        return build(uri, headers, "GET", null);
    }

    private RegistryRequest build(URI uri, Map<String, String> headers, String method, RequestBody body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        // settings.xml's proxy login on every plain-HTTP request that goes through the proxy
        settings.proxy().flatMap(proxy -> proxy.authorization(uri))
                .ifPresent(value -> all.put("Proxy-Authorization", value));
        return new RegistryRequest(method, uri, all, body, body == null ? settings.timeout() : body.timeout());
    }

    /** Sends with retries on connection errors, 429 and 5xx. */
    RegistryResponse execute(RegistryRequest request, ImageName image, String what) {
        long pause = settings.backoff().toMillis();
        String last = null;
        int attempt = 1;
        for (; attempt <= settings.attempts(); attempt++) {
            long wait = pause;
            try {
                RegistryResponse r = wire.exchange(request);
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

    /** A 429's {@code Retry-After} in seconds, bounded so a registry cannot park the build. */
    private static Optional<Long> retryAfter(RegistryResponse r) {
        return r.header("Retry-After").filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Math.min(Long.parseLong(v.strip()) * 1000, MAX_RETRY_AFTER_MS));
    }

    /**
     * Failures a retry cannot mend: a refused connection on this machine (nothing listens; waiting changes
     * nothing) and a TLS handshake that failed (an untrusted or wrong certificate). Any other TLS error is retried:
     * a kept-alive connection the registry has since closed fails its next request with one ("Connection reset"),
     * and the retry opens a new connection.
     */
    static boolean isFinal(IOException e, ImageName image) {
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return true;
        }
        if (!(e instanceof ConnectException)) {
            return false;
        }
        String registry = image.registry();
        String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1)
                : registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static String describe(IOException e, ImageName image) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpWire.Expired) {
            return "timed out";
        }
        if (e instanceof SSLException) {
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
}
