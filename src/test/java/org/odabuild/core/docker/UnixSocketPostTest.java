package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The direct unix-socket POST against a server on a real unix socket that answers as dockerd does. */
class UnixSocketPostTest {

    @TempDir
    Path dir;

    /** What a server saw of one request. */
    private record Seen(String head, byte[] body) {
    }

    /** A server's part in one exchange: reads what it wants of the request, then answers. */
    private interface Exchange {
        Seen serve(InputStream in, OutputStream out) throws IOException;
    }

    private CompletableFuture<Seen> serveOnce(Path socket, Exchange exchange) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (server; SocketChannel client = server.accept()) {
                return exchange.serve(Channels.newInputStream(client), Channels.newOutputStream(client));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static long contentLength(String head) {
        return head.lines().filter(l -> l.startsWith("Content-Length: ")).mapToLong(l -> Long.parseLong(l.substring(16)))
                .findFirst().orElseThrow();
    }

    private static UnixSocketPost.Body bytes(byte[] body) {
        return socket -> {
            ByteBuffer b = ByteBuffer.wrap(body);
            while (b.hasRemaining()) {
                socket.write(b);
            }
        };
    }

    @Test
    void sendsTheBodyWithItsLengthAndReadsAChunkedAnswer() throws Exception {
        Path socket = dir.resolve("d.sock");
        CompletableFuture<Seen> server = serveOnce(socket, (in, out) -> {
            String head = head(in);
            byte[] body = in.readNBytes((int) contentLength(head));
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "11\r\n{\"stream\":\"one\"}\n\r\n11\r\n{\"stream\":\"two\"}\n\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new Seen(head, body);
        });
        byte[] body = new byte[3_000_000];
        new java.util.Random(1).nextBytes(body);

        String answer = new UnixSocketPost(socket).post("/build?t=x%3A1", "application/x-tar", body.length,
                bytes(body), in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));

        assertThat(answer).isEqualTo("{\"stream\":\"one\"}\n{\"stream\":\"two\"}\n");
        Seen seen = server.get(10, TimeUnit.SECONDS);
        assertThat(seen.head()).startsWith("POST /build?t=x%3A1 HTTP/1.1\r\n").contains("Host: ")
                .contains("Content-Type: application/x-tar\r\n").contains("Content-Length: 3000000\r\n");
        assertThat(seen.body()).isEqualTo(body);
    }

    @Test
    void anAnswerOtherThan200FailsWithTheDaemonsMessage() throws Exception {
        Path socket = dir.resolve("d.sock");
        serveOnce(socket, (in, out) -> {
            in.readNBytes((int) contentLength(head(in)));
            String json = "{\"message\":\"dockerfile parse error line 1: unknown instruction: FORM\"}";
            out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Length: " + json.length() + "\r\n\r\n" + json)
                    .getBytes(StandardCharsets.US_ASCII));
            return null;
        });
        assertThatThrownBy(() -> new UnixSocketPost(socket).post("/build", "application/x-tar", 3,
                bytes(new byte[3]), in -> "read"))
                .isInstanceOf(IOException.class)
                .hasMessage("500 {\"message\":\"dockerfile parse error line 1: unknown instruction: FORM\"}");
    }

    /** dockerd refuses some requests from their query alone and closes without reading the body. */
    @Test
    void aRefusalBeforeTheBodyWasReadStillGivesTheDaemonsReason() throws Exception {
        Path socket = dir.resolve("d.sock");
        serveOnce(socket, (in, out) -> {
            head(in);
            String text = "invalid platform: linux/xyz";
            out.write(("HTTP/1.1 400 Bad Request\r\nContent-Length: " + text.length() + "\r\nConnection: close\r\n\r\n"
                    + text).getBytes(StandardCharsets.US_ASCII));
            return null; // closes with the body unread
        });
        byte[] big = new byte[32 << 20]; // far more than the socket buffers hold
        assertThatThrownBy(() -> new UnixSocketPost(socket).post("/build?platform=linux%2Fxyz", "application/x-tar",
                big.length, bytes(big), in -> "read"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("400 invalid platform: linux/xyz");
    }

    /** When the body cannot be sent to its end (a context file changed), the daemon is not left waiting for it. */
    @Test
    void aBodyThatFailsHalfwayEndsTheRequestAndKeepsItsOwnReason() throws Exception {
        Path socket = dir.resolve("d.sock");
        CompletableFuture<Seen> server = serveOnce(socket, (in, out) -> {
            String head = head(in);
            byte[] got = in.readNBytes((int) contentLength(head)); // ends early: the client shut its side
            out.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 14\r\n\r\nunexpected EOF"
                    .getBytes(StandardCharsets.US_ASCII));
            return new Seen(head, got);
        });
        UnixSocketPost.Body half = channel -> {
            channel.write(ByteBuffer.wrap(new byte[100]));
            throw new IOException("ctx/app.js changed while it was sent to the Docker daemon");
        };
        assertThatThrownBy(() -> new UnixSocketPost(socket).post("/build", "application/x-tar", 1000, half,
                in -> "read"))
                .isInstanceOf(IOException.class)
                .hasMessage("ctx/app.js changed while it was sent to the Docker daemon"
                        + " (the daemon answered 500 unexpected EOF)");
        assertThat(server.get(10, TimeUnit.SECONDS).body()).hasSize(100);
    }

    @Test
    void noDaemonOnTheSocketIsAnIoError() {
        assertThatThrownBy(() -> new UnixSocketPost(dir.resolve("none.sock")).post("/build", "application/x-tar", 0,
                bytes(new byte[0]), in -> "read"))
                .isInstanceOf(IOException.class);
    }
}
