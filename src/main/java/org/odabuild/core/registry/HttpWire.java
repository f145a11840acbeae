package org.odabuild.core.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.odabuild.core.DaemonThreads;

/**
 * One HTTP exchange over the JDK's {@link HttpURLConnection}: it starts in a few milliseconds in a cold JVM, where
 * {@code java.net.http}'s client spends about 0.4 s on TLS and its selector before its first request, even to a
 * plain-HTTP registry (every goal run pays it). No automatic redirects, no caches, settings.xml's proxy, and the
 * whole exchange (headers and body) within the request's time: a registry that stalls mid-body is cut off.
 */
final class HttpWire {

    /** Registry answers are manifests, configs and tag lists; a bigger one is not a registry's answer. */
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final Optional<HttpProxy> proxy;
    private final Duration connectTimeout;
    // one of each for the wire's life: the JDK reuses a kept-alive connection only for the same Authenticator
    // instance, so one made per request opened a new connection (with TLS, a new handshake) for every request
    private final Authenticator direct;
    private final Authenticator proxied;

    HttpWire(Optional<HttpProxy> proxy, Duration connectTimeout) {
        this.proxy = proxy;
        this.connectTimeout = connectTimeout;
        this.direct = proxyLogin(Optional.empty());
        this.proxied = proxyLogin(proxy.flatMap(p -> p.username().map(u -> new PasswordAuthentication(u,
                p.password().orElse("").toCharArray()))));
    }

    /** Thrown when the exchange ran out of its time. */
    static final class Expired extends SocketTimeoutException {

        Expired(String message) {
            super(message);
        }
    }

    RegistryResponse exchange(RegistryRequest request) throws IOException {
        Proxy route = proxy.map(p -> p.route(request.uri())).orElse(Proxy.NO_PROXY);
        HttpURLConnection c = (HttpURLConnection) request.uri().toURL().openConnection(route);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(millis(connectTimeout));
        c.setReadTimeout(millis(request.timeout()));
        c.setRequestMethod(request.method());
        // only settings.xml's proxy login is ever given: a registry's 401 comes back to RegistryAuth as it is
        c.setAuthenticator(route == Proxy.NO_PROXY ? direct : proxied);
        request.headers().forEach(c::setRequestProperty);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            c.disconnect();
        }, millis(request.timeout()), TimeUnit.MILLISECONDS);
        try {
            send(c, request.body());
            int status = c.getResponseCode();
            String body = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
            return new RegistryResponse(status, c.getHeaderFields(), body);
        } catch (RuntimeException e) {
            // the JDK's parser throws these on some malformed answers (an empty WWW-Authenticate on a 401)
            throw new IOException("an answer that is not valid HTTP (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (expired.get() || e instanceof SocketTimeoutException) {
                throw new Expired("no complete answer within " + request.timeout().toSeconds() + " s");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private static void send(HttpURLConnection c, RequestBody body) throws IOException {
        if (body == null) {
            return;
        }
        if (body.contentType() != null) {
            c.setRequestProperty("Content-Type", body.contentType());
        }
        c.setDoOutput(true);
        if (body.content() instanceof RequestBody.FileContent) {
            // a layer is streamed with its length, never held in memory; a 401 to it still comes back as a 401
            c.setFixedLengthStreamingMode(body.content().length());
        }
        try (OutputStream out = c.getOutputStream()) {
            body.content().writeTo(out);
        }
    }

    private static String read(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (InputStream in = stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > MAX_BODY) {
                    throw new IOException("the answer is larger than " + (MAX_BODY >> 20) + " MiB");
                }
            }
            // ISO-8859-1 keeps every byte as one char: digests are computed from the exact bytes
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static Authenticator proxyLogin(Optional<PasswordAuthentication> login) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY ? login.orElse(null) : null;
            }
        };
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** One thread for all deadlines, gone when no request is in flight. */
    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, new DaemonThreads("oda-registry-deadlines"));
        e.setRemoveOnCancelPolicy(true);
        e.setKeepAliveTime(1, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        return e;
    }
}
