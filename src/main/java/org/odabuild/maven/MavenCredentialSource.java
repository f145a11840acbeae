package org.odabuild.maven;

import io.fabric8.maven.docker.access.AuthConfig;
import io.fabric8.maven.docker.util.AuthConfigFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.DmpLog;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.DockerLoginFile;
import org.odabuild.core.registry.RegistryCredentials;
import org.odabuild.core.registry.RegistryException;

/**
 * Registry logins the way fabric8 DMP finds them: {@code docker.username}/{@code docker.password}, a
 * {@code <server>} in settings.xml whose id is the registry (passwords decrypted), then ~/.docker/config.json
 * ({@code DOCKER_CONFIG}) with its auths, credHelpers and credsStore.
 */
final class MavenCredentialSource implements CredentialSource {

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final BuildLog log;
    private final Map<String, Optional<RegistryCredentials>> cache = new ConcurrentHashMap<>();

    MavenCredentialSource(Settings settings, SettingsDecrypter decrypter, BuildLog log) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.log = log;
    }

    @Override
    public Optional<RegistryCredentials> forRegistry(String registry) {
        return cache.computeIfAbsent("pull|" + registry, k -> lookup(registry, false));
    }

    /** DMP's push lookup: {@code docker.push.username}/{@code docker.push.password} first, then as for reading. */
    @Override
    public Optional<RegistryCredentials> forPush(String registry) {
        return cache.computeIfAbsent("push|" + registry, k -> lookup(registry, true));
    }

    private Optional<RegistryCredentials> lookup(String registry, boolean push) {
        AuthConfigFactory factory = new AuthConfigFactory(decrypter);
        factory.setLog(new DmpLog(log));
        Path dockerLogins = DockerLoginFile.of(System.getenv());
        AuthConfig auth;
        try {
            auth = factory.createAuthConfig(push, true, null, settings, null, registry);
        } catch (MojoExecutionException | RuntimeException e) {
            // fabric8 stops on a broken config.json with a bare Gson or cast exception: say the file's fault
            DockerLoginFile.check(dockerLogins);
            String cause = e.getCause() == null || e.getCause().getMessage() == null ? ""
                    : " (" + e.getCause().getMessage() + ")";
            throw new RegistryException("cannot read the login for " + registry + " (settings.xml, " + dockerLogins
                    + "): " + e.getMessage() + cause, e);
        }
        if (auth == null) {
            // no login found: a broken config.json is said, not passed over for an anonymous 401
            DockerLoginFile.check(dockerLogins);
            return Optional.empty();
        }
        return Optional.of(new RegistryCredentials(auth.getUsername(), auth.getPassword(), auth.getIdentityToken(),
                "Maven settings / docker config"));
    }
}
