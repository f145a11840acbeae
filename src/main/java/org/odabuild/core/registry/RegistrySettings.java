package org.odabuild.core.registry;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.UrlLogin;

/**
 * How to talk to registries.
 *
 * @param insecureRegistries hosts ({@code host:port}) reached over plain HTTP; all others use HTTPS with
 *                           certificate checks, loopback included
 * @param timeout            connect and request timeout
 * @param attempts           tries per request on connection errors, 429 and 5xx
 * @param backoff            the first pause between tries, doubled each time
 * @param proxy              the HTTP proxy to go through, if any
 */
public record RegistrySettings(Set<String> insecureRegistries, Duration timeout, int attempts, Duration backoff,
        Optional<HttpProxy> proxy) {

    public RegistrySettings {
        insecureRegistries = Set.copyOf(insecureRegistries);
        for (String host : insecureRegistries) {
            // compared with an image's registry: a URL or a path would never match, and HTTPS be tried silently
            if (!host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")) {
                throw new InvalidInputException(Setting.INSECURE_REGISTRIES + " '" + Excerpt.of(UrlLogin.hidden(host)) + "' is not a"
                        + " registry host: write host[:port] as in an image name, without a scheme or path (e.g. "
                        + Setting.INSECURE_REGISTRIES.set("localhost:5000") + ")");
            }
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException(Setting.REGISTRY_TIMEOUT + " " + timeout.toSeconds() + " is not a time to"
                    + " wait: use 1 or more seconds (default 20)");
        }
    }

    /** Without a proxy. */
    public RegistrySettings(Set<String> insecureRegistries, Duration timeout, int attempts, Duration backoff) {
        this(insecureRegistries, timeout, attempts, backoff, Optional.empty());
    }

    /** Tries per request, and the first pause between them, that every goal uses. */
    public static final int ATTEMPTS = 3;
    public static final Duration BACKOFF = Duration.ofMillis(250);

    /** The settings of a build: insecure hosts, timeout ({@code oda.registryTimeout}) and settings.xml's proxy. */
    public static RegistrySettings of(Set<String> insecureRegistries, Duration timeout, Optional<HttpProxy> proxy) {
        return new RegistrySettings(insecureRegistries, timeout, ATTEMPTS, BACKOFF, proxy);
    }
}
