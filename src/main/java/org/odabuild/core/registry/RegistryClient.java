package org.odabuild.core.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
        this(settings, credentials, log, 1000, TagListEndpoint.MAX_PAGES);
    }

    /** With a small page size and page limit, tests see the {@code Link} pagination of the tag list and its end. */
    RegistryClient(RegistrySettings settings, CredentialSource credentials, BuildLog log, int pageSize, int maxPages) {
        this.transport = new RegistryTransport(settings, log);
        this.auth = new RegistryAuth(transport, credentials);
        this.notFound = new NotFound(transport);
        this.manifests = new ManifestEndpoint(auth, notFound, log);
        this.tagList = new TagListEndpoint(auth, notFound, pageSize, maxPages);
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
        RegistryJson index = answer(image, reference);
        Optional<JsonArray> list = index.array(manifest, "manifests");
        if (list.isEmpty()) {
            return ofImage(image, reference, manifest, List.of());
        }
        List<String> platforms = new ArrayList<>();
        String first = null;
        for (JsonElement e : list.get()) {
            JsonObject entry = index.object(e, "manifests");
            String platform = platform(index, index.object(entry, "platform").orElseGet(JsonObject::new));
            if (!platform.startsWith("unknown/")) {
                platforms.add(platform);
                first = first == null ? index.digest(entry, "the entry for " + platform) : first;
            }
        }
        return first == null ? new RemoteImage(Map.of(), platforms)
                : ofImage(image, first, manifests.read(image, first), platforms);
    }

    /** One image's manifest read through to its config: its labels, and its platform when no index named any. */
    private RemoteImage ofImage(ImageName image, String reference, JsonObject manifest, List<String> indexed) {
        RegistryJson json = answer(image, reference);
        Optional<String> configDigest = json.object(manifest, "config").flatMap(c -> json.text(c, "digest"));
        if (configDigest.isEmpty()) {
            return new RemoteImage(Map.of(), indexed);
        }
        String digest = json.checkedDigest(configDigest.get(), "the config's digest");
        JsonObject blob = blobs.json(image, digest);
        RegistryJson config = new RegistryJson(image, "the config " + digest + " of " + image);
        List<String> platforms = indexed.isEmpty() && blob.has("architecture") ? List.of(platform(config, blob))
                : indexed;
        Map<String, String> labels = new LinkedHashMap<>();
        // as Go reads a map of strings: a null label is empty, any other kind is refused
        config.object(blob, "config").flatMap(c -> config.object(c, "Labels")).ifPresent(l -> l.keySet()
                .forEach(key -> labels.put(key, config.text(l, key).orElse(""))));
        return new RemoteImage(labels, platforms);
    }

    /** One image of an index: the platform it is for ({@code os/architecture[/variant]}) and its manifest's digest. */
    public record IndexEntry(String platform, String digest) {
    }

    /**
     * The images of the index (or Docker manifest list) {@code image:reference} names, attestation entries
     * ({@code unknown/unknown}) and entries without a platform left out; an empty list when it names one image's
     * manifest. Absent (404) throws, as every other answer but 200 does.
     */
    public List<IndexEntry> indexEntries(ImageName image, String reference) {
        JsonObject manifest = manifests.read(image, reference);
        RegistryJson json = answer(image, reference);
        List<IndexEntry> entries = new ArrayList<>();
        for (JsonElement e : json.array(manifest, "manifests").orElseGet(JsonArray::new)) {
            JsonObject entry = json.object(e, "manifests");
            Optional<JsonObject> p = json.object(entry, "platform");
            String platform = p.map(o -> platform(json, o)).orElse("unknown/unknown");
            if (!platform.startsWith("unknown/")) {
                entries.add(new IndexEntry(platform, json.digest(entry, "the entry for " + platform)));
            }
        }
        return entries;
    }

    private static RegistryJson answer(ImageName image, String reference) {
        return new RegistryJson(image, "the manifest " + image + (reference.startsWith("sha256:") ? "@" : ":")
                + reference);
    }

    private static String platform(RegistryJson json, JsonObject o) {
        String os = json.text(o, "os").orElse("unknown");
        String arch = json.text(o, "architecture").orElse("unknown");
        return os + "/" + arch + json.text(o, "variant").map(v -> "/" + v).orElse("");
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
