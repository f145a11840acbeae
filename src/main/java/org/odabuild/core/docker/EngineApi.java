package org.odabuild.core.docker;

import io.fabric8.maven.docker.access.hc.ApacheHttpClientDelegate;
import io.fabric8.maven.docker.access.hc.http.HttpClientBuilder;
import io.fabric8.maven.docker.access.hc.unix.UnixSocketClientBuilder;
import io.fabric8.maven.docker.access.hc.util.ClientBuilder;
import io.fabric8.maven.docker.util.Logger;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.util.EntityUtils;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Path;

/**
 * The Engine API calls fabric8's {@code DockerAccess} does not offer (an image's platform, {@code docker save} as a
 * stream), sent through fabric8's own connection classes, so unix sockets and TLS work as for every other call.
 */
final class EngineApi implements AutoCloseable {

    /** Reads a streamed answer. */
    interface Reader<T> {
        T read(InputStream body) throws IOException;
    }

    /** Builds and saves of images side by side each hold a connection for as long as they run. */
    private static final int CONNECTIONS = 16;

    private final ApacheHttpClientDelegate http;
    private final String base;
    /** The daemon's unix socket, spoken to directly for build contexts; null for a tcp daemon. */
    private final UnixSocketPost unixSocket;

    private EngineApi(ApacheHttpClientDelegate http, String base, UnixSocketPost unixSocket) {
        this.http = http;
        this.base = base;
        this.unixSocket = unixSocket;
    }

    /** @param clientUrl the URL as fabric8 takes it ({@code unix://}, {@code http://}, {@code https://}) */
    static EngineApi connect(String clientUrl, String certPath, Logger log) throws IOException {
        URI uri = URI.create(clientUrl);
        ClientBuilder builder;
        String base;
        UnixSocketPost unixSocket = null;
        if ("unix".equalsIgnoreCase(uri.getScheme())) {
            builder = new UnixSocketClientBuilder(uri.getPath(), CONNECTIONS, log);
            base = "unix://127.0.0.1:1";
            unixSocket = new UnixSocketPost(Path.of(uri.getPath()));
        } else {
            builder = new HttpClientBuilder("https".equalsIgnoreCase(uri.getScheme()) ? certPath : null, CONNECTIONS);
            base = clientUrl.endsWith("/") ? clientUrl.substring(0, clientUrl.length() - 1) : clientUrl;
        }
        // pooled: images built side by side each hold a connection
        return new EngineApi(new ApacheHttpClientDelegate(builder, true), base, unixSocket);
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

    /** Removes a container, running or not ({@code docker rm -f}). */
    void removeContainer(String id) throws IOException {
        http.delete(base + "/containers/" + id + "?force=1&v=1", 200, 204, 404);
    }

    <T> T stream(String path, Reader<T> reader) throws IOException {
        return http.get(base + path, response -> {
            try (InputStream body = response.getEntity().getContent()) {
                return reader.read(body);
            }
        }, 200);
    }

    /**
     * POSTs a build context's archive, with its length up front, and reads the streamed answer. On a unix socket the
     * files are sent by sendfile ({@link UnixSocketPost}); over tcp through fabric8's connection (TLS included). An
     * answer other than 200 fails with the daemon's message.
     */
    <T> T postArchive(String path, Map<String, String> headers, ContextArchive archive, Reader<T> reader)
            throws IOException {
        if (unixSocket != null) {
            return unixSocket.post(path, headers, "application/x-tar", archive.length(), archive::writeTo, reader);
        }
        HttpPost post = new HttpPost(base + path);
        headers.forEach(post::setHeader);
        AbstractHttpEntity entity = new AbstractHttpEntity() {
            @Override
            public boolean isRepeatable() {
                return false;
            }

            @Override
            public long getContentLength() {
                return archive.length();
            }

            @Override
            public InputStream getContent() {
                throw new UnsupportedOperationException("written, not read");
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                // large writes: the connection makes a socket write of every write it gets
                BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 20);
                archive.writeTo(Channels.newChannel(buffered));
                buffered.flush();
            }

            @Override
            public boolean isStreaming() {
                return false;
            }
        };
        entity.setContentType("application/x-tar");
        post.setEntity(entity);
        return http.getHttpClient().execute(post, response -> {
            int status = response.getStatusLine().getStatusCode();
            if (status != 200) {
                String message = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                throw new IOException(status + " " + message.strip());
            }
            try (InputStream answer = response.getEntity().getContent()) {
                return reader.read(answer);
            }
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
