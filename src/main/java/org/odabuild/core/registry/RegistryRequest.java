package org.odabuild.core.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One request as the wire sends it.
 *
 * @param headers in the order they are sent
 * @param body    null for none (GET, HEAD)
 * @param timeout for the whole exchange, headers and body
 */
record RegistryRequest(String method, URI uri, Map<String, String> headers, RequestBody body, Duration timeout) {
}
