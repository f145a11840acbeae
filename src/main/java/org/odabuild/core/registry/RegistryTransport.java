package org.odabuild.core.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Setting;
import org.odabuild.core.version.ImageName;

/**
 * The wire to the registries: one HTTP client (settings.xml's proxy, no automatic redirects), requests with the
 * right Accept header and timeout, and retries with backoff on connection errors, 429 and 5xx. Knows nothing of
 * logins; {@link RegistryAuth} adds them.
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
    private final HttpClient http;

    RegistryTransport(RegistrySettings settings, BuildLog log) {
        this.settings = settings;
        this.log = log;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.proxy().ifPresent(proxy -> builder.proxy(proxy.selector()));
        this.http = builder.build();
    }

    RegistrySettings settings() {
        return settings;
    }

    /**
     * What a request sends: bytes or a file, with its type and the time it may take (a large layer needs longer
     * than a manifest HEAD).
     */
    record Body(HttpRequest.BodyPublisher publisher, String contentType, Duration timeout) {
    }

    /** Scheme and host of the registry's API. */
    String base(ImageName image) {
        String host = image.registry();
        if (host.equals("docker.io")) {
            host = "registry-1.docker.io";
        }
        return (settings.insecureRegistries().contains(image.registry()) ? "http://" : "https://") + host;
    }

    HttpRequest request(ImageName image, String method, String path, String authorization, Body body) {
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
    HttpRequest.Builder proxied(HttpRequest.Builder builder, URI target) {
        settings.proxy().flatMap(proxy -> proxy.authorization(target))
                .ifPresent(value -> builder.header("Proxy-Authorization", value));
        return builder;
    }

    /** Sends with retries on connection errors, 429 and 5xx. */
    HttpResponse<String> execute(HttpRequest request, ImageName image, String what) {
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
        Duration bound = request.timeout().orElse(settings.timeout());
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
        if (e instanceof SSLException) {
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
        if (e instanceof HttpTimeoutException) {
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
