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

    public static RegistrySettings defaults(Set<String> insecureRegistries) {
        return new RegistrySettings(insecureRegistries, Duration.ofSeconds(20), 3, Duration.ofMillis(250));
    }
}
