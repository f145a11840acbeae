package org.odabuild.core.registry;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A registry's answer as read off the wire.
 *
 * @param headers by name, any case
 * @param body    the bytes as ISO-8859-1 (one char per byte), so digests are computed from the exact bytes; empty
 *                for a HEAD
 */
record RegistryResponse(int statusCode, Map<String, List<String>> headers, String body) {

    RegistryResponse {
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                byName.merge(name, List.copyOf(values), (a, b) -> a);
            }
        });
        headers = Collections.unmodifiableMap(byName);
    }

    /** The first value of a header, any case of its name. */
    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
