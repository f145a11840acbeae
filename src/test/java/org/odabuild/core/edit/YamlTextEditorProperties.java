package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.values.YqPath;
import org.odabuild.testing.Fixtures;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * An edit of oda-canvas' real values file holds whatever else the file says: comments in any script, emoji included
 * (which YAML counts as one character and Java as two), before or after the value, never move the edit or stop it,
 * and only the edited lines change.
 */
class YamlTextEditorProperties {

    private static final String ORIGINAL = read("charts/canvas-oda/values.yaml");
    /** Version and suffix paths of images kept in canvas-oda's values file, from oda-canvas' config. */
    private static final List<String[]> ENTRIES = List.of(
            new String[] {".oda-webhook.version", ".oda-webhook.prereleaseSuffix"},
            new String[] {".component-operator.deployment.compopVersion",
                ".component-operator.deployment.compopPrereleaseSuffix"},
            new String[] {".secretsmanagement-operator.sidecarVersion",
                ".secretsmanagement-operator.sidecarPrereleaseSuffix"},
            new String[] {".api-operator-kong.kongoperatorimage.kongopVersion",
                ".api-operator-kong.kongoperatorimage.kongopPrereleaseSuffix"});

    @Property(tries = 100)
    void commentsInAnyScriptNeverMoveOrStopAnEdit(@ForAll("comments") List<String> comments,
            @ForAll("seeds") long seed) {
        String commented = withComments(ORIGINAL, comments, seed);
        String[] entry = ENTRIES.get((int) Math.floorMod(seed, (long) ENTRIES.size()));

        YamlTextEditor editor = new YamlTextEditor("values.yaml", commented);
        editor.set(YqPath.parse(entry[0]), "9.9.9", Optional.empty());
        editor.set(YqPath.parse(entry[1]), "issue42", Optional.empty());

        assertThat(editor.get(YqPath.parse(entry[0]))).contains("9.9.9");
        assertThat(editor.get(YqPath.parse(entry[1]))).contains("issue42");
        assertThat(YamlTextEditorTest.changedLines(commented, editor.text())).as("only the two edited lines change")
                .hasSize(2).allSatisfy(line -> assertThat(line).containsAnyOf("9.9.9", "issue42"));
    }

    /**
     * Against SnakeYAML's reading (YAML 1.1 types, as Helm's): an edit of a random file changes exactly the edited
     * value, to the text wanted (or to no value when cleared), and every other value keeps its text and its type. It
     * is refused only where the value is shared through an anchor, or a key would go into a {@code {...}} mapping
     * after an alias.
     */
    @Property(tries = 1000)
    void anEditChangesExactlyTheEditedValueAsAYamlReaderSeesIt(@ForAll("seeds") long seed) {
        RandomYaml yaml = new RandomYaml(seed);
        Object before = load(yaml.text());
        List<Object> scalar = yaml.scalars().get(yaml.random().nextInt(yaml.scalars().size()));
        String value = VALUES.get(yaml.random().nextInt(VALUES.size()));
        boolean adding = yaml.random().nextInt(5) == 0 && scalar.get(scalar.size() - 1) instanceof String;
        List<Object> target = new ArrayList<>(scalar);
        if (adding) {
            target.set(target.size() - 1, "newKey");
        }
        YamlTextEditor editor = new YamlTextEditor("v.yaml", yaml.text());
        try {
            editor.set(yq(target), value, adding ? Optional.of(yq(scalar)) : Optional.empty());
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).as(yaml.text()).satisfiesAnyOf(
                    m -> assertThat(m).contains("({...}) after").contains("which is not a plain value"),
                    m -> assertThat(m).contains("cannot be changed on its own").satisfies(
                            x -> assertThat(usesOf(yaml.text(), target)).as("uses of the node").isGreaterThan(1)));
            assertThat(editor.text()).isEqualTo(yaml.text());
            return;
        }
        Object after = load(editor.text());
        assertThat(after).as(yaml.text() + "\n=>\n" + editor.text()).isIn(set(before, target, value),
                value.isEmpty() ? set(before, target, null) : set(before, target, value));
    }

    private static final List<String> VALUES = List.of("1.2.3", "", "issue-42", "no", "1.10", "x y", "a#b", "it's", "a,b}",
            "q\"x", "yes", "~", "-x", "x: y", "@a", "*b", "&c", "!d", "%e", "`f", "a\\b", "1e3", "a\tb", "#x");

    private static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        return new Yaml(options).load(text);
    }

    /** A copy of {@code root} with the value at {@code path} replaced (or added). */
    @SuppressWarnings("unchecked")
    private static Object set(Object root, List<Object> path, Object value) {
        Object copy = copy(root);
        Object here = copy;
        for (int i = 0; i < path.size(); i++) {
            Object segment = path.get(i);
            boolean last = i == path.size() - 1;
            if (segment instanceof Integer n) {
                List<Object> list = (List<Object>) here;
                here = last ? list.set(n, value) : list.get(n);
            } else {
                Map<Object, Object> map = (Map<Object, Object>) here;
                Object key = map.keySet().stream().filter(k -> String.valueOf(k).equals(segment)).findFirst()
                        .orElse(segment);
                here = last ? map.put(key, value) : map.get(key);
            }
        }
        return copy;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        return value instanceof List<?> list ? new ArrayList<Object>(list.stream().map(v -> copy(v)).toList()) : value;
    }

    /** How many places of the file hold the node at {@code path} (more than one through aliases). */
    private static int usesOf(String text, List<Object> path) {
        Node root = new Yaml().compose(new StringReader(text));
        Node node = root;
        for (Object segment : path) {
            node = segment instanceof Integer n ? ((SequenceNode) node).getValue().get(n)
                    : ((MappingNode) node).getValue().stream().filter(t -> ((ScalarNode) t.getKeyNode()).getValue()
                            .equals(segment)).reduce((a, b) -> b).map(NodeTuple::getValueNode).orElseThrow();
        }
        return uses(root, node);
    }

    private static int uses(Node in, Node node) {
        int here = in == node ? 1 : 0;
        if (in instanceof MappingNode map) {
            return here + map.getValue().stream().mapToInt(t -> uses(t.getValueNode(), node)).sum();
        }
        return here + (in instanceof SequenceNode list ? list.getValue().stream().mapToInt(v -> uses(v, node)).sum()
                : 0);
    }

    private static YqPath yq(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object segment : path) {
            sb.append(segment instanceof Integer n ? "[" + n + "]" : segment.toString().matches("[A-Za-z0-9_-]+")
                    ? "." + segment : ".\"" + segment + "\"");
        }
        return YqPath.parse(sb.toString());
    }

    /**
     * The text with a comment line before some top-level keys and some comments at the end of existing comment
     * lines: places where a comment never changes what the file says.
     */
    private static String withComments(String text, List<String> comments, long seed) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean pick = !comments.isEmpty() && Math.floorMod(seed + i * 31L, 7L) == 0;
            if (pick && !line.isEmpty() && Character.isLetter(line.charAt(0))) {
                out.add("# " + comments.get(next++ % comments.size()));
            } else if (pick && line.strip().startsWith("#")) {
                line = line + " " + comments.get(next++ % comments.size());
            }
            out.add(line);
        }
        return String.join("\n", out);
    }

    @Provide
    Arbitrary<List<String>> comments() {
        return Arbitraries.of("deploy \uD83D\uDE80", "\uD83D\uDC4D", "caf\u00e9", "\u65e5\u672c\u8a9e", "x: y",
                "\uD800\uDC00", "'quoted'", "\"q\"", "- item", "\t tab", "\uD83C\uDDE9\uD83C\uDDEA flag")
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static String read(String relative) {
        try {
            return Files.readString(Fixtures.odaCanvasSource().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
