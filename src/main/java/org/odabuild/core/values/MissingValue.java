package org.odabuild.core.values;

import java.util.Set;
import org.odabuild.core.NearestName;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Says why a yq path finds nothing in a values file: where it stops and, when a key looks mistyped, the key that is
 * there. A typo in a {@code valuesPath...} of dockerbuild-config.yaml is the usual cause.
 */
final class MissingValue {

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
            return at + " has no key '" + key.name() + "'" + NearestName.closest(key.name(), keys)
                    .map(k -> " but has '" + k + "'").orElse(keys.isEmpty() ? " (it has no keys)" : "");
        }
        int index = ((YqPath.Index) path.segments().get(miss.depth())).position();
        if (reached instanceof SequenceNode list) {
            int size = list.getValue().size();
            return at + " has " + size + (size == 1 ? " entry" : " entries") + ", so [" + index + "] is past its end";
        }
        return at + " is " + NodeLookup.kind(reached) + ", not a list, so [" + index + "] finds nothing";
    }
}
