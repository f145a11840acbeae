package org.odabuild.core.values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The one place a values file holds what a path that finds nothing asks for, under other keys above it. In oda-canvas'
 * history an entry asked for {@code .api-operator-kong.kongoperatorimage.kongopImage} while the chart kept it at
 * {@code .kong-gateway.kongoperatorimage.kongopImage}: a parent renamed or moved, not a typo of one key.
 */
final class PathElsewhere {

    /** A single value found by its keys, and its node (for the line). */
    record Place(YqPath path, Node node) {
    }

    /** Values files nest a few levels deep; a deeper walk would only follow aliases round. */
    private static final int MAX_DEPTH = 32;
    /**
     * Nodes looked at before the search gives up: aliases make a file a graph, and a few dozen of them can stand for
     * millions of paths (oda-canvas' largest values file has a few thousand nodes).
     */
    private static final int MAX_NODES = 200_000;

    private PathElsewhere() {
    }

    /**
     * The single value whose keys end with every key of {@code path} after the one that finds nothing, and with at
     * least its last two keys, ending with more of them than any other value does; empty when none or several tie, or
     * the path has a list index. One shared key is not enough: {@code .op.version} missing would point at another
     * image's {@code .other.version}.
     */
    static Optional<Place> find(Node root, YqPath path, int missDepth) {
        List<String> asked = new ArrayList<>();
        for (YqPath.Segment segment : path.segments()) {
            if (!(segment instanceof YqPath.Key key)) {
                return Optional.empty();
            }
            asked.add(key.name());
        }
        int atLeast = Math.max(2, asked.size() - missDepth - 1);
        Search search = new Search(asked, atLeast);
        search.walk(root, new ArrayList<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
        return search.best.size() == 1 && search.visited <= MAX_NODES ? Optional.of(search.best.get(0))
                : Optional.empty();
    }

    private static final class Search {
        private final List<String> asked;
        private int longest;
        private final List<Place> best = new ArrayList<>();
        private int visited;

        Search(List<String> asked, int atLeast) {
            this.asked = asked;
            this.longest = atLeast;
        }

        void walk(Node node, List<String> keys, Set<Node> onTheWay) {
            if (++visited > MAX_NODES) {
                return;
            }
            if (node instanceof ScalarNode) {
                offer(keys, node);
                return;
            }
            if (!(node instanceof MappingNode mapping) || keys.size() >= MAX_DEPTH || !onTheWay.add(node)) {
                return; // lists are not searched: a valuesPath with an index is left to the key-by-key message
            }
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    keys.add(key.getValue());
                    walk(tuple.getValueNode(), keys, onTheWay);
                    keys.remove(keys.size() - 1);
                }
            }
            onTheWay.remove(node);
        }

        private void offer(List<String> keys, Node node) {
            int common = 0;
            while (common < keys.size() && common < asked.size()
                    && keys.get(keys.size() - 1 - common).equals(asked.get(asked.size() - 1 - common))) {
                common++;
            }
            if (common > longest) {
                longest = common;
                best.clear();
            }
            if (common == longest) { // never below the least asked: longest starts there
                YqPath at = YqPath.parse(".");
                for (String key : keys) {
                    at = at.child(key); // only for a candidate: most values are not one
                }
                best.add(new Place(at, node));
            }
        }
    }
}
