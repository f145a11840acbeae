package org.odabuild.maven;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;

/** Parameters of the goals that talk to a registry. */
abstract class AbstractRegistryMojo extends AbstractPlanMojo {

    /** Registries ({@code host:port}) reached over plain HTTP; all others need HTTPS, loopback included. */
    @Parameter(property = "oda.insecureRegistries")
    protected List<String> insecureRegistries;

    /** Let this branch overwrite a prerelease tag that another branch pushed. */
    @Parameter(property = "oda.allowSuffixTakeover", defaultValue = "false")
    protected boolean allowSuffixTakeover;

    /** Seconds to wait for the registry per request. */
    @Parameter(property = "oda.registryTimeout", defaultValue = "20")
    protected int registryTimeout;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    protected RegistrySettings registrySettings() {
        return RegistrySettings.of(new HashSet<>(trimmed(insecureRegistries)), Duration.ofSeconds(registryTimeout));
    }

    protected ReleaseCheckRequest releaseCheckRequest() {
        return new ReleaseCheckRequest(planRequest(), registrySettings(), allowSuffixTakeover);
    }

    protected CredentialSource credentials(BuildLog log) {
        return new MavenCredentialSource(session.getSettings(), settingsDecrypter, log);
    }
}
