package org.odabuild.core.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.values.HelmReading;
import org.odabuild.core.values.NodeLookup;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.yaml.YamlDocument;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Changes scalars of a YAML text in place: only the characters of the edited value change, so comments, order,
 * quoting, indentation, blank lines and line endings stay as they were. Every edit is verified by parsing the
 * result: if anything but the edited value changed (an alias shared the node, say), the edit is refused.
 */
public final class YamlTextEditor {

    /** A node's text that starts with an explicit tag, after its anchor if it has one. */
    private static final Pattern TAGGED = Pattern.compile("(&\\S+\\s+)?!");
    /** Plain in any YAML: an image reference (name:tag) too, its ':' not before a space; digits:digits are not. */
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*"
            + "|(?=.*[A-Za-z/])[A-Za-z0-9][A-Za-z0-9._/-]*(:[A-Za-z0-9._/-]++)++");

    private final String displayName;
    private String text;
    /** The tree of {@code text}, parsed once per change of the text. */
    private Node root;
    private final List<ScalarEdit> edits = new ArrayList<>();

    public YamlTextEditor(String displayName, String text) {
        this.displayName = displayName;
        this.text = text;
        this.root = parse(text); // refuses multi-document and broken files up front
    }

    public String text() {
        return text;
    }

    public List<ScalarEdit> edits() {
        return List.copyOf(edits);
    }

    /** The current value at the path, empty when the path does not exist. */
    public Optional<String> get(YqPath path) {
        return find(root(), path).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    /** Where the value at {@code path} starts, whatever its kind; empty when there is none (or no document). */
    public Optional<SourceLocation> where(YqPath path) {
        return find(root, path).map(this::location);
    }

    /**
     * Sets the scalar at {@code path}; when only its last key is missing, adds it after {@code insertAfter}'s line
     * with the same indentation.
     */
    public void set(YqPath path, String value, Optional<YqPath> insertAfter) {
        Optional<Node> node = find(root(), path);
        if (node.isEmpty()) {
            YqPath anchor = insertAfter.orElseThrow(() -> new InvalidInputException(displayName + ": has no value at '"
                    + path + "' to change"));
            insert(root(), path, value, anchor);
            return;
        }
        if (!(node.get() instanceof ScalarNode scalar)) {
            throw InvalidInputException.at(location(node.get()), "'" + path + "' is not a single value");
        }
        String old = scalar.getValue();
        boolean wasNull = Tag.NULL.equals(scalar.getTag());
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        boolean readAsText = style != DumperOptions.ScalarStyle.PLAIN || HelmReading.differs(old).isEmpty()
                || TAGGED.matcher(text.substring(offset(scalar.getStartMark()), offset(scalar.getEndMark())))
                        .lookingAt(); // !!str no is the text
        if ((old.equals(value) && readAsText) || (wasNull && value.isEmpty())) {
            return; // but a plain "no" set to the text "no" is quoted: Helm reads the plain one as false
        }
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            throw InvalidInputException.at(location(scalar), "'" + path + "' is a block scalar; edit it by hand");
        }
        int start = offset(scalar.getStartMark());
        int end = offset(scalar.getEndMark());
        while (start < end && (text.charAt(start) == '!' || text.charAt(start) == '&')) {
            // an anchor (&v) or an explicit tag (!!str) stays: the node starts at them, the value after them
            while (start < end && !Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                start++;
            }
        }
        String replacement = render(value, style);
        if (value.isEmpty() && style == DumperOptions.ScalarStyle.PLAIN && start > 0 && text.charAt(start - 1) == ' '
                && (end == text.length() || text.charAt(end) == '\n' || text.charAt(end) == '\r')) {
            start--; // clearing a value at the end of its line leaves "key:", not "key: "
        } else if (value.isEmpty() && style == DumperOptions.ScalarStyle.PLAIN && start > 0
                && text.charAt(start - 1) == ' ' && text.startsWith(" #", end)) {
            start--; // "key: x # note" is cleared to "key: # note", as it was before it was filled
        }
        int blankFrom = start;
        int blankTo = end;
        while (blankFrom > 0 && (text.charAt(blankFrom - 1) == ' ' || text.charAt(blankFrom - 1) == '\t')) {
            blankFrom--;
        }
        while (blankTo < text.length() && (text.charAt(blankTo) == ' ' || text.charAt(blankTo) == '\t')) {
            blankTo++;
        }
        if (start == end && !replacement.isEmpty() && blankFrom < blankTo && (blankTo == text.length()
                || text.charAt(blankTo) == '\n' || text.charAt(blankTo) == '\r')) {
            // "key:  " filled: one space before the value and none left after it
            start = blankFrom;
            end = blankTo;
            replacement = " " + replacement;
        } else if (start == end) {
            // an empty value: reuse the separator space after the colon, or add one
            if (start < text.length() && text.charAt(start) == ' ') {
                start++;
                end++;
            } else if (start > 0 && text.charAt(start - 1) != ' ' && !replacement.isEmpty()) {
                replacement = " " + replacement; // after "key:" or a tag ("key: !!str")
            }
            if (start < text.length() && text.charAt(start) == '#' && !replacement.isEmpty()) {
                replacement = replacement + " "; // "key: # note" -> "key: x # note": '#' right after text is text
            }
        }
        change(text.substring(0, start) + replacement + text.substring(end), path, value, location(scalar));
        edits.add(new ScalarEdit(displayName, scalar.getStartMark().getLine() + 1, path.toString(),
                wasNull ? "" : old, value));
    }

    private void insert(Node root, YqPath path, String value, YqPath after) {
        Node anchorNode = find(root, after).orElseThrow(() -> new InvalidInputException(displayName
                + ": has neither '" + path + "' nor '" + after + "' to add it after"));
        if (!path.parent().segments().equals(after.parent().segments())) {
            throw new InvalidInputException(displayName + ": cannot add '" + path + "': it is not beside '" + after
                    + "'");
        }
        // the anchor was found under its parent path, so the parent is a mapping holding it; anything else is a
        // document this editor cannot place a new key in (e.g. an alias), said as such
        MappingNode parent = find(root, after.parent()).filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast).orElse(null);
        NodeTuple tuple = parent == null ? null : parent.getValue().stream()
                .filter(t -> t.getValueNode() == anchorNode).reduce((a, b) -> b).orElse(null);
        if (tuple == null) {
            throw new InvalidInputException(displayName + ": cannot add '" + path + "' after '" + after + "': its"
                    + " parent is not a plain mapping (an alias or a merge key?); add the key by hand");
        }
        String key = ((YqPath.Key) path.segments().get(path.segments().size() - 1)).name();
        if (parent.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            insertInFlow(tuple, anchorNode, path, key, value, after);
            return;
        }
        int keyColumn = tuple.getKeyNode().getStartMark().getColumn();
        // an alias (version: *v) has the marks of the node it names, written elsewhere: its line is the key's
        Mark lineOf = anchorNode.getStartMark().getIndex() < tuple.getKeyNode().getStartMark().getIndex()
                ? tuple.getKeyNode().getEndMark() : anchorNode.getEndMark();
        int lineEnd = text.indexOf('\n', offset(lineOf));
        String newline = lineEnd > 0 && text.charAt(lineEnd - 1) == '\r' ? "\r\n" : "\n";
        String line = " ".repeat(keyColumn) + key + ":" + (value.isEmpty() ? "" : " " + render(value,
                DumperOptions.ScalarStyle.PLAIN)) + newline;
        int at = lineEnd < 0 ? text.length() : lineEnd + 1;
        String prefix = lineEnd < 0 ? text + newline : text.substring(0, at);
        change(prefix + line + (lineEnd < 0 ? "" : text.substring(at)), path, value, location(anchorNode));
        edits.add(new ScalarEdit(displayName, anchorNode.getStartMark().getLine() + 2, path.toString(), null, value));
    }

    /**
     * {@code {image: x, version: 1.0.0}} gains {@code , prereleaseSuffix: rc1} right after the value it is added
     * after: on that value's line, whether the braces are on one line or several.
     */
    private void insertInFlow(NodeTuple tuple, Node anchorNode, YqPath path, String key, String value,
            YqPath after) {
        if (anchorNode.getStartMark().getIndex() < tuple.getKeyNode().getStartMark().getIndex()
                || !(anchorNode instanceof ScalarNode)) {
            // an alias has the marks of the node it names, and a collection's end is not where its text ends
            throw InvalidInputException.at(location(anchorNode), "cannot add '" + key + "' to '" + after.parent()
                    + "' ({...}) after '" + after + "', which is not a plain value; add '" + key + ": "
                    + render(value, DumperOptions.ScalarStyle.PLAIN) + "' to it by hand");
        }
        int at = offset(anchorNode.getEndMark());
        // in braces a plain ',' '[' ']' '{' or '}' would end the value
        String rendered = value.isEmpty() || value.matches(".*[,\\[\\]{}].*") ? render(value,
                DumperOptions.ScalarStyle.DOUBLE_QUOTED) : render(value, DumperOptions.ScalarStyle.PLAIN);
        change(text.substring(0, at) + ", " + key + ": " + rendered + text.substring(at), path, value,
                location(anchorNode));
        edits.add(new ScalarEdit(displayName, anchorNode.getStartMark().getLine() + 1, path.toString(), null, value));
    }

    private static String render(String value, DumperOptions.ScalarStyle style) {
        String lead = "";
        if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            return lead + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            return lead + "'" + value.replace("'", "''") + "'";
        }
        if (value.isEmpty()) {
            return "";
        }
        // quoted also when Helm's YAML 1.1 would read it as other than text ("no" is the boolean false there)
        boolean plain = PLAIN_SAFE.matcher(value).matches() && HelmReading.differs(value).isEmpty();
        return lead + (plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    /** Takes the new text only when, parsed, exactly one value changed, to the wanted one. */
    private void change(String newText, YqPath path, String value, SourceLocation at) {
        Node newRoot;
        try {
            newRoot = parse(newText);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at(at, "editing '" + path + "' would break the file; edit it by hand");
        }
        // values compared with how they are read (the boolean false and the text "no" differ), but for the edited one
        Map<String, String> expected = new LinkedHashMap<>(flatten(root));
        Map<String, String> actual = new LinkedHashMap<>(flatten(newRoot));
        expected.put(canonical(path), value);
        actual.computeIfPresent(canonical(path), (k, v) -> v.substring(v.indexOf(' ') + 1));
        if (!normalised(expected).equals(normalised(actual))) {
            throw InvalidInputException.at(at, "'" + path + "' cannot be changed on its own (an anchor or alias"
                    + " shares it, or the value needs quoting the editor does not do): edit it by hand");
        }
        text = newText;
        root = newRoot;
    }

    private static Map<String, String> normalised(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }

    private Node root() {
        if (root == null) {
            throw new InvalidInputException(displayName + ": is empty");
        }
        return root;
    }

    private Node parse(String yaml) {
        return YamlDocument.parse(yaml, displayName).root().orElse(null);
    }

    /**
     * Where a mark stands in {@code text}: YAML counts code points, so an emoji (two chars in Java) before it
     * would otherwise move every edit after it.
     */
    private int offset(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    private SourceLocation location(Node node) {
        return new SourceLocation(displayName, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** The reader's lookup; an edit through an alias or merge key is caught by {@link #change}. */
    private static Optional<Node> find(Node root, YqPath path) {
        return root == null ? Optional.empty() : NodeLookup.find(root, path).map(NodeLookup.Found::node);
    }

    private static String canonical(YqPath path) {
        StringBuilder sb = new StringBuilder();
        for (YqPath.Segment s : path.segments()) {
            sb.append(s instanceof YqPath.Key k ? "." + k.name() : s.toString());
        }
        return sb.toString();
    }

    /** Every scalar by canonical path (last duplicate wins), to compare two versions of a file. */
    private static Map<String, String> flatten(Node root) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(Node node, String prefix, Map<String, String> out) {
        if (node instanceof ScalarNode s) {
            out.put(prefix, Tag.NULL.equals(s.getTag()) ? null : s.getTag().getValue() + " " + s.getValue());
        } else if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                out.keySet().removeIf(p -> p.equals(prefix + "." + key) || p.startsWith(prefix + "." + key + ".")
                        || p.startsWith(prefix + "." + key + "["));
                walk(t.getValueNode(), prefix + "." + key, out);
            }
        } else if (node instanceof SequenceNode q) {
            for (int i = 0; i < q.getValue().size(); i++) {
                walk(q.getValue().get(i), prefix + "[" + i + "]", out);
            }
        }
    }
}
