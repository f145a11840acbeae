package org.odabuild.core.values;

import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Says why a yq path finds nothing in a values file: where it stops and, when a key looks mistyped, the key that is
 * there. A typo in a {@code valuesPath...} of dockerbuild-config.yaml is the usual cause.
 */
final class MissingValue {

    /** A key this many edits away from the one asked is offered as the one meant. */
    private static final int MAX_EDITS = 2;

    private MissingValue() {
    }

    /** e.g. {@code '.oda-webhook' has no key 'verison' but has 'version'} */
    static String explain(YqPath path, NodeLookup.Miss miss) {
        String at = miss.depth() == 0 ? "the top level" : "'" + path.prefix(miss.depth()) + "'";
        Node reached = miss.reached();
        if (path.segments().get(miss.depth()) instanceof YqPath.Key key) {
            if (!(reached instanceof MappingNode mapping)) {
                return at + " is " + NodeLookup.kind(reached) + ", so it has no key '" + key.name() + "'";
            }
            Set<String> keys = NodeLookup.keys(mapping);
            return at + " has no key '" + key.name() + "'" + closest(key.name(), keys)
                    .map(k -> " but has '" + k + "'").orElse(keys.isEmpty() ? " (it has no keys)" : "");
        }
        int index = ((YqPath.Index) path.segments().get(miss.depth())).position();
        if (reached instanceof SequenceNode list) {
            int size = list.getValue().size();
            return at + " has " + size + (size == 1 ? " entry" : " entries") + ", so [" + index + "] is past its end";
        }
        return at + " is " + NodeLookup.kind(reached) + ", not a list, so [" + index + "] finds nothing";
    }

    /** The one key that differs only in case, else the one nearest within {@link #MAX_EDITS} edits (no tie). */
    static Optional<String> closest(String asked, Set<String> keys) {
        Optional<String> sameLetters = keys.stream().filter(asked::equalsIgnoreCase).findFirst();
        if (sameLetters.isPresent()) {
            return sameLetters;
        }
        String best = null;
        int tooFar = MAX_EDITS + 1;
        int bestEdits = tooFar;
        boolean tie = false;
        for (String key : keys) {
            int edits = edits(asked, key, tooFar);
            if (edits < bestEdits) {
                best = key;
                bestEdits = edits;
                tie = false;
            } else if (edits == bestEdits && edits < tooFar) {
                tie = true;
            }
        }
        // a two-letter key is two edits from any other: offer a guess only where most of the name is kept
        return best == null || tie || bestEdits * 2 >= asked.length() ? Optional.empty() : Optional.of(best);
    }

    /** Levenshtein distance, or {@code limit} as soon as it cannot be less (the keys of a large file stay cheap). */
    private static int edits(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
