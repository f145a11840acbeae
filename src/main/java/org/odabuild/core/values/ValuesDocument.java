package org.odabuild.core.values;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.NearestName;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.yaml.YamlDocument;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A Helm values file read the way Helm and yq read it: comments ignored, aliases and merge keys ({@code <<})
 * followed, and of duplicate keys the last one wins.
 */
public final class ValuesDocument {

    private final YamlDocument yaml;

    private ValuesDocument(YamlDocument yaml) {
        this.yaml = yaml;
    }

    public static ValuesDocument load(Path file, String displayName) {
        return new ValuesDocument(YamlDocument.load(file, displayName));
    }

    /** Values text held in memory, e.g. the file at the base commit. */
    public static ValuesDocument parse(String content, String displayName) {
        return new ValuesDocument(YamlDocument.parse(content, displayName));
    }

    public String displayName() {
        return yaml.displayName();
    }

    /**
     * The scalar at {@code path}, or empty when some key or index on the way does not exist.
     *
     * @throws InvalidInputException when the path names a mapping or a sequence instead of a scalar
     */
    public Optional<ScalarValue> find(YqPath path) {
        return yaml.root().map(root -> NodeLookup.lookup(root, path)).flatMap(result ->
                result instanceof NodeLookup.Found found ? Optional.of(scalar(path, found)) : Optional.empty());
    }

    /**
     * Where the mapping stands that the path's last key is absent from, when that is all that is missing and no key
     * of the mapping looks like it was meant (a typo is still an error): yq and Helm read such a key as null. Empty
     * when the path finds a value, or stops earlier, or at a list.
     */
    public Optional<SourceLocation> mappingWithoutLastKey(YqPath path) {
        return yaml.root().map(root -> NodeLookup.lookup(root, path))
                .filter(NodeLookup.Miss.class::isInstance).map(NodeLookup.Miss.class::cast)
                .filter(miss -> miss.depth() == path.segments().size() - 1 && miss.reached() instanceof MappingNode
                        && path.segments().get(miss.depth()) instanceof YqPath.Key key
                        && NearestName.closest(key.name(), NodeLookup.keys((MappingNode) miss.reached())).isEmpty())
                .map(miss -> yaml.locationOf(miss.reached()));
    }

    /**
     * @param whatFor which config key names the path, for the message
     * @throws InvalidInputException naming the file, the line where the path stops finding anything and why
     */
    public ScalarValue require(YqPath path, String whatFor) {
        String problem = "has no value at '" + path + "' (" + whatFor + "): ";
        String fix = "; add it to the file or fix the path in dockerbuild-config.yaml";
        if (yaml.root().isEmpty()) {
            throw new InvalidInputException(yaml.displayName() + ": " + problem + "the file is empty" + fix);
        }
        NodeLookup.Result result = NodeLookup.lookup(yaml.root().get(), path);
        if (result instanceof NodeLookup.Miss miss) {
            String elsewhere = PathElsewhere.find(yaml.root().get(), path, miss.depth())
                    .map(place -> "; the file has '" + place.path() + "' at line "
                            + yaml.locationOf(place.node()).line() + ": point the path there in "
                            + "dockerbuild-config.yaml, or add the value to the file")
                    .orElse(fix);
            throw InvalidInputException.at(yaml.locationOf(miss.reached()), problem + MissingValue.explain(path, miss)
                    + elsewhere);
        }
        return scalar(path, (NodeLookup.Found) result);
    }

    /** One text value of the file, by the path that reaches it first. */
    public record Text(YqPath path, String text, SourceLocation location) {
    }

    /**
     * Every text value of the file (not the keys), each once: a value an alias names again is not repeated. Walked
     * without recursion, so a deeply nested file costs no stack.
     */
    public List<Text> texts() {
        List<Text> texts = new ArrayList<>();
        if (yaml.root().isEmpty()) {
            return texts;
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Map.Entry<YqPath, Node>> next = new ArrayDeque<>();
        next.push(Map.entry(new YqPath(".", List.of()), yaml.root().get()));
        while (!next.isEmpty()) {
            Map.Entry<YqPath, Node> at = next.pop();
            Node node = at.getValue();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof ScalarNode scalar) {
                if (!Tag.NULL.equals(scalar.getTag())) {
                    texts.add(new Text(at.getKey(), scalar.getValue(), yaml.locationOf(scalar)));
                }
            } else if (node instanceof MappingNode mapping) {
                List<NodeTuple> tuples = mapping.getValue();
                for (int i = tuples.size() - 1; i >= 0; i--) { // pushed last first: popped in the file's order
                    if (tuples.get(i).getKeyNode() instanceof ScalarNode key) { // a key that is a mapping: no path
                        next.push(Map.entry(at.getKey().child(key.getValue()), tuples.get(i).getValueNode()));
                    }
                }
            } else if (node instanceof SequenceNode sequence) {
                for (int i = sequence.getValue().size() - 1; i >= 0; i--) {
                    next.push(Map.entry(at.getKey().at(i), sequence.getValue().get(i)));
                }
            }
        }
        return texts;
    }

    /**
     * Helm (go-yaml v2) reads a value tagged with one of YAML's own types as that type ({@code !!binary} decoded from
     * base64); {@code !!str} and tags of the file's own ({@code !local}) leave the text as it is. {@code !!null} on
     * a null ({@code !!null ~}) is no tag {@link YamlDocument#writtenTag} reports, and on any other text go-yaml
     * refuses the file.
     */
    private static boolean readAsAnotherType(String tag) {
        return tag.startsWith("!!") && !tag.equals("!!str");
    }

    private ScalarValue scalar(YqPath path, NodeLookup.Found found) {
        if (found.node() instanceof ScalarNode scalar) {
            boolean isNull = Tag.NULL.equals(scalar.getTag());
            Optional<String> tag = YamlDocument.writtenTag(scalar);
            tag.filter(ValuesDocument::readAsAnotherType).ifPresent(t -> {
                String value = Excerpt.of(scalar.getValue());
                String text = ": remove the tag and write the value as text";
                throw InvalidInputException.at(yaml.locationOf(scalar), "'" + path + "' has the YAML tag '" + t
                        + "': " + switch (t) {
                            case "!!binary" -> "Helm decodes it from base64, so the chart would not use '" + value
                                    + "' as the plugin does" + text;
                            case "!!null" -> "Helm refuses the file, as '" + value + "' is no null (\"cannot decode"
                                    + " ... as a !!null\")" + text + " (or nothing, for no value)";
                            default -> "Helm reads '" + value + "' as that type, not as the text the plugin reads"
                                    + text;
                        });
            });
            // a tagged value (!!str no, !local no) is text to Helm, whatever its words
            return new ScalarValue(scalar.getValue(), isNull, yaml.locationOf(scalar), found.duplicateKey(),
                    scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && tag.isEmpty());
        }
        String fix = found.node() instanceof MappingNode mapping
                ? NodeLookup.keys(mapping).stream().findFirst().map(k -> "point the path at one of its values, e.g. '"
                        + path.child(k) + "'").orElse("give it a single value")
                : "give it a single value, or point the path at an entry such as '" + path + "[0]'";
        throw InvalidInputException.at(yaml.locationOf(found.node()), "'" + path + "' is "
                + NodeLookup.kind(found.node()) + ", not a single value: " + fix);
    }
}
