package org.odabuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryCredentials;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.RegistrySeeder;

/** A settings.xml {@code <server>} whose id is the registry host logs in, found through fabric8 DMP's lookup. */
class MavenCredentialSourceTest {

    static final String PASSWORD = "Srv-Pa55-91q";

    @TempDir
    Path dir;

    /** Plain-text passwords need no decryption; Maven's own decrypter is not what is tested here. */
    static final SettingsDecrypter PLAIN = request -> new SettingsDecryptionResult() {
        @Override
        public Server getServer() {
            return request.getServers().isEmpty() ? null : request.getServers().get(0);
        }

        @Override
        public List<Server> getServers() {
            return request.getServers();
        }

        @Override
        public Proxy getProxy() {
            return null;
        }

        @Override
        public List<Proxy> getProxies() {
            return request.getProxies();
        }

        @Override
        public List<SettingsProblem> getProblems() {
            return List.of();
        }
    };

    @Test
    void serverInSettingsXmlLogsInToTheRegistry() {
        try (LocalRegistry registry = LocalRegistry.start(dir.resolve("reg"), "carol", PASSWORD)) {
            String digest = new RegistrySeeder(registry.host(), "carol", PASSWORD).push("s/x", "1.0.0", Map.of());
            Settings settings = new Settings();
            Server server = new Server();
            server.setId(registry.host());
            server.setUsername("carol");
            server.setPassword(PASSWORD);
            settings.addServer(server);
            RecordingLog log = new RecordingLog();
            MavenCredentialSource source = new MavenCredentialSource(settings, PLAIN, log);

            RegistryCredentials found = source.forRegistry(registry.host()).orElseThrow();
            assertThat(found.username()).isEqualTo("carol");
            assertThat(found.toString()).doesNotContain(PASSWORD);

            RegistryClient client = new RegistryClient(new RegistrySettings(Set.of(registry.host()),
                    Duration.ofSeconds(5), 2, Duration.ofMillis(20)), source, log);
            assertThat(client.manifest(new ImageName(registry.host() + "/s/x"), "1.0.0")).get()
                    .extracting(RegistryClient.Manifest::digest).isEqualTo(digest);
            assertThat(log.infos).noneMatch(l -> l.contains(PASSWORD));
            assertThat(log.warnings).noneMatch(l -> l.contains(PASSWORD));
        }
    }

    /** fabric8's push lookup: docker.push.username/password are for pushes only, reads keep the settings.xml login. */
    @Test
    void pushLoginFromDockerPushPropertiesIsUsedForWritesOnly() {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("registry.example:5000");
        server.setUsername("reader");
        server.setPassword(PASSWORD);
        settings.addServer(server);
        String user = System.getProperty("docker.push.username");
        String password = System.getProperty("docker.push.password");
        System.setProperty("docker.push.username", "pusher");
        System.setProperty("docker.push.password", "Push-Pa55");
        try {
            MavenCredentialSource source = new MavenCredentialSource(settings, PLAIN, new RecordingLog());
            assertThat(source.forPush("registry.example:5000")).get()
                    .extracting(RegistryCredentials::username).isEqualTo("pusher");
            assertThat(source.forRegistry("registry.example:5000")).get()
                    .extracting(RegistryCredentials::username).isEqualTo("reader");
        } finally {
            restore("docker.push.username", user);
            restore("docker.push.password", password);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
