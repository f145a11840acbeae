package org.odabuild.core.yaml;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What Helm's YAML reader (go-yaml v2, through sigs.k8s.io/yaml) refuses of aliases, checked on SnakeYAML's composed
 * graph, where an anchor and its aliases share one node: an anchor whose value holds an alias to itself ("anchor 'a'
 * value contains itself"), and a document whose aliases expand past go-yaml's share of what it decodes ("excessive
 * aliasing": 99 % up to 400,000 decoded nodes, falling to 10 % at 4,000,000). A document Helm reads is read, however
 * many aliases it has; one it refuses is refused here, before a reader that walks the whole graph loops or
 * expands it.
 */
public final class AliasExpansion {

    private static final int RATIO_RANGE_LOW = 400_000;
    private static final int RATIO_RANGE_HIGH = 4_000_000;

    /** One node being decoded, at its next child slot. */
    private static final class Frame {
        final Node node;
        final List<Node> children;
        /** Entered through an alias: leaving it ends one level of alias depth. */
        final boolean throughAlias;
        int next;

        Frame(Node node, boolean throughAlias) {
            this.node = node;
            this.children = childrenOf(node);
            this.throughAlias = throughAlias;
        }
    }

    private final String displayName;
    /** Per collection, which child slots are aliases: the node was met before, in document order. */
    private final Map<Node, BitSet> aliasSlots = new IdentityHashMap<>();
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private long decoded;
    private long fromAliases;
    private int aliasDepth;

    private AliasExpansion(String displayName) {
        this.displayName = displayName;
    }

    /**
     * @throws InvalidInputException where Helm would refuse the document
     */
    public static void check(Node root, String displayName) {
        if (root != null) {
            new AliasExpansion(displayName).decode(root);
        }
    }

    /** go-yaml's decoder, counting as it counts: the document, every node, an alias and then what it stands for. */
    private void decode(Node root) {
        Set<Node> met = Collections.newSetFromMap(new IdentityHashMap<>());
        count(); // the document node
        met.add(root);
        count();
        Deque<Frame> stack = new ArrayDeque<>();
        enter(stack, root, false);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.next == frame.children.size()) {
                stack.pop();
                onPath.remove(frame.node);
                if (frame.throughAlias) {
                    aliasDepth--;
                }
                continue;
            }
            int slot = frame.next++;
            Node child = frame.children.get(slot);
            boolean alias;
            if (aliasDepth == 0) {
                // no alias on the way: the node's one walk in document order, where a node met before is an alias
                alias = !met.add(child);
                aliasSlots.computeIfAbsent(frame.node, n -> new BitSet()).set(slot, alias);
            } else {
                // inside what an alias stands for: a node written before and walked then
                BitSet aliases = aliasSlots.get(frame.node);
                alias = aliases != null && aliases.get(slot);
            }
            if (!isMergeKey(frame.node, slot)) { // go-yaml decodes what a merge key brings, not the key
                count(); // the node in this slot: the alias itself, or the value written here
            }
            if (alias) {
                if (onPath.contains(child)) {
                    throw containsItself(child);
                }
                aliasDepth++;
                count(); // what the alias stands for
                enter(stack, child, true);
            } else {
                enter(stack, child, false);
            }
        }
    }

    private void enter(Deque<Frame> stack, Node node, boolean throughAlias) {
        onPath.add(node);
        stack.push(new Frame(node, throughAlias));
    }

    private void count() {
        decoded++;
        if (aliasDepth > 0) {
            fromAliases++;
        }
        if (fromAliases > 100 && decoded > 1000 && (double) fromAliases / decoded > allowedRatio(decoded)) {
            throw new InvalidInputException(displayName + ": its aliases expand to more than Helm reads (\"document"
                    + " contains excessive aliasing\": " + fromAliases + " of " + decoded + " values come from"
                    + " aliases): write the values out, or share fewer of them");
        }
    }

    /** go-yaml v2's {@code allowedAliasRatio}. */
    private static double allowedRatio(long decodeCount) {
        if (decodeCount <= RATIO_RANGE_LOW) {
            return 0.99;
        }
        if (decodeCount >= RATIO_RANGE_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodeCount - RATIO_RANGE_LOW) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW));
    }

    private InvalidInputException containsItself(Node anchored) {
        var mark = anchored.getStartMark();
        String anchor = anchored.getAnchor() == null ? "" : " '" + anchored.getAnchor() + "'";
        return new InvalidInputException(new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1)
                + ": the anchor" + anchor + " holds an alias to itself, which Helm refuses (\"anchor value contains"
                + " itself\"): write the value out without the alias");
    }

    private static boolean isMergeKey(Node parent, int slot) {
        return parent instanceof MappingNode mapping && slot % 2 == 0
                && Tag.MERGE.equals(mapping.getValue().get(slot / 2).getKeyNode().getTag());
    }

    private static List<Node> childrenOf(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = mapping.getValue();
            return new AbstractList<>() {
                @Override
                public Node get(int index) {
                    NodeTuple tuple = tuples.get(index / 2);
                    return index % 2 == 0 ? tuple.getKeyNode() : tuple.getValueNode();
                }

                @Override
                public int size() {
                    return tuples.size() * 2;
                }
            };
        }
        return List.of();
    }
}
