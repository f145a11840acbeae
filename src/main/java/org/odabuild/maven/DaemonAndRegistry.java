package org.odabuild.maven;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.odabuild.core.registry.HttpProxy;
import org.odabuild.core.registry.RegistrySettings;

/**
 * How the registry and daemon parameters become settings, for the two lines of goals that declare them: those that
 * plan ({@code build}, {@code build-image}, {@code verify-release-immutable}) and those that do not
 * ({@code push-image}, {@code pin-digests}), so that each goal's help lists only what it uses.
 */
final class DaemonAndRegistry {

    private DaemonAndRegistry() {
    }

    static RegistrySettings registry(List<String> insecureRegistries, int timeoutSeconds, Optional<HttpProxy> proxy) {
        return RegistrySettings.of(new HashSet<>(AbstractOdaMojo.trimmed(insecureRegistries)),
                Duration.ofSeconds(timeoutSeconds), proxy);
    }

    /**
     * settings.xml's active {@code <proxy>} (password decrypted), as Maven uses it for downloads; its
     * {@code nonProxyHosts} is a {@code |} list.
     */
    static Optional<HttpProxy> proxy(Settings settings, SettingsDecrypter decrypter) {
        Proxy active = settings == null ? null : settings.getActiveProxy();
        if (active == null || active.getHost() == null || active.getHost().isBlank()) {
            return Optional.empty();
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(active));
        Proxy proxy = decrypted.getProxy() != null ? decrypted.getProxy() : active;
        return Optional.of(new HttpProxy(proxy.getHost(), proxy.getPort(),
                proxy.getNonProxyHosts() == null ? List.of() : List.of(proxy.getNonProxyHosts().split("[|,]")),
                Optional.ofNullable(proxy.getUsername()).filter(u -> !u.isBlank()),
                Optional.ofNullable(proxy.getPassword())));
    }

    static int threads(Integer parameter) {
        return parameter == null ? Runtime.getRuntime().availableProcessors() : parameter;
    }
}
