package org.odabuild.core.registry;

import com.google.gson.JsonObject;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.version.ImageName;

/** {@code /v2/<name>/manifests/<reference>}: HEAD for existence, GET for the digest of the served bytes and the JSON. */
final class ManifestEndpoint {

    private final RegistryAuth auth;
    private final NotFound notFound;
    private final BuildLog log;

    ManifestEndpoint(RegistryAuth auth, NotFound notFound, BuildLog log) {
        this.auth = auth;
        this.notFound = notFound;
        this.log = log;
    }

    /**
     * HEAD of {@code image:tag}: present (200) or absent (404). Everything else throws.
     */
    Optional<RegistryClient.Manifest> head(ImageName image, String tag) {
        RegistryResponse r = auth.send(image, "HEAD", manifestPath(image, tag), "manifest " + image + ":" + tag);
        if (r.statusCode() == 404 && notFound.absent(r, image, "manifest " + image + ":" + tag)) {
            return Optional.empty();
        }
        RegistryResponses.expect200(r, image, "check manifest " + image + ":" + tag);
        String digest = r.header("Docker-Content-Digest").orElseThrow(() -> new RegistryException(
                "registry " + image.registry() + " answered 200 for " + image + ":" + tag
                        + " without a Docker-Content-Digest header: cannot tell which image it is"));
        // the digest names the image in the next requests' paths
        return Optional.of(new RegistryClient.Manifest(new RegistryJson(image, "the manifest " + image + ":" + tag)
                .checkedDigest(digest, "a Docker-Content-Digest")));
    }

    /**
     * The digest of {@code image:reference} computed from the manifest bytes the registry serves (GET), compared
     * with its {@code Docker-Content-Digest}; a mismatch is a warning naming the registry. Empty when absent (404).
     * For digests the plugin reports (pins, pushes); existence checks use {@link #head}, a HEAD, which Docker
     * Hub does not count as a pull.
     */
    Optional<String> digest(ImageName image, String reference) {
        RegistryResponse r = auth.send(image, "GET", manifestPath(image, reference), "manifest " + image + ":"
                + reference);
        if (r.statusCode() == 404 && notFound.absent(r, image, "manifest " + image + ":" + reference)) {
            return Optional.empty();
        }
        RegistryResponses.expect200(r, image, "read manifest " + image + ":" + reference);
        return Optional.of(checked(r, image, reference));
    }

    private String checked(RegistryResponse r, ImageName image, String reference) {
        String computed = RegistryResponses.sha256(r);
        r.header("Docker-Content-Digest").filter(h -> !h.equals(computed)).ifPresent(h -> log.warn(
                "registry " + image.registry() + " says " + image + ":" + reference + " is " + h + ", but the"
                        + " manifest it sent hashes to " + computed + ": using " + computed));
        if (reference.startsWith("sha256:") && !reference.equals(computed)) {
            log.warn("registry " + image.registry() + " answered " + image + "@" + reference + " with a manifest"
                    + " that hashes to " + computed);
        }
        return computed;
    }

    JsonObject read(ImageName image, String reference) {
        RegistryResponse r = auth.send(image, "GET", manifestPath(image, reference), "manifest " + image
                + (reference.startsWith("sha256:") ? "@" : ":") + reference);
        RegistryResponses.expect200(r, image, "read manifest " + image + ":" + reference);
        checked(r, image, reference);
        return RegistryResponses.json(r, image);
    }

    private static String manifestPath(ImageName image, String reference) {
        return "/v2/" + image.repository() + "/manifests/" + reference;
    }
}
