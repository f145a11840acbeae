package org.odabuild.core.registry;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.odabuild.core.Wildcard;

/**
 * The HTTP proxy registry traffic goes through: Maven's active {@code <proxy>} of settings.xml, as for downloads.
 *
 * @param nonProxyHosts host patterns reached directly ({@code *.corp.example}, {@code localhost}); {@code *} is any
 *                      characters, case does not matter
 * @param username      for a proxy that asks for a login (Basic); for HTTPS registries (a CONNECT tunnel) the JDK
 *                      answers the proxy's challenge with it only when {@code jdk.http.auth.tunneling.disabledSchemes}
 *                      no longer lists Basic
 */
public record HttpProxy(String host, int port, List<String> nonProxyHosts, Optional<String> username,
        Optional<String> password) {

    public HttpProxy {
        nonProxyHosts = nonProxyHosts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code targetHost} (no port) is reached without the proxy. */
    public boolean bypasses(String targetHost) {
        String host = targetHost.toLowerCase(Locale.ROOT);
        return nonProxyHosts.stream().anyMatch(p -> Wildcard.matches(p.toLowerCase(Locale.ROOT), host));
    }

    /** How a request to {@code target} goes: through the proxy, or directly for a host it bypasses. */
    Proxy route(URI target) {
        return target.getHost() != null && bypasses(target.getHost()) ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    /**
     * The {@code Proxy-Authorization} header for a plain-HTTP request to {@code target} that goes through the proxy,
     * when the proxy has a login. An HTTPS request is tunnelled: a header set on it would travel inside the tunnel to
     * the registry, so its proxy login is only given to the proxy's challenge on the {@code CONNECT} (see
     * {@link HttpWire}).
     */
    Optional<String> authorization(URI target) {
        if (username.isEmpty() || !"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null
                || bypasses(target.getHost())) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString((username.get() + ":"
                + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "proxy " + host + ":" + port + username.map(u -> " (login " + u + ")").orElse("");
    }
}
