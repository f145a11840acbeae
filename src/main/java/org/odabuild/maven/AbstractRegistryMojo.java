package org.odabuild.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;

/** Parameters of the goals that plan and then ask a registry (the release rules need it). */
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

    protected RegistrySettings registrySettings() {
        return DaemonAndRegistry.registry(insecureRegistries, registryTimeout,
                DaemonAndRegistry.proxy(session.getSettings(), settingsDecrypter));
    }

    protected ReleaseCheckRequest releaseCheckRequest() {
        return new ReleaseCheckRequest(planRequest(), registrySettings(), allowSuffixTakeover);
    }
}
