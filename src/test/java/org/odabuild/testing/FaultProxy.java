package org.odabuild.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback proxy in front of a real registry that injects faults: each request goes through {@link Rule}s, which
 * may answer in the registry's place or stop everything; the rest is forwarded, with {@code Location} headers
 * rewritten to the proxy so uploads stay on it. Images name {@link #host()} as their registry.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "expect", "proxy-authorization", "proxy-connection");

    /**
     * One request as the proxy sees it.
     *
     * @param absoluteForm the request line named the whole URL: the client used this as its HTTP proxy
     */
    public record Request(String method, String path, String contentType, boolean absoluteForm,
            String proxyAuthorization) {
    }

    /** A canned answer, with extra headers. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public Answer(int status, String body) {
            this(status, body, Map.of());
        }
    }

    /** Looks at a request before it is forwarded and at the registry's status after. */
    public interface Rule {
        Optional<Answer> before(Request request);

        default void after(Request request, int status) {
        }
    }

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    public final List<String> log = new CopyOnWriteArrayList<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    private FaultProxy(HttpServer server, String target) {
        this.server = server;
        this.target = target;
    }

    /** @param target the registry's {@code host:port} */
    public static FaultProxy start(String target) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FaultProxy proxy = new FaultProxy(server, target);
            server.createContext("/", proxy::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FaultProxy rule(Rule rule) {
        rules.add(rule);
        return this;
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null
                    ? "" : "?" + exchange.getRequestURI().getRawQuery());
            Request request = new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestURI().isAbsolute(),
                    exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
            log.add(request.method() + " " + path);
            requests.add(request);
            for (Rule rule : rules) {
                Optional<Answer> answer = rule.before(request);
                if (answer.isPresent()) {
                    byte[] body = answer.get().body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
                    answer.get().headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                    exchange.sendResponseHeaders(answer.get().status(), body.length == 0 ? -1 : body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://" + target + path))
                    .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.equals(":status")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name,
                            name.equalsIgnoreCase("Location") ? v.replace(target, host()) : v));
                }
            });
            byte[] answer = response.body();
            boolean head = request.method().equals("HEAD");
            if (head) {
                response.headers().firstValue("Content-Length")
                        .ifPresent(l -> exchange.getResponseHeaders().set("Content-Length", l));
            }
            exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
            for (Rule rule : rules) {
                rule.after(request, response.statusCode());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
