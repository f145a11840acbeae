package org.odabuild.core.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.version.ImageName;

/**
 * A client for the Docker Registry HTTP API v2 / OCI distribution API: manifest existence, tag lists and image
 * labels; {@link RegistryUploads} writes through it. Fails closed: anything but a clear answer is a
 * {@link RegistryException}. Thread-safe. Made of parts, as Jib's registry client is: the wire with its retries
 * ({@link RegistryTransport}), logins ({@link RegistryAuth}), what a 404 means ({@link NotFound}) and one class per
 * endpoint ({@link ManifestEndpoint}, {@link TagListEndpoint}, {@link BlobEndpoint}).
 */
public final class RegistryClient {

    private final RegistryTransport transport;
    private final RegistryAuth auth;
    private final NotFound notFound;
    private final ManifestEndpoint manifests;
    private final TagListEndpoint tagList;
    private final BlobEndpoint blobs;

    public RegistryClient(RegistrySettings settings, CredentialSource credentials, BuildLog log) {
        this(settings, credentials, log, 1000);
    }

    /** With a small page size, tests see the {@code Link} pagination of the tag list. */
    RegistryClient(RegistrySettings settings, CredentialSource credentials, BuildLog log, int pageSize) {
        this.transport = new RegistryTransport(settings, log);
        this.auth = new RegistryAuth(transport, credentials);
        this.notFound = new NotFound(transport);
        this.manifests = new ManifestEndpoint(auth, notFound, log);
        this.tagList = new TagListEndpoint(auth, notFound, pageSize);
        this.blobs = new BlobEndpoint(transport, auth);
    }

    /** A manifest that exists, with its content digest. */
    public record Manifest(String digest) {
    }

    /** HEAD of {@code image:tag}: present (200) or absent (404). Everything else throws. */
    public Optional<Manifest> manifest(ImageName image, String tag) {
        return manifests.head(image, tag);
    }

    /**
     * The digest of {@code image:reference} computed from the manifest bytes the registry serves (GET), compared
     * with its {@code Docker-Content-Digest}; a mismatch is a warning naming the registry. Empty when absent (404).
     * For digests the plugin reports (pins, pushes); existence checks use {@link #manifest}, a HEAD, which Docker
     * Hub does not count as a pull.
     */
    public Optional<String> digest(ImageName image, String reference) {
        return manifests.digest(image, reference);
    }

    /** Every tag of the repository (following {@code Link} pages); empty when the repository does not exist. */
    public List<String> tags(ImageName image) {
        return repositoryTags(image).orElse(List.of());
    }

    /**
     * Every tag of the repository; empty when the registry answers that the repository does not exist (a repository
     * without tags is an empty list).
     */
    public Optional<List<String>> repositoryTags(ImageName image) {
        return tagList.all(image);
    }

    /** The labels of the image's config (the first platform of an index); empty map when it has none. */
    public Map<String, String> labels(ImageName image, String reference) {
        return describe(image, reference).labels();
    }

    /**
     * What an existing image is: its labels and the platforms it serves.
     *
     * @param labels    of the config of the image, or of an index's first platform (the plugin labels every
     *                  platform alike)
     * @param platforms {@code os/architecture[/variant]} of each platform of an index (attestation entries,
     *                  {@code unknown/unknown}, left out), or the one of a single image's config
     */
    public record RemoteImage(Map<String, String> labels, List<String> platforms) {

        public RemoteImage {
            labels = Map.copyOf(labels);
            platforms = List.copyOf(platforms);
        }
    }

    public RemoteImage describe(ImageName image, String reference) {
        JsonObject manifest = manifests.read(image, reference);
        List<String> platforms = new ArrayList<>();
        if (manifest.has("manifests")) {
            String first = null;
            for (JsonElement e : manifest.getAsJsonArray("manifests")) {
                JsonObject entry = e.getAsJsonObject();
                String platform = platform(entry.get("platform") instanceof JsonObject p ? p : new JsonObject());
                if (!platform.startsWith("unknown/")) {
                    platforms.add(platform);
                    first = first == null ? entry.get("digest").getAsString() : first;
                }
            }
            if (first == null) {
                return new RemoteImage(Map.of(), platforms);
            }
            manifest = manifests.read(image, first);
        }
        JsonObject config = manifest.getAsJsonObject("config");
        if (config == null || !config.has("digest")) {
            return new RemoteImage(Map.of(), platforms);
        }
        JsonObject blob = blobs.json(image, config.get("digest").getAsString());
        if (platforms.isEmpty() && blob.has("architecture")) {
            platforms.add(platform(blob));
        }
        JsonElement labels = blob.has("config") && blob.get("config").isJsonObject()
                ? blob.getAsJsonObject("config").get("Labels") : null;
        Map<String, String> out = new LinkedHashMap<>();
        if (labels != null && labels.isJsonObject()) {
            labels.getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        }
        return new RemoteImage(out, platforms);
    }

    /** One image of an index: the platform it is for ({@code os/architecture[/variant]}) and its manifest's digest. */
    public record IndexEntry(String platform, String digest) {
    }

    /**
     * The images of the index (or Docker manifest list) {@code image:reference} names, attestation entries
     * ({@code unknown/unknown}) left out; an empty list when it names one image's manifest. Absent (404) throws, as
     * every other answer but 200 does.
     */
    public List<IndexEntry> indexEntries(ImageName image, String reference) {
        JsonObject manifest = manifests.read(image, reference);
        List<IndexEntry> entries = new ArrayList<>();
        if (manifest.get("manifests") instanceof JsonArray list) {
            for (JsonElement e : list) {
                if (e instanceof JsonObject entry && entry.get("digest") instanceof JsonPrimitive digest
                        && entry.get("platform") instanceof JsonObject p && !platform(p).startsWith("unknown/")) {
                    entries.add(new IndexEntry(platform(p), digest.getAsString()));
                }
            }
        }
        return entries;
    }

    private static String platform(JsonObject o) {
        String os = o.has("os") ? o.get("os").getAsString() : "unknown";
        String arch = o.has("architecture") ? o.get("architecture").getAsString() : "unknown";
        return os + "/" + arch + (o.has("variant") ? "/" + o.get("variant").getAsString() : "");
    }

    /** Scheme and host of the registry's API. */
    String base(ImageName image) {
        return transport.base(image);
    }

    /**
     * One authenticated exchange for {@link RegistryUploads}; {@code path} is a path on the registry or a URL it
     * named (an upload location).
     */
    RegistryResponse send(ImageName image, String method, String path, String what, RequestBody body) {
        return auth.send(image, method, path, what, body);
    }

    /** Whether a 404 really says "absent" (see {@link NotFound}). */
    boolean absent(RegistryResponse r, ImageName image, String what) {
        return notFound.absent(r, image, what);
    }
}
