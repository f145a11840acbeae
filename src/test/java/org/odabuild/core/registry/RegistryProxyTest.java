package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.FaultProxy;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.RegistrySeeder;

/** Registry traffic through settings.xml's HTTP proxy: a real registry behind a forwarding proxy on loopback. */
class RegistryProxyTest {

    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static String digest;

    @BeforeAll
    static void start() {
        registry = LocalRegistry.start(dir.resolve("registry"));
        digest = new RegistrySeeder(registry.host()).push("proxied/x", "1.0.0", Map.of("a", "b"));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    RegistryClient client(HttpProxy proxy) {
        return new RegistryClient(new RegistrySettings(Set.of(registry.host()), Duration.ofSeconds(5), 2,
                Duration.ofMillis(20), Optional.of(proxy)), CredentialSource.none(), new RecordingLog());
    }

    static HttpProxy proxy(FaultProxy p, List<String> nonProxyHosts, String user, String password) {
        String[] hostPort = p.host().split(":");
        return new HttpProxy(hostPort[0], Integer.parseInt(hostPort[1]), nonProxyHosts, Optional.ofNullable(user),
                Optional.ofNullable(password));
    }

    @Test
    void requestsGoThroughTheProxyAsWholeUrls() {
        try (FaultProxy p = FaultProxy.start(registry.host())) {
            ImageName image = new ImageName(registry.host() + "/proxied/x");
            RegistryClient client = client(proxy(p, List.of(), null, null));
            assertThat(client.manifest(image, "1.0.0")).get().extracting(RegistryClient.Manifest::digest)
                    .isEqualTo(digest);
            assertThat(client.labels(image, "1.0.0")).containsEntry("a", "b");
            assertThat(p.requests).isNotEmpty().allMatch(FaultProxy.Request::absoluteForm);
        }
    }

    @Test
    void nonProxyHostsAreReachedDirectly() {
        try (FaultProxy p = FaultProxy.start(registry.host())) {
            RegistryClient client = client(proxy(p, List.of("localhost", "127.0.0.*"), null, null));
            assertThat(client.manifest(new ImageName(registry.host() + "/proxied/x"), "1.0.0")).isPresent();
            assertThat(p.requests).isEmpty();
        }
    }

    @Test
    void aProxyThatAsksForALoginGetsTheOneOfSettingsXml() {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("proxyuser:Pr0xy-pw".getBytes());
        try (FaultProxy p = FaultProxy.start(registry.host())) {
            p.rule(request -> expected.equals(request.proxyAuthorization()) ? Optional.empty()
                    : Optional.of(new FaultProxy.Answer(407, "", Map.of("Proxy-Authenticate", "Basic realm=\"corp\""))));
            RegistryClient client = client(proxy(p, List.of(), "proxyuser", "Pr0xy-pw"));
            assertThat(client.manifest(new ImageName(registry.host() + "/proxied/x"), "1.0.0")).isPresent();
            assertThat(p.requests).anyMatch(r -> expected.equals(r.proxyAuthorization()));
        }
    }

    @Test
    void aRegistryLoginStillWorksThroughAProxyWithItsOwnLogin() {
        try (LocalRegistry secured = LocalRegistry.start(dir.resolve("secured"), "alice", "Al1ce-pw");
                FaultProxy p = FaultProxy.start(secured.host())) {
            String pushed = new RegistrySeeder(secured.host(), "alice", "Al1ce-pw").push("s/y", "2.0.0", Map.of());
            RegistryClient client = new RegistryClient(new RegistrySettings(Set.of(secured.host()),
                    Duration.ofSeconds(5), 2, Duration.ofMillis(20), Optional.of(proxy(p, List.of(), "proxyuser",
                            "Pr0xy-pw"))), r -> Optional.of(new RegistryCredentials("alice", "Al1ce-pw", null, "t")),
                    new RecordingLog());
            assertThat(client.manifest(new ImageName(secured.host() + "/s/y"), "2.0.0")).get()
                    .extracting(RegistryClient.Manifest::digest).isEqualTo(pushed);
            assertThat(p.requests).isNotEmpty();
        }
    }

    /** A blob read answered with a permanent redirect (308) to the storage host is followed, without the login. */
    @Test
    void aBlobRedirectWith308IsFollowed() {
        try (FaultProxy front = FaultProxy.start(registry.host())) {
            front.rule(request -> request.method().equals("GET") && request.path().contains("/blobs/sha256:")
                    ? Optional.of(new FaultProxy.Answer(308, "", Map.of("Location", "http://" + registry.host()
                            + request.path()))) : Optional.empty());
            RegistryClient client = new RegistryClient(new RegistrySettings(Set.of(front.host()),
                    Duration.ofSeconds(5), 2, Duration.ofMillis(20)), CredentialSource.none(), new RecordingLog());
            assertThat(client.labels(new ImageName(front.host() + "/proxied/x"), "1.0.0")).containsEntry("a", "b");
            assertThat(front.log).anyMatch(l -> l.startsWith("GET /v2/proxied/x/blobs/sha256:"));
        }
    }

    @Test
    void nonProxyHostPatternsAndNoPasswordInMessages() {
        HttpProxy proxy = new HttpProxy("proxy.corp", 3128, List.of(" *.corp.example ", "LOCALHOST", ""),
                Optional.of("u"), Optional.of("secret-pw"));
        assertThat(proxy.bypasses("registry.corp.example")).isTrue();
        assertThat(proxy.bypasses("localhost")).isTrue();
        assertThat(proxy.bypasses("ghcr.io")).isFalse();
        assertThat(proxy.bypasses("corp.example.evil.io")).isFalse();
        assertThat(proxy.toString()).contains("proxy.corp:3128").doesNotContain("secret-pw");
        assertThat(proxy.authorization(java.net.URI.create("http://ghcr.io/v2/"))).isPresent();
        assertThat(proxy.authorization(java.net.URI.create("https://ghcr.io/v2/")))
                .as("a header on a tunnelled request would reach the registry inside the tunnel").isEmpty();
        assertThat(proxy.authorization(java.net.URI.create("http://registry.corp.example/v2/"))).isEmpty();
    }
}
