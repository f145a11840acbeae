package org.odabuild.core.docker;

import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import io.fabric8.maven.docker.access.hc.http.HttpClientBuilder;
import io.fabric8.maven.docker.access.hc.unix.UnixSocketClientBuilder;
import io.fabric8.maven.docker.access.hc.util.ClientBuilder;
import io.fabric8.maven.docker.util.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * The Engine API calls fabric8's {@code DockerAccess} does not offer (an image's platform, {@code docker save} as a
 * stream), sent through fabric8's own connection classes, so unix sockets and TLS work as for every other call.
 */
final class EngineApi implements AutoCloseable {

    /** Reads a streamed answer. */
    interface Reader<T> {
        T read(InputStream body) throws IOException;
    }

    private final ApacheHttpClientDelegate http;
    private final String base;

    private EngineApi(ApacheHttpClientDelegate http, String base) {
        this.http = http;
        this.base = base;
    }

    /** @param clientUrl the URL as fabric8 takes it ({@code unix://}, {@code http://}, {@code https://}) */
    static EngineApi connect(String clientUrl, String certPath, Logger log) throws IOException {
        URI uri = URI.create(clientUrl);
        ClientBuilder builder;
        String base;
        if ("unix".equalsIgnoreCase(uri.getScheme())) {
            builder = new UnixSocketClientBuilder(uri.getPath(), 2, log);
            base = "unix://127.0.0.1:1";
        } else {
            builder = new HttpClientBuilder("https".equalsIgnoreCase(uri.getScheme()) ? certPath : null, 2);
            base = clientUrl.endsWith("/") ? clientUrl.substring(0, clientUrl.length() - 1) : clientUrl;
        }
        return new EngineApi(new ApacheHttpClientDelegate(builder, false), base);
    }

    String get(String path) throws IOException {
        return http.get(base + path, 200);
    }

    void post(String path) throws IOException {
        http.post(base + path, 200, 201);
    }

    void delete(String path) throws IOException {
        http.delete(base + path, 200);
    }

    <T> T stream(String path, Reader<T> reader) throws IOException {
        return http.get(base + path, response -> {
            try (InputStream body = response.getEntity().getContent()) {
                return reader.read(body);
            }
        }, 200);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
