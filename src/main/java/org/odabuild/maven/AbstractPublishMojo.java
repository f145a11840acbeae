package org.odabuild.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.registry.RegistrySettings;

/**
 * Parameters of the goals that ask a registry without planning ({@code push-image}, {@code pin-digests}): the same
 * properties as the planning goals' registry parameters, declared again so neither line lists what it never uses.
 */
abstract class AbstractPublishMojo extends AbstractOdaMojo {

    /** Registries ({@code host:port}) reached over plain HTTP; all others need HTTPS, loopback included. */
    @Parameter(property = "oda.insecureRegistries")
    protected List<String> insecureRegistries;

    /** Seconds to wait for the registry per request. */
    @Parameter(property = "oda.registryTimeout", defaultValue = "20")
    protected int registryTimeout;

    protected RegistrySettings registrySettings() {
        return DaemonAndRegistry.registry(insecureRegistries, registryTimeout,
                DaemonAndRegistry.proxy(session.getSettings(), settingsDecrypter));
    }
}
