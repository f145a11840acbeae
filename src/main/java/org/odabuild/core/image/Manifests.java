package org.odabuild.core.image;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odabuild.core.report.JsonReports;

/** The JSON of image manifests and image indexes, byte for byte as they are put and digested. */
public final class Manifests {

    private Manifests() {
    }

    /** A manifest ready to put: its bytes, media type and digest. */
    public record Document(String mediaType, byte[] bytes, String digest) {

        public long size() {
            return bytes.length;
        }
    }

    /** One platform's manifest inside an index. */
    public record Entry(Document manifest, Platform platform) {
    }

    public static Document image(ManifestFormat format, SavedImage image) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        json.put("mediaType", format.manifestType());
        json.put("config", descriptor(format.configType(), image.config().digest(), image.config().size()));
        json.put("layers", image.layers().stream()
                .map(l -> descriptor(format.layerType(), l.digest(), l.size())).toList());
        return document(format.manifestType(), json);
    }

    public static Document index(ManifestFormat format, List<Entry> entries) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        json.put("mediaType", format.indexType());
        json.put("manifests", entries.stream().map(e -> {
            Map<String, Object> d = descriptor(e.manifest().mediaType(), e.manifest().digest(), e.manifest().size());
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", e.platform().architecture());
            platform.put("os", e.platform().os());
            e.platform().variant().ifPresent(v -> platform.put("variant", v));
            d.put("platform", platform);
            return d;
        }).toList());
        return document(format.indexType(), json);
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", mediaType);
        d.put("digest", digest);
        d.put("size", size);
        return d;
    }

    private static Document document(String mediaType, Map<String, Object> json) {
        byte[] bytes = JsonReports.compact(json).getBytes(StandardCharsets.UTF_8);
        return new Document(mediaType, bytes, ImageArchive.digest(bytes));
    }
}
