package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.RecordingLog;

/**
 * A registry that answers anything: statuses a registry may send and some it should not, its headers with odd
 * values, manifests, indexes, configs, tag lists and token answers with fields of the wrong kind, bodies cut short,
 * answers that echo the request. Every read the plugin makes either answers or stops with the plugin's own
 * {@link RegistryException}, in bounded time, never says "absent" for anything but a registry's 404, and never
 * repeats the login in what it says.
 */
class HostileRegistryProperties {

    private static final String USER = "bob";
    private static final String PASSWORD = "s3cr3t-Pa55";
    private static final String BASIC = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
    private static final String TOKEN = "tok-Very-Secret-42";

    private static final String LAYER_DIGEST = "sha256:" + "12".repeat(32);
    private static ScriptedServer server;
    private static Path layer;

    @BeforeContainer
    static void start() throws IOException {
        server = new ScriptedServer();
        layer = Files.createTempFile("hostile-layer", ".bin");
        Files.writeString(layer, "layer");
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(layer);
    }

    /** One answer of the script; {@code shape} says how the bytes go on the wire. */
    record Answer(int status, List<String> headers, String body, Shape shape) {
        @Override
        public String toString() {
            return status + " " + headers + " " + shape + " " + (body.length() > 120 ? body.substring(0, 120) + "..."
                    : body);
        }
    }

    enum Shape { LENGTH, CHUNKED, CLOSE, SHORT, ECHO }

    enum Read { HEAD_TAG, DIGEST, TAGS, DESCRIBE, INDEX, PUT_BLOB, PUT_MANIFEST }

    /** The tag list's page limit here (the plugin's is {@link TagListEndpoint#MAX_PAGES}), reached in a second. */
    private static final int MAX_PAGES = 50;

    @Property(tries = 200)
    void everyExchangeAnswersOrFailsClosedWithTheLoginKept(@ForAll("scripts") List<Answer> script,
            @ForAll Read read) {
        Object answer;
        try {
            answer = play(script, read);
        } catch (RegistryException failedClosed) {
            return;
        }
        if (answer instanceof Optional<?> o && o.isEmpty()) {
            assertThat(server.served()).as("said absent").anySatisfy(a -> assertThat(a.status() == 404
                    && (a.headers().contains("Docker-Distribution-API-Version: registry/2.0")
                    || a.body().contains("_UNKNOWN"))).isTrue());
        }
    }

    @Example
    void aPlatformOfTheWrongKindIsSaidAndFailsClosed() {
        String index = "{\"manifests\":[{\"digest\":\"sha256:" + "ab".repeat(32) + "\",\"platform\":"
                + "{\"os\":null,\"architecture\":[\"amd64\"]}}]}";
        assertThat(failure(List.of(ok(index)), Read.DESCRIBE))
                .hasMessageContaining("with a 'architecture' that is not text: [\"amd64\"]");
        assertThat(failure(List.of(ok(index.replace("{\"os\"", "[{\"os\"").replace("]}}]", "]}]}]"))),
                Read.INDEX)).hasMessageContaining("'platform' that is not an object");
    }

    @Example
    void aDigestThatIsNoDigestNeverReachesAPath() {
        assertThat(failure(List.of(new Answer(200, List.of("Docker-Content-Digest: sha256:../../v2/_catalog"), "",
                Shape.LENGTH)), Read.HEAD_TAG)).hasMessageContaining("'sha256:../../v2/_catalog', which is not a digest");
        assertThat(failure(List.of(ok("{\"config\":{\"digest\":\"sha256:ab?x=1\"}}")), Read.DESCRIBE))
                .hasMessageContaining("the config's digest 'sha256:ab?x=1', which is not a digest");
        assertThat(server.served()).hasSize(1);
    }

    @Example
    void tagPagesThatLeadBackStopTheCheck() {
        Answer page = new Answer(200, List.of("Link: </v2/org/op/tags/list?n=2&last=b>; rel=\"next\""),
                "{\"tags\":[\"a\",\"b\"]}", Shape.LENGTH);
        assertThat(failure(List.of(page), Read.TAGS)).hasMessageContaining("back to a page it had sent");
        assertThat(server.served()).hasSize(2);
        assertThat(failure(List.of(new Answer(200, List.of("Link: <:: bad>; rel=\"next\""), "{\"tags\":[]}",
                Shape.LENGTH)), Read.TAGS)).hasMessageContaining("not a page of its API");
        // a new page named with every answer: asked forever before
        Answer onAndOn = new Answer(200, List.of("Link: </v2/org/op/tags/list?n=2&last=@N@>; rel=\"next\""),
                "{\"tags\":[\"a\"]}", Shape.LENGTH);
        assertThat(failure(List.of(onAndOn), Read.TAGS)).hasMessageContaining("past " + MAX_PAGES + " pages: the"
                + " check fails closed");
        assertThat(server.served()).hasSize(MAX_PAGES);
    }

    /** Found by this property (seed -5729414592877610809, 2,000 tries): the header's name alone said "registry". */
    @Example
    void aNotFoundWhoseApiHeaderIsEmptyIsNoRegistrysAbsent() {
        Answer emptyHeader = new Answer(404, List.of("Docker-Distribution-API-Version:"), "", Shape.LENGTH);
        Answer api = new Answer(200, List.of("Docker-Distribution-API-Version: registry/2.0"), "", Shape.LENGTH);
        assertThat(failure(List.of(emptyHeader, api), Read.HEAD_TAG)).hasMessageContaining("without saying it is a"
                + " registry (no Docker-Distribution-API-Version header, no registry error code)");
        Answer absent = new Answer(404, List.of("Docker-Distribution-API-Version: registry/2.0"), "", Shape.LENGTH);
        Answer emptyApi = new Answer(200, List.of("Docker-Distribution-API-Version: "), "", Shape.LENGTH);
        assertThat(failure(List.of(absent, emptyApi), Read.HEAD_TAG)).hasMessageContaining("does not answer as a"
                + " container registry");
    }

    /**
     * Found by this property at 15,000 tries: a null token crashed in the JSON library, a token with a line break in
     * the JDK's header check.
     */
    @Example
    void aTokenThatIsNoHeaderValueFailsClosedWithoutShowingIt() {
        Answer challenge = new Answer(401, List.of("WWW-Authenticate: Bearer realm=\"http://@HOST@/token\","
                + "service=\"reg\""), "", Shape.LENGTH);
        assertThat(failure(List.of(challenge, new Answer(200, List.of(), "{\"token\":null}", Shape.LENGTH)),
                Read.HEAD_TAG)).hasMessageContaining("returned no token");
        assertThat(failure(List.of(challenge, new Answer(200, List.of(), "{\"token\":{\"a\":1}}", Shape.LENGTH)),
                Read.HEAD_TAG)).hasMessageContaining("returned no token");
        assertThat(failure(List.of(challenge, new Answer(200, List.of(), "{\"token\":\"a\\r\\nX-Evil: 1\"}",
                Shape.LENGTH)), Read.HEAD_TAG)).hasMessageContaining("characters an HTTP header cannot carry")
                .message().doesNotContain("X-Evil");
    }

    @Example
    void aMalformedChallengeIsTheRegistrysFaultNotACrash() {
        // the JDK's own parser throws on a 401 with an empty WWW-Authenticate
        assertThat(failure(List.of(new Answer(401, List.of("WWW-Authenticate: "), "", Shape.LENGTH)), Read.TAGS))
                .hasMessageContaining("not valid HTTP");
    }

    @Example
    void anUploadLocationThatIsNoHttpUrlGetsNothing() {
        Answer absent = new Answer(404, List.of("Docker-Distribution-API-Version: registry/2.0"),
                "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}", Shape.LENGTH);
        Answer api = new Answer(200, List.of("Docker-Distribution-API-Version: registry/2.0"), "", Shape.LENGTH);
        Answer started = new Answer(202, List.of("Location: ftp://127.0.0.1/upload"), "", Shape.LENGTH);
        assertThat(failure(List.of(absent, api, started), Read.PUT_BLOB))
                .hasMessageContaining("named a location that is not an http(s) URL: ftp://127.0.0.1/upload");
        assertThat(server.served()).hasSize(3);
    }

    @Example
    void anErrorPageThatEchoesTheRequestShowsNoLogin() {
        Answer challenge = new Answer(401, List.of("WWW-Authenticate: Basic realm=\"r\""), "", Shape.LENGTH);
        Answer echo = new Answer(400, List.of(), "", Shape.ECHO);
        assertThat(failure(List.of(challenge, echo), Read.TAGS)).hasMessageContaining("Authorization: Basic <hidden>");
        assertThat(failure(List.of(new Answer(502, List.of(), "{\"token\":\"" + TOKEN + "\"}", Shape.LENGTH),
                new Answer(400, List.of(), "{\"access_token\": \"" + TOKEN + "\"}", Shape.LENGTH)), Read.TAGS))
                .hasMessageContaining("\"access_token\":\"<hidden>\"");
    }

    /**
     * Long answers are read or refused, never a StackOverflowError: Java's regex recursed once per repeated group, so
     * a 3,000-character token in an error body (a real JWT can be that long) or a digest of many parts took the JVM
     * down instead of failing closed.
     */
    @Example
    void longAnswersFailClosedWithoutOverflowingTheStack() {
        String longToken = "{\"token\":\"" + "x".repeat(100_000) + "\"}";
        assertThat(failure(List.of(new Answer(400, List.of("Docker-Distribution-API-Version: registry/2.0"), longToken,
                Shape.LENGTH)), Read.DESCRIBE)).hasMessageContaining("\"token\":\"<hidden>\"");
        String manyParts = "a.".repeat(50_000) + "a:ab?x";
        assertThat(failure(List.of(ok("{\"config\":{\"digest\":\"" + manyParts + "\"}}")), Read.DESCRIBE))
                .hasMessageContaining("which is not a digest");
    }

    private static Answer ok(String body) {
        return new Answer(200, List.of("Docker-Distribution-API-Version: registry/2.0"), body, Shape.LENGTH);
    }

    private static Throwable failure(List<Answer> script, Read read) {
        try {
            Object answer = play(script, read);
            throw new AssertionError("answered " + answer);
        } catch (RegistryException e) {
            return e;
        }
    }

    /**
     * What the read answers with the script played; a failure must be the plugin's own error, within 30 s, and
     * must not repeat the login.
     */
    private static Object play(List<Answer> script, Read read) {
        server.play(script);
        ImageName image = new ImageName(server.host() + "/org/op");
        RegistrySettings settings = new RegistrySettings(Set.of(server.host()), Duration.ofSeconds(1), 2,
                Duration.ofMillis(1));
        RegistryClient client = new RegistryClient(settings, r -> Optional.of(new RegistryCredentials(USER, PASSWORD,
                null, "test")), new RecordingLog(), 2, MAX_PAGES);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(() -> switch (read) {
                case HEAD_TAG -> client.manifest(image, "1.0.0");
                case DIGEST -> client.digest(image, "1.0.0");
                case TAGS -> client.repositoryTags(image);
                case DESCRIBE -> client.describe(image, "1.0.0");
                case INDEX -> client.indexEntries(image, "1.0.0");
                case PUT_BLOB -> new RegistryUploads(client, settings).blob(image, LAYER_DIGEST, 5, layer);
                case PUT_MANIFEST -> new RegistryUploads(client, settings).manifest(image, "1.0.0",
                        "application/vnd.oci.image.manifest.v1+json", "{}".getBytes(StandardCharsets.UTF_8));
            }).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof RegistryException registry)) {
                throw new AssertionError("not the plugin's own error: " + cause, cause);
            }
            for (Throwable t = cause; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD).doesNotContain(BASIC)
                        .doesNotContain(TOKEN);
            }
            // the registry's words never break the line: a CI log line cannot be forged through them
            assertThat(cause.getMessage()).doesNotContain("\n").doesNotContain("\r");
            throw registry;
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 30 s to " + read);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            one.shutdownNow();
        }
    }

    @Provide
    Arbitrary<List<Answer>> scripts() {
        return answer().list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<Answer> answer() {
        return Combinators.combine(statuses(), headers(), bodies(), Arbitraries.of(Shape.values()))
                .as(Answer::new);
    }

    private Arbitrary<Integer> statuses() {
        return Arbitraries.oneOf(Arbitraries.of(200, 200, 200, 401, 401, 404, 404),
                Arbitraries.of(201, 202, 204, 206, 301, 302, 307, 308, 400, 403, 405, 429, 500, 502, 503, 999, 100));
    }

    private Arbitrary<List<String>> headers() {
        Arbitrary<String> one = Arbitraries.of(
                "Docker-Distribution-API-Version: registry/2.0",
                "Docker-Distribution-API-Version: registry/2.0",
                "Docker-Distribution-API-Version:",
                "Docker-Content-Digest: sha256:" + "ab".repeat(32),
                "Docker-Content-Digest: md5:zz",
                "Docker-Content-Digest:",
                "Docker-Content-Digest: sha256:../../etc",
                "WWW-Authenticate: Bearer realm=\"http://@HOST@/token\",service=\"reg\",scope=\"repository:org/op:pull\"",
                "WWW-Authenticate: Bearer realm=\"http://@HOST@/token?x=1\"",
                "WWW-Authenticate: Bearer realm=\"https://@HOST@/token\"",
                "WWW-Authenticate: Bearer realm=\"http://evil.example:1/t\"",
                "WWW-Authenticate: Bearer realm=\":::not a url\"",
                "WWW-Authenticate: Bearer realm=\"http://@HOST@/tok en\"",
                "WWW-Authenticate: Bearer",
                "WWW-Authenticate: Bearer service=\"x\"",
                "WWW-Authenticate: Basic realm=\"r\"",
                "WWW-Authenticate: Negotiate",
                "WWW-Authenticate: ",
                "Location: /v2/org/op/blobs/elsewhere",
                "Location: http://@HOST@/v2/org/op/blobs/x",
                "Location: http://127.0.0.1:1/gone",
                "Location: ::bad uri::",
                "Location: ftp://x/y",
                "Location: /v2/org/op/blobs/uploads/u1?_state=a%20b",
                "Location: /v2/org/op/blobs/uploads/u 1?_state=a b",
                "Location: http://[::1/x",
                "Location: ",
                "Link: </v2/org/op/tags/list?n=2&last=a>; rel=\"next\"",
                "Link: </v2/org/op/tags/list?n=2>; rel=\"next\"",
                "Link: <:: bad>; rel=\"next\"",
                "Link: <http://other.example/v2/x/tags/list?last=z>; rel=next",
                "Link: garbage",
                "Retry-After: 0",
                "Retry-After: 1",
                "Retry-After: -5",
                "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT",
                "Content-Type: application/vnd.oci.image.index.v1+json",
                "Content-Type: text/html",
                "Content-Length: 5",
                "Connection: close",
                "Transfer-Encoding: gzip");
        return one.list().ofMaxSize(5);
    }

    private Arbitrary<String> bodies() {
        Arbitrary<String> digest = Arbitraries.of("\"sha256:" + "cd".repeat(32) + "\"", "\"sha256:short\"", "null", "7",
                "{}", "[]", "\"../../../v2/_catalog\"", "\"\"", "\"sha256:" + "ef".repeat(32) + "?x=\"");
        Arbitrary<String> text = Arbitraries.of("\"linux\"", "\"amd64\"", "null", "1", "{}", "[]", "\"unknown\"",
                "\"arm64\"", "true");
        Arbitrary<String> platform = Combinators.combine(text, text, Arbitraries.of("", ",\"variant\":\"v8\"",
                ",\"variant\":null", ",\"variant\":{}")).as((os, arch, v) -> "{\"os\":" + os + ",\"architecture\":"
                + arch + v + "}");
        Arbitrary<String> entry = Combinators.combine(digest, Arbitraries.oneOf(platform, text))
                .as((d, p) -> "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":" + d
                        + ",\"size\":10,\"platform\":" + p + "}");
        Arbitrary<String> index = entry.list().ofMaxSize(3).map(l -> "{\"schemaVersion\":2,\"manifests\":["
                + String.join(",", l) + "]}");
        Arbitrary<String> manifest = digest.map(d -> "{\"schemaVersion\":2,\"config\":{\"digest\":" + d
                + "},\"layers\":[]}");
        Arbitrary<String> odd = Arbitraries.of("{\"schemaVersion\":2,\"config\":\"x\"}", "{\"manifests\":{}}",
                "{\"manifests\":\"x\"}", "{\"manifests\":[1,null,\"x\",[]]}", "{\"config\":null}", "{\"config\":[]}",
                "[]", "null", "\"text\"", "42", "{", "{\"a\":1}garbage", "\u0000\u00ff\u00fe", "");
        Arbitrary<String> labels = Arbitraries.of("{\"a\":\"b\"}", "{\"a\":null}", "{\"a\":1}", "{\"a\":{}}",
                "{\"a\":[]}", "null", "[]", "\"x\"");
        Arbitrary<String> config = Combinators.combine(text, text, labels).as((os, arch, l) -> "{\"os\":" + os
                + ",\"architecture\":" + arch + ",\"config\":{\"Labels\":" + l + "}}");
        Arbitrary<String> configOdd = Arbitraries.of("{\"architecture\":\"amd64\",\"config\":null}",
                "{\"architecture\":\"amd64\",\"config\":\"x\"}", "{\"architecture\":{}}");
        Arbitrary<String> tags = Arbitraries.of("{\"name\":\"org/op\",\"tags\":[\"1.0.0\",\"1.0.1-x\"]}",
                "{\"tags\":null}", "{\"tags\":\"1.0.0\"}", "{\"tags\":[1,2]}", "{\"tags\":[null]}", "{}",
                "{\"tags\":{}}");
        Arbitrary<String> token = Arbitraries.of("{\"token\":\"" + TOKEN + "\"}", "{\"access_token\":\"" + TOKEN
                + "\"}", "{\"token\":null}", "{\"token\":{}}", "{\"token\":[\"a\"]}", "{\"token\":7}",
                "{\"token\":\"a\\r\\nX-Evil: 1\"}", "{\"token\":\"\"}", "{}");
        Arbitrary<String> errors = Arbitraries.of("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}",
                "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}", "{\"errors\":[{\"code\":\"DENIED\"}]}",
                "{\"errors\":[{\"code\":null}]}", "{\"errors\":[{\"code\":{}}]}", "{\"errors\":[]}", "{\"errors\":{}}",
                "<html>404 Not Found</html>", "denied\n::error::forged\r\n[INFO] BUILD SUCCESS");
        return Arbitraries.oneOf(index, manifest, odd, config, configOdd, tags, token, errors);
    }

    /**
     * A plain socket server that plays a script of answers in turn (the last one for every further request),
     * writing each one's bytes as its shape says, and keeps what it served.
     */
    static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-registry");
            t.setDaemon(true);
            return t;
        });
        private volatile List<Answer> script = List.of();
        private final AtomicInteger next = new AtomicInteger();
        private final List<Answer> served = new CopyOnWriteArrayList<>();

        ScriptedServer() throws IOException {
            threads.submit(this::accept);
        }

        String host() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        void play(List<Answer> answers) {
            script = List.copyOf(answers);
            next.set(0);
            served.clear();
        }

        List<Answer> served() {
            return List.copyOf(served);
        }

        private Void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    threads.submit(() -> serve(s));
                } catch (IOException closed) {
                    return null;
                }
            }
            return null;
        }

        private Void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                s.setSoTimeout(5000);
                while (true) {
                    String request = readHead(in);
                    if (request == null) {
                        return null;
                    }
                    skipBody(in, request);
                    List<Answer> now = script;
                    int n = next.getAndIncrement();
                    Answer a = now.get(Math.min(n, now.size() - 1));
                    served.add(a);
                    boolean head = request.startsWith("HEAD ");
                    if (!write(out, a, request, head, n)) {
                        return null;
                    }
                }
            } catch (IOException gone) {
                return null;
            }
        }

        /** @param n the answer's number: {@code @N@} in a header says it, so that a repeated answer can differ */
        private boolean write(OutputStream out, Answer a, String request, boolean head, int n) throws IOException {
            String body = a.shape() == Shape.ECHO ? request : a.body();
            byte[] bytes = body.replace("@HOST@", host()).getBytes(StandardCharsets.ISO_8859_1);
            StringBuilder h = new StringBuilder("HTTP/1.1 " + a.status() + " X\r\n");
            for (String header : a.headers()) {
                h.append(header.replace("@HOST@", host()).replace("@N@", Integer.toString(n))).append("\r\n");
            }
            Function<Integer, String> length = size -> "Content-Length: " + size + "\r\n";
            switch (a.shape()) {
                case LENGTH, ECHO -> h.append(length.apply(bytes.length));
                case SHORT -> h.append(length.apply(bytes.length + 10));
                case CHUNKED -> h.append("Transfer-Encoding: chunked\r\n");
                case CLOSE -> h.append("Connection: close\r\n");
            }
            out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!head) {
                if (a.shape() == Shape.CHUNKED) {
                    if (bytes.length > 0) {
                        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(bytes);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(bytes);
                }
            }
            out.flush();
            return a.shape() != Shape.CLOSE && a.shape() != Shape.SHORT;
        }

        private static void skipBody(InputStream in, String request) throws IOException {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                    .matcher(request);
            if (m.find()) {
                in.readNBytes(Integer.parseInt(m.group(1)));
            }
        }

        /** The request line and headers. */
        private static String readHead(InputStream in) throws IOException {
            List<Byte> bytes = new ArrayList<>();
            int c;
            while ((c = in.read()) >= 0) {
                bytes.add((byte) c);
                int n = bytes.size();
                if (n >= 4 && bytes.get(n - 4) == '\r' && bytes.get(n - 3) == '\n' && bytes.get(n - 2) == '\r'
                        && bytes.get(n - 1) == '\n') {
                    byte[] raw = new byte[n];
                    for (int i = 0; i < n; i++) {
                        raw[i] = bytes.get(i);
                    }
                    return new String(raw, StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }
}
