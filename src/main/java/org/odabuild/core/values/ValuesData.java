package org.odabuild.core.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.odabuild.core.yaml.YamlDocument;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
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
        try {
            return Objects.equals(load(a, ignored), load(b, ignored));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Object> load(String text, List<YqPath> ignored) {
        LoaderOptions options = YamlDocument.loaderOptions();
        options.setWarnOnDuplicateKeys(false); // the readers warn about them, with the line; no stderr noise here
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options,
                new Resolver() {
                    @Override
                    protected void addImplicitResolvers() {
                        // every scalar stays text: 0.10 is not 0.1
                    }
                });
        List<Object> documents = new ArrayList<>();
        for (Object doc : yaml.loadAll(text)) {
            ignored.forEach(p -> remove(doc, p));
            documents.add(doc);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object doc, YqPath path) {
        List<YqPath.Segment> segments = path.segments();
        Object current = doc;
        for (int i = 0; i < segments.size() && current != null; i++) {
            boolean last = i == segments.size() - 1;
            YqPath.Segment s = segments.get(i);
            if (s instanceof YqPath.Key k && current instanceof Map<?, ?> map) {
                if (last) {
                    map.remove(k.name());
                }
                current = map.get(k.name());
            } else if (s instanceof YqPath.Index x && current instanceof List<?> list
                    && x.position() < list.size()) {
                if (last) {
                    ((List<Object>) list).set(x.position(), null);
                }
                current = list.get(x.position());
            } else {
                return;
            }
        }
    }
}
