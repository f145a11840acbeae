package org.odabuild.core.registry;

import java.util.Optional;

/** Finds the login for a registry host; the Maven layer answers from settings.xml and ~/.docker/config.json. */
@FunctionalInterface
public interface CredentialSource {

    Optional<RegistryCredentials> forRegistry(String registry);

    static CredentialSource none() {
        return registry -> Optional.empty();
    }
}
