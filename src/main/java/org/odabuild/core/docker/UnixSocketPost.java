package org.odabuild.core.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.http.HttpException;
import org.apache.http.HttpResponse;
import org.apache.http.entity.ContentLengthStrategy;
import org.apache.http.impl.entity.LaxContentLengthStrategy;
import org.apache.http.impl.io.ChunkedInputStream;
import org.apache.http.impl.io.ContentLengthInputStream;
import org.apache.http.impl.io.DefaultHttpResponseParser;
import org.apache.http.impl.io.HttpTransportMetricsImpl;
import org.apache.http.impl.io.IdentityInputStream;
import org.apache.http.impl.io.SessionInputBufferImpl;

/**
 * One {@code POST} of a body of known length to a daemon's unix socket, through the JDK's own socket channel, so the
 * body's files go from the page cache to the socket by sendfile ({@link ContextArchive}): fabric8's jnr socket copies
 * every buffer written to it into a new one first. The answer is read with HttpCore's parsers, as fabric8's client
 * reads it.
 */
final class UnixSocketPost {

    /** Writes a request body of the declared length to the socket. */
    interface Body {
        void write(SocketChannel socket) throws IOException;
    }

    private final Path socket;

    UnixSocketPost(Path socket) {
        this.socket = socket;
    }

    /**
     * Sends the request and reads the streamed answer. An answer other than 200 fails with the daemon's message. When
     * sending fails (a file of the body changed, or the daemon stopped reading), the daemon's answer to the cut request
     * is added to the error, since it often says why.
     */
    <T> T post(String target, String contentType, long length, Body body, EngineApi.Reader<T> reader)
            throws IOException {
        return post(target, Map.of(), contentType, length, body, reader);
    }

    /** {@link #post(String, String, long, Body, EngineApi.Reader)} with more headers. */
    <T> T post(String target, Map<String, String> headers, String contentType, long length, Body body,
            EngineApi.Reader<T> reader) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            IOException sending = null;
            try {
                StringBuilder more = new StringBuilder();
                headers.forEach((name, value) -> more.append(name).append(": ").append(value).append("\r\n"));
                write(channel, "POST " + target + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: oda-maven-plugin\r\n"
                        + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n" + more
                        + "Connection: close\r\n\r\n");
                body.write(channel);
            } catch (IOException e) {
                sending = e;
                // the daemon sees the request end and answers (or has answered already) instead of waiting for more
                shutdownOutput(channel);
            }
            SessionInputBufferImpl in = new SessionInputBufferImpl(new HttpTransportMetricsImpl(), 8192);
            in.bind(Channels.newInputStream(channel));
            HttpResponse response;
            try {
                response = new DefaultHttpResponseParser(in).parse();
            } catch (IOException | HttpException e) {
                if (sending != null) {
                    throw sending;
                }
                throw new IOException("no HTTP answer from the Docker daemon at " + socket + ": " + e.getMessage(), e);
            }
            InputStream answer = body(response, in);
            int status = response.getStatusLine().getStatusCode();
            if (sending != null) {
                String said = status == 200 ? "" : " (the daemon answered " + status + " " + text(answer) + ")";
                throw new IOException(sending.getMessage() + said, sending);
            }
            if (status != 200) {
                throw new IOException(status + " " + text(answer));
            }
            return reader.read(answer);
        }
    }

    private static InputStream body(HttpResponse response, SessionInputBufferImpl in) throws IOException {
        long length;
        try {
            length = LaxContentLengthStrategy.INSTANCE.determineLength(response);
        } catch (HttpException e) {
            throw new IOException("the Docker daemon's answer has a broken length: " + e.getMessage(), e);
        }
        if (length == ContentLengthStrategy.CHUNKED) {
            return new ChunkedInputStream(in);
        }
        return length == ContentLengthStrategy.IDENTITY ? new IdentityInputStream(in)
                : new ContentLengthInputStream(in, length);
    }

    private static String text(InputStream answer) {
        try {
            return new String(answer.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(SocketChannel channel, String head) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void shutdownOutput(SocketChannel channel) {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            // the connection is gone already; reading its answer will say so
        }
    }
}
