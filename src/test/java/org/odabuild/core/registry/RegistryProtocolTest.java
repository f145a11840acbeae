package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.RecordingLog;

/** The protocol corners a local registry does not show: Bearer tokens, retries, odd answers (canned HTTP). */
class RegistryProtocolTest {

    HttpServer server;
    String host;
    final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    RegistryClient client(CredentialSource credentials) {
        return new RegistryClient(new RegistrySettings(Set.of(host), Duration.ofSeconds(2), 3, Duration.ofMillis(5)),
                credentials, new RecordingLog());
    }

    static void reply(HttpExchange x, int code, String body, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            x.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(code, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    /** The plan of a repository's HEAD, with default branch rules and without uncommitted changes. */
    static org.odabuild.core.plan.Plan plan(java.nio.file.Path root) {
        return org.odabuild.core.plan.Planner.plan(new org.odabuild.core.plan.PlanRequest(
                new org.odabuild.core.resolve.ResolveRequest(root, Optional.empty(), Optional.empty(),
                        root.resolve("target/oda")), Optional.empty(), org.odabuild.core.policy.BranchPolicy.defaults(),
                Optional.empty(), Optional.of(false), List.of(), false, java.util.Map.of()), new RecordingLog());
    }

    @Test
    void bearerTokenFlowWithAcceptHeaders() {
        AtomicInteger tokenCalls = new AtomicInteger();
        server.createContext("/token", x -> {
            tokenCalls.incrementAndGet();
            seen.add("token " + x.getRequestURI().getRawQuery() + " " + x.getRequestHeaders().getFirst("Authorization"));
            reply(x, 200, "{\"token\":\"tok-123\"}");
        });
        server.createContext("/v2/org/op/manifests/", x -> {
            seen.add("accept " + x.getRequestHeaders().getFirst("Accept"));
            if (!"Bearer tok-123".equals(x.getRequestHeaders().getFirst("Authorization"))) {
                reply(x, 401, "", "WWW-Authenticate", "Bearer realm=\"http://" + host + "/token\",service=\"reg\","
                        + "scope=\"repository:org/op:pull\"");
                return;
            }
            reply(x, x.getRequestURI().getPath().endsWith("/1.0.0") ? 200 : 404, "",
                    "Docker-Content-Digest", "sha256:abc", "Docker-Distribution-API-Version", "registry/2.0");
        });
        server.createContext("/v2/", x -> reply(x, 401, "", "Docker-Distribution-API-Version", "registry/2.0"));
        RegistryClient client = client(r -> Optional.of(new RegistryCredentials("bob", "pw", null, "test")));
        ImageName image = new ImageName(host + "/org/op");
        assertThat(client.manifest(image, "1.0.0")).get().extracting(RegistryClient.Manifest::digest)
                .isEqualTo("sha256:abc");
        assertThat(client.manifest(image, "2.0.0")).isEmpty();
        assertThat(tokenCalls.get()).isEqualTo(1);
        assertThat(seen).contains("token service=reg&scope=repository%3Aorg%2Fop%3Apull Basic Ym9iOnB3");
        assertThat(seen).filteredOn(s -> s.startsWith("accept")).allSatisfy(s -> assertThat(s)
                .contains("application/vnd.docker.distribution.manifest.v2+json")
                .contains("application/vnd.docker.distribution.manifest.list.v2+json")
                .contains("application/vnd.oci.image.manifest.v1+json")
                .contains("application/vnd.oci.image.index.v1+json"));
    }

    @Test
    void requestsOneAfterAnotherShareOneKeptAliveConnection() {
        // a registry far away pays a TCP (and TLS) handshake for each new connection
        Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/v2/org/op/manifests/", x -> {
            clientPorts.add(x.getRemoteAddress().getPort());
            requests.incrementAndGet();
            boolean exists = x.getRequestURI().getPath().endsWith("/1.0.0");
            reply(x, exists ? 200 : 404, exists ? "" : "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}",
                    "Docker-Content-Digest", "sha256:abc", "Docker-Distribution-API-Version", "registry/2.0");
        });
        server.createContext("/v2/org/op/tags/list", x -> {
            clientPorts.add(x.getRemoteAddress().getPort());
            requests.incrementAndGet();
            reply(x, 200, "{\"name\":\"org/op\",\"tags\":[\"1.0.0\"]}");
        });
        server.createContext("/v2/", x -> {
            clientPorts.add(x.getRemoteAddress().getPort());
            requests.incrementAndGet();
            reply(x, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0");
        });
        RegistryClient client = client(CredentialSource.none());
        ImageName image = new ImageName(host + "/org/op");
        assertThat(client.manifest(image, "1.0.0")).isPresent();
        assertThat(client.tags(image)).containsExactly("1.0.0");
        assertThat(client.manifest(image, "2.0.0")).isEmpty(); // a 404 with its /v2/ check
        assertThat(client.manifest(image, "1.0.0")).isPresent();
        assertThat(requests.get()).isEqualTo(5);
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void retriesServerErrorsAndTooManyRequests() {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/v2/", x -> {
            int n = calls.incrementAndGet();
            reply(x, n == 1 ? 503 : n == 2 ? 429 : 200, "", "Docker-Content-Digest", "sha256:ok");
        });
        assertThat(client(CredentialSource.none()).manifest(new ImageName(host + "/a/b"), "1.0.0")).isPresent();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void persistentServerErrorFailsClosed() {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/v2/", x -> {
            calls.incrementAndGet();
            reply(x, 500, "");
        });
        assertThatThrownBy(() -> client(CredentialSource.none()).manifest(new ImageName(host + "/a/b"), "1.0.0"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("after 3 attempts: HTTP 500");
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void onlyA404MeansAbsent() {
        server.createContext("/v2/", x -> reply(x, 403, ""));
        assertThatThrownBy(() -> client(CredentialSource.none()).manifest(new ImageName(host + "/a/b"), "1.0.0"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("answered 403")
                .hasMessageContaining("no pull access");
    }

    @Test
    void presentWithoutDigestIsAnError() {
        server.createContext("/v2/", x -> reply(x, 200, ""));
        assertThatThrownBy(() -> client(CredentialSource.none()).manifest(new ImageName(host + "/a/b"), "1.0.0"))
                .hasMessageContaining("without a Docker-Content-Digest header");
    }

    @Test
    void challengeParsing() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"").orElseThrow();
        assertThat(c.isBearer()).isTrue();
        assertThat(c.params()).containsEntry("realm", "https://auth.docker.io/token")
                .containsEntry("service", "registry.docker.io")
                .containsEntry("scope", "repository:library/nginx:pull");
        assertThat(AuthChallenge.parse("Basic realm=x").orElseThrow().isBasic()).isTrue();
        assertThat(AuthChallenge.parse("")).isEmpty();
    }

    @Test
    void reportedDigestIsTheHashOfTheManifestBytesAndAMismatchIsAWarning() throws Exception {
        // a non-ASCII label keeps its bytes: the hash is of exactly what was sent
        String manifest = "{\"schemaVersion\":2,\"note\":\"caf\u00e9\"}";
        String real = "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(manifest.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/v2/org/op/manifests/", x -> {
            boolean there = x.getRequestURI().getPath().endsWith("/1.0.0");
            reply(x, there ? 200 : 404, there ? manifest : "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}",
                    "Docker-Content-Digest", "sha256:" + "0".repeat(64));
        });
        server.createContext("/v2/", x -> reply(x, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0"));
        RecordingLog log = new RecordingLog();
        RegistryClient client = new RegistryClient(new RegistrySettings(Set.of(host), Duration.ofSeconds(2), 1,
                Duration.ofMillis(5)), CredentialSource.none(), log);
        ImageName image = new ImageName(host + "/org/op");
        assertThat(client.digest(image, "1.0.0")).contains(real);
        assertThat(log.warnings).singleElement().asString().contains("registry " + host)
                .contains("sha256:" + "0".repeat(64)).contains("hashes to " + real);
        assertThat(client.digest(image, "9.9.9")).isEmpty();
    }

    /**
     * Docker Hub since 2023: a read of a repository that does not exist is 401 to anyone, its namespace's owner too,
     * unless the token may push there (as docker push's does); then the registry's own 404 says it is absent.
     */
    @Test
    void aNewRepositoryOnARegistryThatHidesItBehind401IsAbsentToALoginThatMayPushThere() {
        AtomicInteger pushTokens = new AtomicInteger();
        server.createContext("/token", x -> {
            String query = x.getRequestURI().getRawQuery();
            boolean owner = "Basic Ym9iOnB3".equals(x.getRequestHeaders().getFirst("Authorization")); // bob:pw
            boolean push = query.contains("%3Apull%2Cpush");
            if (push) {
                pushTokens.incrementAndGet();
            }
            reply(x, 200, "{\"token\":\"" + (owner && push ? "may-push" : owner ? "may-pull" : "anonymous") + "\"}");
        });
        java.util.function.BiConsumer<HttpExchange, Boolean> repository = (x, exists) -> {
            try {
                String token = x.getRequestHeaders().getFirst("Authorization");
                String challenge = "Bearer realm=\"http://" + host + "/token\",service=\"hub\",scope=\"repository:"
                        + x.getRequestURI().getPath().split("/")[2] + "/" + x.getRequestURI().getPath().split("/")[3]
                        + ":pull\"";
                boolean allowed = "Bearer may-push".equals(token) || exists && "Bearer may-pull".equals(token);
                if (!allowed) {
                    reply(x, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}", "WWW-Authenticate", challenge);
                } else if (!exists) {
                    reply(x, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}", "Docker-Distribution-API-Version",
                            "registry/2.0");
                } else if (x.getRequestURI().getPath().endsWith("/tags/list")) {
                    reply(x, 200, "{\"name\":\"org/op\",\"tags\":[\"1.0.0\"]}");
                } else {
                    reply(x, x.getRequestURI().getPath().endsWith("/1.0.0") ? 200 : 404,
                            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}", "Docker-Content-Digest", "sha256:abc",
                            "Docker-Distribution-API-Version", "registry/2.0");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        server.createContext("/v2/org/op/", x -> repository.accept(x, true));
        server.createContext("/v2/org/newop/", x -> repository.accept(x, false));
        server.createContext("/v2/", x -> reply(x, 401, "", "Docker-Distribution-API-Version", "registry/2.0"));
        ImageName existing = new ImageName(host + "/org/op");
        ImageName created = new ImageName(host + "/org/newop");

        RegistryClient owner = client(r -> Optional.of(new RegistryCredentials("bob", "pw", null, "test")));
        assertThat(owner.manifest(existing, "1.0.0")).isPresent();
        assertThat(owner.manifest(existing, "2.0.0")).isEmpty();
        assertThat(pushTokens.get()).as("a pull token answers for what exists").isZero();
        assertThat(owner.manifest(created, "0.1.0")).isEmpty();
        assertThat(owner.tags(created)).isEmpty();
        assertThat(pushTokens.get()).as("the token that may push is kept for the repository").isEqualTo(1);

        // no login that may push there: the 401 still fails closed, and says why it may be a new repository
        for (RegistryClient reader : List.of(client(CredentialSource.none()),
                client(r -> Optional.of(new RegistryCredentials("eve", "x", null, "test"))))) {
            assertThatThrownBy(() -> reader.manifest(created, "0.1.0")).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("(401 Unauthorized)")
                    .hasMessageContaining("Docker Hub also answers 401 for a repository that does not exist yet");
        }
    }

    /** Amazon ECR creates no repository on a push: the first push of a new image says what to do. */
    @Test
    void aPushToARepositoryTheRegistryDoesNotCreateSaysToCreateIt(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        String ecr = "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"The repository with name 'org/newop'"
                + " does not exist in the registry with id '123456789012'\"}]}";
        server.createContext("/v2/org/newop/", x -> reply(x, 404, ecr, "Docker-Distribution-API-Version",
                "registry/2.0"));
        server.createContext("/v2/", x -> reply(x, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0"));
        RegistryClient client = client(CredentialSource.none());
        java.nio.file.Path blob = java.nio.file.Files.writeString(dir.resolve("blob"), "x");
        assertThatThrownBy(() -> new RegistryUploads(client, new RegistrySettings(Set.of(host), Duration.ofSeconds(2),
                3, Duration.ofMillis(5))).blob(new ImageName(host + "/org/newop"), "sha256:" + "d".repeat(64), 1,
                        blob)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("answered 404 when asked to start the upload of")
                .hasMessageContaining("the registry has no repository org/newop and does not create one on a push"
                        + " (Amazon ECR does not): create it there, then run this again");
    }

    @Test
    void theLoginGoesToATokenRealmOnlyOverHttpsOrWhenItIsListed() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> tokenAuth = new CopyOnWriteArrayList<>();
        other.createContext("/token", x -> {
            tokenAuth.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
            reply(x, 200, "{\"token\":\"t\"}");
        });
        other.start();
        try {
            String realm = "http://127.0.0.1:" + other.getAddress().getPort() + "/token";
            server.createContext("/v2/org/op/manifests/", x -> reply(x, 401, "", "WWW-Authenticate",
                    "Bearer realm=\"" + realm + "\",service=\"reg\""));
            RegistryClient client = client(r -> Optional.of(new RegistryCredentials("bob", "pw", null, "test")));
            assertThatThrownBy(() -> client.manifest(new ImageName(host + "/org/op"), "1.0.0"))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("asks for a token at " + realm.replace("/token", "") + " over plain HTTP")
                    .hasMessageNotContaining("pw");
            assertThat(tokenAuth).as("the login never left").isEmpty();

            server.removeContext("/v2/org/op/manifests/");
            server.createContext("/v2/org/op/manifests/", x -> reply(x, 401, "", "WWW-Authenticate",
                    "Bearer realm=\"file:///etc/passwd\""));
            assertThatThrownBy(() -> client.manifest(new ImageName(host + "/org/op"), "1.0.0"))
                    .hasMessageContaining("named a token realm that is not an http(s) URL");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void a404FromSomethingThatIsNotARegistryFailsClosed() {
        server.createContext("/", x -> reply(x, 404, "<html>Not Found</html>"));
        RegistryClient client = client(CredentialSource.none());
        ImageName image = new ImageName(host + "/org/op");
        assertThatThrownBy(() -> client.manifest(image, "1.0.0")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("answered 404 for manifest " + host + "/org/op:1.0.0 without saying it is a"
                        + " registry").hasMessageContaining("fails closed");
        assertThatThrownBy(() -> client.tags(image)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("fails closed");
    }

    @Test
    void a404WithTheApiHeaderCountsOnlyWhenV2AnswersAsARegistry() {
        server.createContext("/v2/org/op/", x -> reply(x, 404, "", "Docker-Distribution-API-Version", "registry/2.0"));
        server.createContext("/v2/", x -> reply(x, 404, "nothing here"));
        assertThatThrownBy(() -> client(CredentialSource.none()).manifest(new ImageName(host + "/org/op"), "1.0.0"))
                .hasMessageContaining("/v2/ does not answer as a container registry");
    }

    @Test
    void otherRegistryErrorsOnA404AndOddTagListsFailClosed() {
        server.createContext("/v2/org/op/manifests/", x -> reply(x, 404,
                "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\"}]}"));
        server.createContext("/v2/org/op/tags/list", x -> reply(x, 200, "{\"name\":\"org/op\",\"tags\":\"x\"}"));
        server.createContext("/v2/org/empty/tags/list", x -> reply(x, 200, "{\"name\":\"org/empty\",\"tags\":null}"));
        server.createContext("/v2/org/mixed/tags/list", x -> reply(x, 200, "{\"tags\":[\"1.0.0\",7]}"));
        server.createContext("/v2/", x -> reply(x, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0"));
        RegistryClient client = client(CredentialSource.none());
        assertThatThrownBy(() -> client.digest(new ImageName(host + "/org/op"), "1.0.0")) // a GET has the body
                .hasMessageContaining("with error DENIED, not one that means absent");
        assertThatThrownBy(() -> client.tags(new ImageName(host + "/org/op")))
                .hasMessageContaining("not a list of tag names");
        assertThatThrownBy(() -> client.tags(new ImageName(host + "/org/mixed")))
                .hasMessageContaining("not a list of tag names");
        assertThat(client.tags(new ImageName(host + "/org/empty"))).isEmpty();
    }

    @Test
    void aTagListedButAnswered404IsAContradictionNotAbsence(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        server.createContext("/v2/it/op/manifests/", x -> reply(x, 404, "", "Docker-Distribution-API-Version",
                "registry/2.0"));
        server.createContext("/v2/it/op/tags/list", x -> reply(x, 200, "{\"name\":\"it/op\",\"tags\":[\"1.0.0\"]}",
                "Docker-Distribution-API-Version", "registry/2.0"));
        server.createContext("/v2/", x -> reply(x, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0"));
        try (org.odabuild.testing.TestGit git = org.odabuild.testing.TestGit.init(dir.resolve("repo"))) {
            git.write("dockerbuild-config.yaml", "op:\n  valuesYamlFile: v.yaml\n  valuesPathImage: .image\n"
                    + "  valuesPathVersion: .version\n  paths: [src/**]\n  buildContext: src\n")
                    .write("v.yaml", "image: " + host + "/it/op\nversion: 1.0.0\n")
                    .write("src/Dockerfile", "FROM scratch\n");
            git.commit("release 1.0.0");
            var plan = plan(git.root());
            assertThat(plan.toBuild()).hasSize(1);
            assertThatThrownBy(() -> org.odabuild.core.release.ReleaseImmutabilityCheck.check(plan,
                    client(CredentialSource.none()), false)).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("lists " + host + "/it/op:1.0.0 in its tags but answers 404 for its manifest");
        }
    }

    @Test
    void aLoginThatExpiresBeforeALayerIsPutIsRenewedAndTheLayerSentAgain(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws IOException {
        byte[] layer = new byte[200_000];
        new java.util.Random(7).nextBytes(layer);
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("layer"), layer);
        AtomicInteger tokens = new AtomicInteger();
        List<byte[]> received = new CopyOnWriteArrayList<>();
        String challenge = "Bearer realm=\"http://" + host + "/token\",service=\"reg\"";
        server.createContext("/token", x -> reply(x, 200, "{\"token\":\"t" + tokens.incrementAndGet() + "\"}"));
        server.createContext("/v2/", x -> {
            String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
            String method = x.getRequestMethod();
            seen.add(method + " " + auth + " length " + x.getRequestHeaders().getFirst("Content-Length"));
            byte[] body = x.getRequestBody().readAllBytes();
            if (x.getRequestURI().getPath().equals("/v2/")) {
                reply(x, 401, "", "Docker-Distribution-API-Version", "registry/2.0", "WWW-Authenticate", challenge);
            } else if (auth.equals("null") || (method.equals("PUT") && auth.equals("Bearer t2"))) {
                reply(x, 401, "", "WWW-Authenticate", challenge); // t2 expired between the POST and the PUT
            } else if (method.equals("HEAD")) {
                reply(x, 404, "", "Docker-Distribution-API-Version", "registry/2.0");
            } else if (method.equals("POST")) {
                reply(x, 202, "", "Location", "/v2/org/op/blobs/uploads/u1?state=s");
            } else {
                received.add(body);
                reply(x, 201, "");
            }
        });
        RegistrySettings settings = new RegistrySettings(Set.of(host), Duration.ofSeconds(5), 2, Duration.ofMillis(5));
        RegistryClient client = new RegistryClient(settings, r -> Optional.of(new RegistryCredentials("bob", "pw",
                null, "test")), new RecordingLog());
        java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong();

        assertThat(new RegistryUploads(client, settings).blob(new ImageName(host + "/org/op"), "sha256:abc",
                layer.length, file, counted::addAndGet)).isEqualTo(RegistryUploads.BlobResult.UPLOADED);
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).as("the whole layer, sent again with the new login").isEqualTo(layer);
        assertThat(seen).contains("PUT Bearer t3 length " + layer.length)
                .as("the empty POST says its length (proxies refuse a POST without one)")
                .contains("POST Bearer t2 length 0");
        assertThat(counted.get()).as("both sends of the layer were counted as they went").isEqualTo(2 * layer.length);
    }

    @Test
    void aPrereleaseOfARepositoryTheRegistryDoesNotKnowCostsTwoRequests(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.util.concurrent.atomic.AtomicBoolean known = new java.util.concurrent.atomic.AtomicBoolean();
        server.createContext("/v2/it/op/manifests/", x -> {
            seen.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
            reply(x, 404, "", "Docker-Distribution-API-Version", "registry/2.0");
        });
        server.createContext("/v2/it/op/tags/list", x -> {
            seen.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
            if (known.get()) {
                reply(x, 200, "{\"name\":\"it/op\",\"tags\":[\"0.9.0\"]}");
            } else {
                reply(x, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}", "Docker-Distribution-API-Version",
                        "registry/2.0");
            }
        });
        server.createContext("/v2/", x -> reply(x, 200, "{}", "Docker-Distribution-API-Version", "registry/2.0"));
        try (org.odabuild.testing.TestGit git = org.odabuild.testing.TestGit.init(dir.resolve("repo"))) {
            git.write("dockerbuild-config.yaml", "op:\n  valuesYamlFile: v.yaml\n  valuesPathImage: .image\n"
                    + "  valuesPathVersion: .version\n  valuesPathPrereleaseSuffix: .suffix\n  paths: [src/**]\n"
                    + "  buildContext: src\n")
                    .write("v.yaml", "image: " + host + "/it/op\nversion: 1.0.0\nsuffix: ''\n")
                    .write("src/Dockerfile", "FROM scratch\n");
            git.commit("release 1.0.0");
            git.branch("feature/new");
            git.write("v.yaml", "image: " + host + "/it/op\nversion: 1.0.1\nsuffix: new\n");
            git.commit("a prerelease");
            var plan = plan(git.root());
            assertThat(plan.toBuild()).hasSize(1);

            var findings = org.odabuild.core.release.ReleaseImmutabilityCheck.check(plan,
                    client(CredentialSource.none()), false);
            assertThat(findings.get(0).releaseTagExists()).isFalse();
            assertThat(seen).as("a repository the registry does not know holds no release tag: not asked")
                    .containsExactlyInAnyOrder("HEAD /v2/it/op/manifests/1.0.1-new", "GET /v2/it/op/tags/list");

            seen.clear();
            known.set(true);
            org.odabuild.core.release.ReleaseImmutabilityCheck.check(plan, client(CredentialSource.none()), false);
            assertThat(seen).as("the repository exists: its release tag is asked, only a 404 says it is absent")
                    .containsExactlyInAnyOrder("HEAD /v2/it/op/manifests/1.0.1-new", "GET /v2/it/op/tags/list",
                            "HEAD /v2/it/op/manifests/1.0.1");
        }
    }

    @Test
    void aRegistryThatStallsTheBodyDoesNotHangTheBuild() {
        server.createContext("/v2/", x -> {
            x.sendResponseHeaders(200, 1000);        // promises a body ...
            x.getResponseBody().write('{');
            x.getResponseBody().flush();
            try {
                Thread.sleep(8_000);                 // ... and stalls
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RegistryClient client = new RegistryClient(new RegistrySettings(Set.of(host), Duration.ofSeconds(1), 2,
                Duration.ofMillis(5)), CredentialSource.none(), new RecordingLog());
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> client.digest(new ImageName(host + "/a/b"), "1.0.0"))
                        .isInstanceOf(RegistryException.class).hasMessageContaining("after 2 attempts: timed out"));
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> times = new CopyOnWriteArrayList<>();
        server.createContext("/v2/", x -> {
            times.add(System.nanoTime());
            reply(x, calls.incrementAndGet() == 1 ? 429 : 200, "", "Retry-After", "1", "Docker-Content-Digest",
                    "sha256:ok");
        });
        assertThat(client(CredentialSource.none()).manifest(new ImageName(host + "/a/b"), "1.0.0")).isPresent();
        assertThat(times).hasSize(2);
        assertThat((times.get(1) - times.get(0)) / 1_000_000).as("waited as the registry asked, not 5 ms")
                .isGreaterThanOrEqualTo(900);
    }
}
