package org.odabuild.core.values;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Follows a {@link YqPath} through a composed YAML node tree the way Helm and yq read values: of duplicate keys the
 * last wins, aliases are shared nodes, and merge keys ({@code <<}) supply keys a mapping does not set itself.
 * The one lookup both the values reader and the values editor use.
 */
public final class NodeLookup {

    /** What a lookup gave: the node at the path, or where the path stopped finding anything. */
    public sealed interface Result permits Found, Miss {
    }

    /** The node at a path, and whether a key on the way was written more than once. */
    public record Found(Node node, boolean duplicateKey) implements Result {
    }

    /**
     * Where a path stops: {@code reached} is the node its first {@code depth} segments name (the root for 0), and the
     * segment after them finds nothing in it.
     */
    public record Miss(Node reached, int depth) implements Result {
    }

    private NodeLookup() {
    }

    public static Optional<Found> find(Node root, YqPath path) {
        return lookup(root, path) instanceof Found found ? Optional.of(found) : Optional.empty();
    }

    public static Result lookup(Node root, YqPath path) {
        Node current = root;
        boolean duplicate = false;
        List<YqPath.Segment> segments = path.segments();
        for (int depth = 0; depth < segments.size(); depth++) {
            YqPath.Segment segment = segments.get(depth);
            Node next = null;
            if (segment instanceof YqPath.Key key) {
                Match match = current instanceof MappingNode mapping ? findKey(mapping, key.name()) : null;
                if (match != null) {
                    duplicate |= match.count() > 1;
                    next = match.value();
                }
            } else {
                int index = ((YqPath.Index) segment).position();
                if (current instanceof SequenceNode sequence && index < sequence.getValue().size()) {
                    next = sequence.getValue().get(index);
                }
            }
            if (next == null) {
                return new Miss(current, depth);
            }
            current = next;
        }
        return new Found(current, duplicate);
    }

    /** The keys a lookup finds in a mapping: its own, then those its merge keys supply, each once. */
    static Set<String> keys(MappingNode mapping) {
        Set<String> keys = new LinkedHashSet<>();
        collectKeys(mapping, keys, Collections.newSetFromMap(new IdentityHashMap<>()));
        return keys;
    }

    private static void collectKeys(MappingNode mapping, Set<String> keys, Set<MappingNode> seen) {
        if (!seen.add(mapping)) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !isMergeKey(key)) {
                keys.add(key.getValue());
            }
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && isMergeKey(key)) {
                mergeSources(tuple.getValueNode()).forEach(source -> collectKeys(source, keys, seen));
            }
        }
    }

    /** What a node is, as messages name it: a mapping, a list, empty or a single value. */
    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return Tag.NULL.equals(node.getTag()) ? "empty" : "a single value";
    }

    private record Match(Node value, int count) {
    }

    private static Match findKey(MappingNode mapping, String name) {
        return findKey(mapping, name, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** @param seen the mappings already searched: a merge key may point back at its own mapping (a cycle) */
    private static Match findKey(MappingNode mapping, String name, Set<MappingNode> seen) {
        if (!seen.add(mapping)) {
            return null;
        }
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
                    Match merged = findKey(source, name, seen);
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
