import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A registry "far away": forwards every request to a local registry after a fixed delay (the P3 case of bench/run).
 * Run as a source file: java bench/LatencyProxy.java LISTEN_PORT TARGET_HOST:PORT DELAY_MS
 */
public class LatencyProxy {

    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "http2-settings", "expect", "keep-alive");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String target = args[1];
        long delay = Long.parseLong(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.createContext("/", exchange -> {
            try (exchange) {
                Thread.sleep(delay);
                String path = exchange.getRequestURI().toString();
                byte[] body = exchange.getRequestBody().readAllBytes();
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://" + target + path))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((k, v) -> {
                    if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
                        v.forEach(value -> forward.header(k, value));
                    }
                });
                HttpResponse<byte[]> r = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().map().forEach((k, v) -> {
                    if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
                        v.forEach(value -> exchange.getResponseHeaders().add(k, value));
                    }
                });
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(r.statusCode(), head || r.body().length == 0 ? -1 : r.body().length);
                if (!head) {
                    exchange.getResponseBody().write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("listening on 127.0.0.1:" + port + " -> " + target + " +" + delay + " ms");
    }
}
