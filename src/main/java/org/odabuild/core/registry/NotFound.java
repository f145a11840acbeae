package org.odabuild.core.registry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.odabuild.core.Excerpt;
import org.odabuild.core.version.ImageName;

/** Tells a registry's "absent" from any other 404: the one answer the fail-closed checks accept as "not there". */
final class NotFound {

    private static final Set<String> ABSENT_CODES = Set.of("MANIFEST_UNKNOWN", "NAME_UNKNOWN", "TAG_UNKNOWN",
            "BLOB_UNKNOWN");

    private final RegistryTransport transport;
    private final Map<String, Boolean> confirmedRegistries = new ConcurrentHashMap<>();

    NotFound(RegistryTransport transport) {
        this.transport = transport;
    }

    /**
     * Whether a 404 really says "absent": the server must be a registry (its {@code /v2/} answers as one) and the
     * 404 must carry a registry error code ({@code MANIFEST_UNKNOWN}, {@code NAME_UNKNOWN}, ...) or, without a body,
     * the {@code Docker-Distribution-API-Version} header with a registry's value. Anything else (a proxy's or web server's 404) fails
     * closed: it would otherwise let an existing release tag look absent.
     */
    boolean absent(RegistryResponse r, ImageName image, String what) {
        boolean apiHeader = RegistryResponses.speaksRegistryApi(r);
        Optional<String> code = RegistryResponses.registryErrorCode(r);
        if (code.isPresent() && !ABSENT_CODES.contains(code.get())) {
            throw new RegistryException("registry " + image.registry() + " answered 404 for " + what + " with error "
                    + Excerpt.of(code.get()) + ", not one that means absent: the check fails closed");
        }
        if (code.isEmpty() && !apiHeader) {
            throw new RegistryException("registry " + image.registry() + " answered 404 for " + what + " without"
                    + " saying it is a registry (no " + RegistryResponses.API_VERSION_HEADER + " header, no registry error code): a"
                    + " proxy or web server in between? The check fails closed");
        }
        confirmedRegistries.computeIfAbsent(image.registry(), k -> confirmRegistry(image));
        return true;
    }

    /** {@code GET /v2/}: a registry answers 200 or 401 with its API header or a registry error body. */
    private Boolean confirmRegistry(ImageName image) {
        RegistryResponse r = transport.execute(transport.request(image, "GET", "/v2/", null, null), image,
                "the API check");
        boolean registry = (r.statusCode() == 200 || r.statusCode() == 401)
                && (RegistryResponses.speaksRegistryApi(r) || RegistryResponses.registryErrorCode(r).isPresent());
        if (!registry) {
            throw new RegistryException(transport.base(image) + "/v2/ does not answer as a container registry (HTTP "
                    + r.statusCode() + ", no " + RegistryResponses.API_VERSION_HEADER + " header): check the image name's registry;"
                    + " the check fails closed");
        }
        return Boolean.TRUE;
    }
}
