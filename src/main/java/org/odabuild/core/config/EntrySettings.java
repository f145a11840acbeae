package org.odabuild.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.image.Platform;
import org.odabuild.core.image.PlatformNames;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The settings of one image entry of dockerbuild-config.yaml, each with the place its value is written: those the
 * entry writes, then those its merge key brings. Unknown settings are warnings, so a newer config still builds with
 * an older plugin.
 */
final class EntrySettings {

    private static final Set<String> KNOWN_KEYS = Set.of("displayName", "fileName", "valuesYamlFile",
            "valuesPathImage", "valuesPathVersion", "valuesPathPrereleaseSuffix", "paths", "buildContext",
            "buildDockerfile", "testDockerfile", "platforms");
    private static final Pattern PLATFORM = Pattern.compile("(?i)[a-z0-9]+/[a-z0-9_-]+(?:/[a-z0-9.]+)?");

    private final RepoLayout layout;
    private final BuildLog log;
    private final YamlDocument doc;
    private final String image;
    private final SourceLocation entryAt;
    private final Map<String, NodeTuple> byName = new LinkedHashMap<>();

    EntrySettings(YamlDocument doc, String image, SourceLocation entryAt, MappingNode entry, RepoLayout layout,
            BuildLog log) {
        this.layout = layout;
        this.log = log;
        this.doc = doc;
        this.image = image;
        this.entryAt = entryAt;
        NodeTuple merge = null;
        for (NodeTuple t : entry.getValue()) {
            SourceLocation at = doc.locationOf(t.getKeyNode());
            if (isMergeKey(t)) {
                if (merge != null) {
                    throw InvalidInputException.at(at, "'<<' is set twice for image '" + image + "': keep one"
                            + " (<<: [*a, *b] merges several mappings)");
                }
                merge = t;
                continue;
            }
            String name = keyName(t.getKeyNode(), at, "a setting of image '" + image + "'");
            if (byName.put(name, t) != null) {
                throw InvalidInputException.at(at, "'" + Excerpt.of(name) + "' is set twice for image '" + image
                        + "': keep one");
            }
            warnIfUnknown(name, at);
        }
        if (merge != null) {
            Set<MappingNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.add(entry);
            mergeFrom(merge.getValueNode(), seen);
        }
    }

    /**
     * The settings a merge key brings ({@code <<: *defaults}), as PyYAML's safe_load reads them for oda-canvas'
     * generator: what the entry sets itself wins, then the first mapping named, each with the merges of its own.
     * Each setting keeps the line it is written on, so an error in one names the line to fix.
     */
    private void mergeFrom(Node value, Set<MappingNode> seen) {
        List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node source : sources) {
            if (!(source instanceof MappingNode mapping)) {
                throw InvalidInputException.at(doc.locationOf(source), "'<<' of image '" + image + "' must name"
                        + " a mapping to merge (<<: *defaults) or a list of them (<<: [*a, *b]), not a "
                        + kind(source));
            }
            if (!seen.add(mapping)) {
                continue; // merged already, or a mapping that merges itself
            }
            List<Node> nested = new ArrayList<>();
            Set<String> own = new HashSet<>();
            for (NodeTuple t : mapping.getValue()) {
                SourceLocation at = doc.locationOf(t.getKeyNode());
                if (isMergeKey(t)) {
                    nested.add(t.getValueNode());
                    continue;
                }
                String name = keyName(t.getKeyNode(), at, "a setting of image '" + image + "'");
                if (!own.add(name)) {
                    throw InvalidInputException.at(at, "'" + Excerpt.of(name) + "' is set twice in the mapping"
                            + " merged into image '" + image + "': keep one");
                }
                if (byName.putIfAbsent(name, t) == null) {
                    warnIfUnknown(name, at);
                }
            }
            nested.forEach(n -> mergeFrom(n, seen));
        }
    }

    private void warnIfUnknown(String name, SourceLocation at) {
        if (!KNOWN_KEYS.contains(name)) {
            log.warn(at + ": unknown setting '" + Excerpt.of(name) + "' of image '" + image
                    + "' is ignored (known: " + String.join(", ", KNOWN_KEYS.stream().sorted().toList()) + ")");
        }
    }

    /** Where each setting written has its value. */
    Map<String, SourceLocation> locations() {
        Map<String, SourceLocation> at = new LinkedHashMap<>();
        byName.keySet().forEach(name -> at.put(name, at(name)));
        return at;
    }

    SourceLocation at(String name) {
        NodeTuple t = byName.get(name);
        return t == null ? entryAt : doc.locationOf(t.getValueNode());
    }

    Optional<String> optional(String name) {
        NodeTuple t = byName.get(name);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        if (!(t.getValueNode() instanceof ScalarNode scalar)) {
            throw InvalidInputException.at(doc.locationOf(t.getValueNode()), "'" + name + "' of image '" + image
                    + "' must be a single text value, not a " + kind(t.getValueNode()));
        }
        String v = text(scalar, "'" + name + "'").strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /**
     * A scalar's text, refused when YAML reads a tag of the author's into it: an unquoted GitHub negation glob
     * ({@code - !docs/**}) is the tag {@code !docs/**} on an empty value, which PyYAML, oda-canvas' generator, refuses
     * too (it knows no such tag).
     */
    private String text(ScalarNode scalar, String what) {
        Optional<String> tag = YamlDocument.writtenTag(scalar).filter(t -> t.startsWith("!") && !t.startsWith("!!"));
        if (tag.isPresent()) {
            String written = scalar.getValue().isEmpty() ? tag.get() : tag.get() + " " + scalar.getValue();
            throw InvalidInputException.at(doc.locationOf(scalar), what + " of image '" + image + "' is written "
                    + Excerpt.of(written) + ", which YAML reads as the tag " + Excerpt.of(tag.get())
                    + (scalar.getValue().isEmpty() ? " on an empty value" : "") + ": quote it ('"
                    + Excerpt.of(written) + "')");
        }
        return scalar.getValue();
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> InvalidInputException.at(at(name), "image '" + image
                + "' has no " + name + ": add '" + name + ": ...' to its entry"));
    }

    YqPath path(String name, String text) {
        try {
            return YqPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.at(at(name), name + " of image '" + image + "': " + e.getMessage());
        }
    }

    /**
     * The values paths of the entry name three different keys: a copied entry that reads its suffix from its version
     * key would build {@code 1.0.2-1.0.2}, and release-prep would clear the version.
     */
    void requireDistinct(Map<String, YqPath> paths) {
        List<Map.Entry<String, YqPath>> named = List.copyOf(paths.entrySet());
        for (int i = 1; i < named.size(); i++) {
            for (int j = 0; j < i; j++) {
                YqPath path = named.get(i).getValue();
                if (path.segments().equals(named.get(j).getValue().segments())) {
                    String setting = named.get(i).getKey();
                    throw InvalidInputException.at(at(setting), setting + " of image '" + image + "' is " + path
                            + ", the key " + named.get(j).getKey() + " names (line " + at(named.get(j).getKey())
                            .line() + "): give each its own key" + ownKey(setting, path).map(k -> ", e.g. " + k)
                            .orElse(""));
                }
            }
        }
    }

    /** The key Helm charts use for a setting's value beside the path's parent ({@code .a.prereleaseSuffix}). */
    private static Optional<String> ownKey(String setting, YqPath path) {
        if (path.segments().isEmpty()) {
            return Optional.empty();
        }
        String key = switch (setting) {
            case "valuesPathImage" -> "image";
            case "valuesPathVersion" -> "version";
            default -> "prereleaseSuffix";
        };
        return Optional.of(path.parent().child(key).toString());
    }

    List<String> globs() {
        NodeTuple t = byName.get("paths");
        if (t == null || isNull(t.getValueNode())) {
            throw InvalidInputException.at(entryAt, "image '" + image + "' has no paths: list the source globs"
                    + " whose changes rebuild it, e.g. 'paths: [\"source/my-operator/**/*\"]'");
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            throw InvalidInputException.at(doc.locationOf(t.getValueNode()), "paths of image '" + image
                    + "' must be a list ('- glob' lines), not a " + kind(t.getValueNode()));
        }
        List<String> globs = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s) || isNull(item)) {
                throw InvalidInputException.at(doc.locationOf(item), "paths of image '" + image
                        + "' must hold globs as text");
            }
            String glob = layout.glob(text(s, "an entry of paths"), doc.locationOf(item));
            GlobWarnings.of(glob, image, layout).ifPresent(why -> log.warn(doc.locationOf(item) + ": " + why));
            globs.add(glob);
        }
        if (globs.isEmpty()) {
            throw InvalidInputException.at(doc.locationOf(seq), "paths of image '" + image + "' is empty");
        }
        if (globs.stream().allMatch(g -> g.startsWith("!"))) {
            throw InvalidInputException.at(doc.locationOf(seq), "paths of image '" + image + "' has only '!'"
                    + " entries, and a '!' entry only takes files out of what the other entries match (GitHub"
                    + " refuses such a filter): add the globs the image is built from, e.g."
                    + " 'source/my-operator/**'");
        }
        return globs;
    }

    List<String> platforms() {
        NodeTuple t = byName.get("platforms");
        if (t == null || isNull(t.getValueNode())) {
            return List.of();
        }
        List<String> raw = new ArrayList<>();
        if (t.getValueNode() instanceof ScalarNode s) {
            raw.addAll(Arrays.asList(text(s, "'platforms'").split(",")));
        } else if (t.getValueNode() instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> raw.add(n instanceof ScalarNode s ? text(s, "an entry of platforms")
                    : ""));
        }
        List<String> platforms = raw.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        for (String p : platforms) {
            if (!PLATFORM.matcher(p).matches()) {
                throw InvalidInputException.at(at("platforms"), "platform '" + p + "' of image '" + image
                        + "' is not os/arch[/variant], e.g. 'linux/amd64,linux/arm64'");
            }
            Optional<String> unknown = PlatformNames.unknownPart(Platform.parse(p));
            if (unknown.isPresent()) {
                throw InvalidInputException.at(at("platforms"), "platform '" + p + "' of image '" + image
                        + "' " + unknown.get());
            }
        }
        if (platforms.isEmpty()) {
            throw InvalidInputException.at(at("platforms"), "platforms of image '" + image
                    + "' names no platform: write e.g. 'linux/amd64' or remove the key");
        }
        // buildx builds a platform named twice once; an index with two entries for one platform names neither
        Map<Platform, String> once = new LinkedHashMap<>();
        for (String p : platforms) {
            String first = once.putIfAbsent(Platform.parse(p).normalized(), p);
            if (first != null) {
                log.warn(at("platforms") + ": platforms of image '" + image + "' names " + first
                        + (first.equals(p) ? " twice" : " twice ('" + p + "' is the same platform)")
                        + ": it is built once; list it once");
            }
        }
        // as the OCI names them (x86_64 is amd64), the names the index and the registry carry
        return once.values().stream().map(p -> Platform.parse(p).toString()).toList();
    }

    static String keyName(Node node, SourceLocation at, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw InvalidInputException.at(at, what + " must be a plain name");
        }
        return scalar.getValue().strip();
    }

    private static boolean isMergeKey(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key && Tag.MERGE.equals(key.getTag());
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "text value";
    }
}
