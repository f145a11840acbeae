package org.odabuild.core.values;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.odabuild.core.yaml.AliasExpansion;
import org.odabuild.core.yaml.YamlDocument;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Compares what two texts of a YAML file say, not how they say it: comments, quoting and layout do not count, and
 * the values at some paths can be left out (a version that a release bumps, a suffix it clears). Every scalar is
 * kept as its text, so {@code 0.10} and {@code 0.1} stay different.
 */
public final class ValuesData {

    private ValuesData() {
    }

    /** True when both texts hold the same data once the given paths are removed; unreadable text differs. */
    public static boolean sameExcept(String a, String b, List<YqPath> ignored) {
        return sameExcept(a, ignored, b, ignored);
    }

    /**
     * True when both texts hold the same data once each one's paths are removed (an entry whose keys moved between
     * the two texts); unreadable text differs. A mapping left empty by a removal goes with it: the entry's parent
     * was the entry's own, not data of the file.
     */
    public static boolean sameExcept(String a, List<YqPath> ignoredInA, String b, List<YqPath> ignoredInB) {
        try {
            return Objects.equals(load(a, ignoredInA), load(b, ignoredInB));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Object> load(String text, List<YqPath> ignored) {
        LoaderOptions options = YamlDocument.loaderOptions();
        options.setWarnOnDuplicateKeys(false); // the readers warn about them, with the line; no stderr noise here
        TextConstructor constructor = new TextConstructor(options);
        Yaml yaml = new Yaml(constructor, new Representer(new DumperOptions()), new DumperOptions(),
                options,
                new Resolver() {
                    @Override
                    protected void addImplicitResolvers() {
                        // every scalar stays text: 0.10 is not 0.1
                    }
                });
        List<Object> documents = new ArrayList<>();
        for (Node node : yaml.composeAll(new StringReader(text))) {
            // an anchor holding itself would be a list holding itself, which equals() follows without end
            AliasExpansion.check(node, "the text compared");
            Object doc = constructor.construct(node);
            ignored.forEach(p -> remove(doc, p));
            documents.add(doc);
        }
        return documents;
    }

    /** SnakeYAML's safe constructor, for documents composed (and checked) first. */
    private static final class TextConstructor extends SafeConstructor {

        TextConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object doc, YqPath path) {
        List<YqPath.Segment> segments = path.segments();
        List<Map<?, ?>> parents = new ArrayList<>(); // the mappings the path went through by key, outermost first
        Object current = doc;
        for (int i = 0; i < segments.size() && current != null; i++) {
            boolean last = i == segments.size() - 1;
            YqPath.Segment s = segments.get(i);
            if (s instanceof YqPath.Key k && current instanceof Map<?, ?> map) {
                if (last) {
                    if (map.containsKey(k.name())) {
                        map.remove(k.name());
                        prune(parents, segments, map);
                    }
                    return;
                }
                parents.add(map);
                current = map.get(k.name());
            } else if (s instanceof YqPath.Index x && current instanceof List<?> list
                    && x.position() < list.size()) {
                if (last) {
                    ((List<Object>) list).set(x.position(), null);
                    return;
                }
                parents.clear(); // a list's elements keep their places: nothing above one is pruned
                current = list.get(x.position());
            } else {
                return;
            }
        }
    }

    /** Removes the mappings that the removal of a path's last key left empty, innermost first. */
    private static void prune(List<Map<?, ?>> parents, List<YqPath.Segment> segments, Map<?, ?> emptied) {
        Map<?, ?> child = emptied;
        for (int i = parents.size() - 1; i >= 0 && child.isEmpty(); i--) {
            Map<?, ?> parent = parents.get(i);
            // the parents are the mappings of the keys just before the last one: parent i holds that run's key i
            parent.remove(((YqPath.Key) segments.get(segments.size() - 1 - parents.size() + i)).name());
            child = parent;
        }
    }
}
