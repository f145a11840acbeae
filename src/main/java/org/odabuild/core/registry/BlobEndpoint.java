package org.odabuild.core.registry;

import com.google.gson.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.odabuild.core.version.ImageName;

/** {@code /v2/<name>/blobs/<digest>} read as JSON (an image config), following a redirect to the storage host. */
final class BlobEndpoint {

    /** Redirects a blob read may answer with (to a storage host or CDN); 308 is the permanent one. */
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final RegistryTransport transport;
    private final RegistryAuth auth;

    BlobEndpoint(RegistryTransport transport, RegistryAuth auth) {
        this.transport = transport;
        this.auth = auth;
    }

    JsonObject json(ImageName image, String digest) {
        RegistryResponse r = auth.send(image, "GET", "/v2/" + image.repository() + "/blobs/" + digest, "blob "
                + digest);
        if (REDIRECTS.contains(r.statusCode())) {
            // blob stores (S3, CDN) get no registry credentials
            URI location = transport.located(image, r.header("Location").orElseThrow(
                    () -> new RegistryException("registry " + image.registry() + " redirected the read of blob "
                            + digest + " without a Location header")));
            r = transport.execute(transport.get(location, Map.of("Accept", "application/json")), image,
                    "blob " + digest);
        }
        RegistryResponses.expect200(r, image, "read config blob " + digest + " of " + image);
        return RegistryResponses.json(r, image);
    }
}
