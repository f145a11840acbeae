package org.odabuild.core.registry;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.odabuild.core.version.ImageName;

/**
 * Writes to a registry through {@link RegistryClient}'s transport and login: blobs by digest (HEAD first, then a
 * cross-repository mount when this build already put the blob elsewhere on the registry, else a monolithic upload)
 * and manifests, so an image is complete in the registry before any tag points at it.
 */
public final class RegistryUploads {

    /** The slowest upload rate a layer is given time for, on top of the request timeout. */
    private static final long MIN_BYTES_PER_SECOND = 256 * 1024;
    private static final Set<String> RESTARTABLE = Set.of("BLOB_UPLOAD_UNKNOWN", "BLOB_UPLOAD_INVALID");

    private final RegistryClient client;
    private final Duration timeout;
    private final int attempts;
    /** Where this build already stored a blob, per registry, for mounts. */
    private final Map<String, String> stored = new ConcurrentHashMap<>();

    public RegistryUploads(RegistryClient client, RegistrySettings settings) {
        this.client = client;
        this.timeout = settings.timeout();
        this.attempts = settings.attempts();
    }

    /** How a blob came to be in the repository. */
    public enum BlobResult { PRESENT, MOUNTED, UPLOADED }

    /** Makes sure {@code image}'s repository holds the blob {@code digest}, whose bytes are in {@code file}. */
    public BlobResult blob(ImageName image, String digest, long size, Path file) {
        return blob(image, digest, size, file, bytes -> {
        });
    }

    /** As {@link #blob(ImageName, String, long, Path)}, telling {@code sent} each chunk of the file put on the wire. */
    public BlobResult blob(ImageName image, String digest, long size, Path file, LongConsumer sent) {
        String what = "blob " + digest + " of " + image;
        RegistryResponse head = client.send(image, "HEAD", "/v2/" + image.repository() + "/blobs/" + digest, what,
                null);
        if (head.statusCode() == 200) {
            remember(image, digest);
            return BlobResult.PRESENT;
        }
        if (!(head.statusCode() == 404 && client.absent(head, image, what))) {
            RegistryResponses.expect200(head, image, "check " + what);
        }
        String uploads = "/v2/" + image.repository() + "/blobs/uploads/";
        Optional<String> from = Optional.ofNullable(stored.get(image.registry() + "|" + digest))
                .filter(repository -> !repository.equals(image.repository()));
        for (int attempt = 1; ; attempt++) {
            RegistryResponse start = client.send(image, "POST", uploads + from.map(repository -> "?mount="
                    + encode(digest) + "&from=" + encode(repository)).orElse(""), "start upload of " + what,
                    empty());
            if (start.statusCode() == 201 && from.isPresent()) {
                remember(image, digest);
                return BlobResult.MOUNTED;
            }
            expect(start, 202, image, "start the upload of " + what);
            String location = location(start, image, what);
            RegistryResponse put = client.send(image, "PUT", location + (location.contains("?") ? "&" : "?")
                    + "digest=" + encode(digest), "upload of " + what, file(file, size, sent));
            if (put.statusCode() == 201) {
                remember(image, digest);
                return BlobResult.UPLOADED;
            }
            boolean restart = put.statusCode() == 404 && RegistryResponses.registryErrorCode(put)
                    .filter(RESTARTABLE::contains).isPresent();
            if (!restart || attempt >= attempts) {
                expect(put, 201, image, "upload " + what);
            }
        }
    }

    /**
     * Puts a manifest under {@code reference} (a tag, or its own digest) and returns the digest the registry
     * reports for it.
     *
     * @throws ManifestRefusedException when the registry does not take this kind of manifest
     */
    public String manifest(ImageName image, String reference, String mediaType, byte[] bytes) {
        String what = "manifest " + image + (reference.startsWith("sha256:") ? "@" : ":") + reference;
        RegistryResponse r = client.send(image, "PUT", "/v2/" + image.repository() + "/manifests/" + reference,
                "put " + what, new RequestBody(new RequestBody.Bytes(bytes), mediaType, timeout));
        if (r.statusCode() == 201 || r.statusCode() == 200) {
            return r.header("Docker-Content-Digest").orElse("");
        }
        Optional<String> code = RegistryResponses.registryErrorCode(r);
        String answer = "registry " + image.registry() + " answered " + r.statusCode() + " to the put of " + what
                + RegistryResponses.errorCode(r);
        if (r.statusCode() == 415 || (r.statusCode() == 400 && code.filter(c -> c.equals("MANIFEST_INVALID")
                || c.equals("UNSUPPORTED")).isPresent())) {
            throw new ManifestRefusedException(answer, mediaType);
        }
        throw new RegistryException(answer);
    }

    private void remember(ImageName image, String digest) {
        stored.putIfAbsent(image.registry() + "|" + digest, image.repository());
    }

    private static String location(RegistryResponse r, ImageName image, String what) {
        return r.header("Location").filter(l -> !l.isBlank()).orElseThrow(() -> new RegistryException(
                "registry " + image.registry() + " started the upload of " + what + " without a Location header"));
    }

    private RequestBody empty() {
        return RequestBody.empty(timeout);
    }

    private RequestBody file(Path file, long size, LongConsumer sent) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new RegistryException("the blob file " + file + " to upload is gone", e);
        }
        return new RequestBody(new RequestBody.FileContent(file, length, sent), "application/octet-stream",
                timeout.plusSeconds(size / MIN_BYTES_PER_SECOND));
    }

    private static void expect(RegistryResponse r, int status, ImageName image, String action) {
        if (r.statusCode() != status) {
            String hint = r.statusCode() == 403 || r.statusCode() == 401
                    ? ": the login has no push access to " + image.repository()
                    : r.statusCode() == 404 && RegistryResponses.registryErrorCode(r).filter("NAME_UNKNOWN"::equals)
                            .isPresent()
                            ? ": the registry has no repository " + image.repository() + " and does not create one"
                                    + " on a push (Amazon ECR does not): create it there, then run this again"
                            : "";
            throw new RegistryException("registry " + image.registry() + " answered " + r.statusCode()
                    + " when asked to " + action + hint + RegistryResponses.errorCode(r));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
