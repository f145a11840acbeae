package org.odabuild.core.values;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.yaml.YamlDocument;
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
        Optional<Node> rootNode = yaml.root();
        if (rootNode.isEmpty()) {
            return Optional.empty();
        }
        Node current = rootNode.get();
        boolean duplicate = false;
        for (YqPath.Segment segment : path.segments()) {
            if (segment instanceof YqPath.Key key) {
                if (!(current instanceof MappingNode mapping)) {
                    return Optional.empty();
                }
                Match match = findKey(mapping, key.name());
                if (match == null) {
                    return Optional.empty();
                }
                duplicate |= match.count() > 1;
                current = match.value();
            } else {
                int index = ((YqPath.Index) segment).position();
                if (!(current instanceof SequenceNode sequence) || index >= sequence.getValue().size()) {
                    return Optional.empty();
                }
                current = sequence.getValue().get(index);
            }
        }
        if (current instanceof ScalarNode scalar) {
            boolean isNull = Tag.NULL.equals(scalar.getTag());
            return Optional.of(new ScalarValue(scalar.getValue(), isNull, yaml.locationOf(scalar), duplicate));
        }
        String kind = current instanceof MappingNode ? "a mapping" : "a list";
        throw InvalidInputException.at(yaml.locationOf(current), "'" + path + "' is " + kind
                + ", not a single value: point the path at a scalar such as '" + path + ".version'");
    }

    /**
     * @param file      the values file, for the message
     * @param whatFor   which config key names the path, for the message
     * @throws InvalidInputException naming the path and file when absent
     */
    public ScalarValue require(YqPath path, String whatFor) {
        return find(path).orElseThrow(() -> new InvalidInputException(yaml.displayName() + ": has no value at '"
                + path + "' (" + whatFor + "): add it to the file or fix the path in dockerbuild-config.yaml"));
    }

    private record Match(Node value, int count) {
    }

    private static Match findKey(MappingNode mapping, String name) {
        Node last = null;
        int count = 0;
        List<NodeTuple> tuples = mapping.getValue();
        for (NodeTuple tuple : tuples) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !isMergeKey(key) && key.getValue().equals(name)) {
                last = tuple.getValueNode();
                count++;
            }
        }
        if (last != null) {
            return new Match(last, count);
        }
        // explicit keys win over merged ones; of several merged maps the first one that has the key wins
        for (NodeTuple tuple : tuples) {
            if (tuple.getKeyNode() instanceof ScalarNode key && isMergeKey(key)) {
                for (MappingNode source : mergeSources(tuple.getValueNode())) {
                    Match merged = findKey(source, name);
                    if (merged != null) {
                        return merged;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isMergeKey(ScalarNode key) {
        return Tag.MERGE.equals(key.getTag());
    }

    private static List<MappingNode> mergeSources(Node value) {
        if (value instanceof MappingNode m) {
            return List.of(m);
        }
        if (value instanceof SequenceNode s) {
            return s.getValue().stream().filter(MappingNode.class::isInstance).map(MappingNode.class::cast).toList();
        }
        return List.of();
    }
}
