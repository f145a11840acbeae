package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.Setting;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.RegistrySeeder;

/** Against real registries: an open one and one with htpasswd Basic auth. */
class RegistryClientTest {

    static final String PASSWORD = "s3cret-Pa55word";

    @TempDir
    static Path dir;
    static LocalRegistry open;
    static LocalRegistry secured;

    @BeforeAll
    static void start() {
        open = LocalRegistry.start(dir.resolve("open"));
        secured = LocalRegistry.start(dir.resolve("secured"), "alice", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
        }
        if (secured != null) {
            secured.close();
        }
    }

    static RegistrySettings insecure(LocalRegistry... registries) {
        Set<String> hosts = Set.of(java.util.Arrays.stream(registries).map(LocalRegistry::host).toArray(String[]::new));
        return new RegistrySettings(hosts, Duration.ofSeconds(5), 3, Duration.ofMillis(20));
    }

    static CredentialSource login(String user, String password) {
        return registry -> Optional.of(new RegistryCredentials(user, password, null, "test"));
    }

    @Test
    void existingTagHasTheDigestOfTheV2Manifest() {
        String digest = new RegistrySeeder(open.host()).push("it/present", "1.0.0", Map.of());
        RegistryClient client = new RegistryClient(insecure(open), CredentialSource.none(), new RecordingLog());
        ImageName image = new ImageName(open.host() + "/it/present");
        assertThat(client.manifest(image, "1.0.0")).get().extracting(RegistryClient.Manifest::digest)
                .isEqualTo(digest);
        assertThat(client.manifest(image, "1.0.1")).isEmpty();
        assertThat(client.manifest(new ImageName(open.host() + "/it/never-pushed"), "1.0.0")).isEmpty();
    }

    @Test
    void tagListFollowsLinkPages() {
        RegistrySeeder seeder = new RegistrySeeder(open.host());
        List<String> pushed = new ArrayList<>();
        for (String tag : List.of("0.1.0", "0.2.0", "0.3.0-rc1", "1.0.0", "latest")) {
            seeder.push("it/paged", tag, Map.of());
            pushed.add(tag);
        }
        RegistryClient client = new RegistryClient(insecure(open), CredentialSource.none(), new RecordingLog(), 2,
                TagListEndpoint.MAX_PAGES);
        assertThat(client.tags(new ImageName(open.host() + "/it/paged"))).containsExactlyInAnyOrderElementsOf(pushed);
        assertThat(client.tags(new ImageName(open.host() + "/it/unknown-repo"))).isEmpty();
    }

    @Test
    void readsLabelsFromTheConfigBlob() {
        new RegistrySeeder(open.host()).push("it/labelled", "1.0.0-x", Map.of("org.odabuild.branch", "feature/x"));
        RegistryClient client = new RegistryClient(insecure(open), CredentialSource.none(), new RecordingLog());
        assertThat(client.labels(new ImageName(open.host() + "/it/labelled"), "1.0.0-x"))
                .containsEntry("org.odabuild.branch", "feature/x");
    }

    @Test
    void anIndexListsItsImagesByPlatformWithoutAttestations() {
        RegistrySeeder seeder = new RegistrySeeder(open.host());
        String amd64 = seeder.push("it/multi", "amd64", Map.of());
        String arm64 = seeder.push("it/multi", "arm64", Map.of("arch", "arm64"));
        Map<String, String> platforms = new java.util.LinkedHashMap<>();
        platforms.put("linux/amd64", amd64);
        platforms.put("linux/arm64/v8", arm64);
        platforms.put("unknown/unknown", amd64);
        seeder.pushIndex("it/multi", "1.0.0", platforms);
        RegistryClient client = new RegistryClient(insecure(open), CredentialSource.none(), new RecordingLog());
        ImageName image = new ImageName(open.host() + "/it/multi");
        assertThat(client.indexEntries(image, "1.0.0")).containsExactly(
                new RegistryClient.IndexEntry("linux/amd64", amd64),
                new RegistryClient.IndexEntry("linux/arm64/v8", arm64));
        assertThat(client.indexEntries(image, "amd64")).as("one image's manifest").isEmpty();
        assertThatThrownBy(() -> client.indexEntries(image, "2.0.0")).isInstanceOf(RegistryException.class);
    }

    @Test
    void basicAuthWithTheRightPassword() {
        String digest = new RegistrySeeder(secured.host(), "alice", PASSWORD).push("it/secret", "2.0.0", Map.of());
        RegistryClient client = new RegistryClient(insecure(secured), login("alice", PASSWORD), new RecordingLog());
        assertThat(client.manifest(new ImageName(secured.host() + "/it/secret"), "2.0.0"))
                .get().extracting(RegistryClient.Manifest::digest).isEqualTo(digest);
    }

    @Test
    void wrongPasswordIsAClear401WithoutThePassword() {
        RegistryClient client = new RegistryClient(insecure(secured), login("alice", "wrong-" + PASSWORD),
                new RecordingLog());
        assertThatThrownBy(() -> client.manifest(new ImageName(secured.host() + "/it/secret"), "2.0.0"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("rejected credentials of alice")
                .hasMessageContaining("401 Unauthorized")
                .hasMessageNotContaining(PASSWORD);
    }

    /** Reads log in with the read login, uploads with the push login (docker.push.username): here a wrong one. */
    @Test
    void writesUseThePushLogin() throws Exception {
        CredentialSource readOkPushWrong = new CredentialSource() {
            @Override
            public Optional<RegistryCredentials> forRegistry(String registry) {
                return Optional.of(new RegistryCredentials("alice", PASSWORD, null, "test"));
            }

            @Override
            public Optional<RegistryCredentials> forPush(String registry) {
                return Optional.of(new RegistryCredentials("pusher", "wrong-" + PASSWORD, null, "test"));
            }
        };
        RegistrySettings settings = insecure(secured);
        RegistryClient client = new RegistryClient(settings, readOkPushWrong, new RecordingLog());
        ImageName image = new ImageName(secured.host() + "/it/pushlogin");
        assertThat(client.manifest(image, "9.9.9")).as("a read, with alice's login").isEmpty();
        byte[] content = ("blob " + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = java.nio.file.Files.write(dir.resolve("pushlogin-blob"), content);
        assertThatThrownBy(() -> new RegistryUploads(client, settings).blob(image,
                "sha256:" + org.odabuild.testing.ForeignBaseImage.sha256(content), content.length, file))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("rejected credentials of pusher")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void missingLoginSaysHowToLogIn() {
        RegistryClient client = new RegistryClient(insecure(secured), CredentialSource.none(), new RecordingLog());
        assertThatThrownBy(() -> client.manifest(new ImageName(secured.host() + "/it/secret"), "2.0.0"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("requires a login")
                .hasMessageContaining("docker login " + secured.host());
    }

    @Test
    void stoppedRegistryFailsClosed() throws Exception {
        int port;
        try (LocalRegistry temporary = LocalRegistry.start(dir.resolve("stopped"))) {
            port = temporary.port();
        }
        String host = "127.0.0.1:" + port;
        RegistryClient client = new RegistryClient(new RegistrySettings(Set.of(host), Duration.ofSeconds(2), 3,
                Duration.ofMillis(10)), CredentialSource.none(), new RecordingLog());
        assertThatThrownBy(() -> client.manifest(new ImageName(host + "/it/x"), "1.0.0"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("could not reach registry " + host)
                .hasMessageContaining("after 1 attempt: connection refused"); // nothing listens here: no retry
    }

    @Test
    void loopbackIsHttpsUnlessListed() {
        RegistryClient client = new RegistryClient(insecure(), CredentialSource.none(), new RecordingLog());
        ImageName image = new ImageName(open.host() + "/it/present");
        assertThat(client.base(image)).isEqualTo("https://" + open.host());
        assertThatThrownBy(() -> client.manifest(image, "1.0.0")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("could not reach registry")
                .hasMessageContaining(Setting.INSECURE_REGISTRIES.set(open.host()));
        assertThat(new RegistryClient(insecure(), CredentialSource.none(), new RecordingLog())
                .base(new ImageName("tmforumodacanvas/x"))).isEqualTo("https://registry-1.docker.io");
    }
}
