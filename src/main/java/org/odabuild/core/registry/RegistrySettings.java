package org.odabuild.core.registry;

import java.time.Duration;
import java.util.Set;

/**
 * How to talk to registries.
 *
 * @param insecureRegistries hosts ({@code host:port}) reached over plain HTTP; all others use HTTPS with
 *                           certificate checks, loopback included
 * @param timeout            connect and request timeout
 * @param attempts           tries per request on connection errors, 429 and 5xx
 * @param backoff            the first pause between tries, doubled each time
 */
public record RegistrySettings(Set<String> insecureRegistries, Duration timeout, int attempts, Duration backoff) {

    public RegistrySettings {
        insecureRegistries = Set.copyOf(insecureRegistries);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Tries per request, and the first pause between them, that every goal uses. */
    public static final int ATTEMPTS = 3;
    public static final Duration BACKOFF = Duration.ofMillis(250);

    /** The settings of a build: the user picks the insecure hosts and the timeout ({@code oda.registryTimeout}). */
    public static RegistrySettings of(Set<String> insecureRegistries, Duration timeout) {
        return new RegistrySettings(insecureRegistries, timeout, ATTEMPTS, BACKOFF);
    }
}
