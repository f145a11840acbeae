package org.odabuild.core.registry;

import java.util.Optional;

/** Finds the login for a registry host; the Maven layer answers from settings.xml and ~/.docker/config.json. */
@FunctionalInterface
public interface CredentialSource {

    /** The login for reading: manifest and blob checks, tag lists, pulls. */
    Optional<RegistryCredentials> forRegistry(String registry);

    /**
     * The login for writing (uploads, manifest puts); the same as for reading unless the source knows a push login
     * ({@code docker.push.username} / {@code docker.push.password}).
     */
    default Optional<RegistryCredentials> forPush(String registry) {
        return forRegistry(registry);
    }

    static CredentialSource none() {
        return registry -> Optional.empty();
    }
}
