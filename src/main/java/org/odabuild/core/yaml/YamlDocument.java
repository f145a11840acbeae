package org.odabuild.core.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML file composed to SnakeYAML's node tree (never constructed into Java objects), so scalars keep their
 * source text ({@code 0.10} stays {@code 0.10}) and every node knows its line. Aliases are read as Helm reads them
 * ({@link AliasExpansion}): any number of them, but not an anchor holding itself nor a "billion laughs" document.
 */
public final class YamlDocument {

    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** SnakeYAML's default, named: it stops a hostile file before the composer's recursion overflows the stack. */
    private static final int MAX_NESTING_DEPTH = 50;
    /**
     * Shared: it only reads its table once built, and building it (a dozen resolvers) was paid per file, six times in
     * a plan of oda-canvas.
     */
    private static final Resolver RESOLVER = new Resolver();

    private final String displayName;
    private final Node root;

    private YamlDocument(String displayName, Node root) {
        this.displayName = displayName;
        this.root = root;
    }

    /**
     * @param file        the file to read
     * @param displayName how the file is named in messages (repository-relative)
     */
    public static YamlDocument load(Path file, String displayName) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return compose(reader, displayName, file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(displayName + ": file not found (" + file + ")");
        } catch (CharacterCodingException e) {
            throw notUtf8(displayName, file, e);
        } catch (IOException e) {
            throw new InvalidInputException(displayName + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses YAML text held in memory (e.g. a file as it was at another commit). */
    public static YamlDocument parse(String content, String displayName) {
        return compose(new StringReader(content), displayName, null);
    }

    /** SnakeYAML's errors, with the line and column it names; {@code file} is null for text held in memory. */
    private static YamlDocument compose(Reader reader, String displayName, Path file) {
        ParserImpl parser = null;
        try {
            // what Yaml.compose does, without building Yaml's object constructor and representer (unused here)
            LoaderOptions options = loaderOptions();
            parser = new ParserImpl(new StreamReader(reader), options);
            Node root = firstDocument(new Composer(parser, RESOLVER, options), parser, displayName);
            AliasExpansion.check(root, displayName);
            return new YamlDocument(displayName, root);
        } catch (MarkedYAMLException e) {
            // not its cause: Maven prints a cause's message, and SnakeYAML's quotes the lines around the mark
            throw new InvalidInputException(describe(displayName, e));
        } catch (YAMLException e) {
            if (file != null && e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(displayName, file, e);
            }
            if (String.valueOf(e.getMessage()).startsWith("Nesting Depth exceeded")) {
                throw tooDeep(displayName, parser);
            }
            throw new InvalidInputException(displayName + ": cannot be read as YAML: " + Excerpt.of(String.valueOf(
                    e.getMessage())) + hintFor(e.getMessage()), e);
        }
    }

    /**
     * The file's one document. A {@code ---} after it that starts no content (nothing, or comments only) is read
     * past, as Helm reads a values file (its first document); a second document with content is refused, as which
     * one counts would differ between Helm, yq and the plugin.
     */
    private static Node firstDocument(Composer composer, ParserImpl parser, String displayName) {
        Node first = composer.checkNode() ? composer.getNode() : null;
        while (composer.checkNode()) {
            Mark at = parser.peekEvent().getStartMark();
            Node next = composer.getNode();
            if (!(next instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) && scalar.getValue().isEmpty()
                    && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN)) {
                String problem = "but found another document (expected a single document in the stream)";
                throw new InvalidInputException(new SourceLocation(displayName, at.getLine() + 1, at.getColumn() + 1)
                        + ": invalid YAML: " + problem + hintFor(problem));
            }
        }
        return first;
    }

    /**
     * SnakeYAML's message has no place; the composer stops at the collection that is one level too deep, which is
     * the parser's next event.
     */
    private static InvalidInputException tooDeep(String displayName, ParserImpl parser) {
        String where = displayName;
        try {
            Mark mark = parser.peekEvent().getStartMark();
            where = new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1).toString();
        } catch (RuntimeException e) {
            // the place is a courtesy: the message stands without it
        }
        return new InvalidInputException(where + ": invalid YAML: nested deeper than " + MAX_NESTING_DEPTH
                + " levels of mappings and lists, more than any values or config file needs: flatten it there");
    }

    private static InvalidInputException notUtf8(String displayName, Path file, Exception cause) {
        return new InvalidInputException(displayName + ": is not UTF-8 text (" + firstInvalidByte(file)
                + "); save it as UTF-8", cause);
    }

    /** The limits every YAML read of the plugin uses. */
    public static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // composing shares one node per anchor, whatever the count; what Helm refuses, AliasExpansion refuses
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        // Helm and yq accept duplicate keys (last wins); readers look at the node tree and decide themselves.
        options.setAllowDuplicateKeys(true);
        return options;
    }

    /** The advice that ends a syntax error's message; a commit of the history cannot take it. */
    public static final String FIX_SYNTAX = "; fix the YAML syntax at that place";

    private static String describe(String displayName, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null
                ? displayName
                : new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1).toString();
        String raw = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getMessage());
        if (raw.contains("\\t(TAB)")) { // SnakeYAML's own words run past an excerpt's length
            return where + ": invalid YAML: a tab where YAML allows only spaces; indent with spaces instead";
        }
        // SnakeYAML's words may quote the file: echo no more than a short, escaped excerpt
        String problem = Excerpt.of(raw);
        String context = e.getContext() != null ? " (" + Excerpt.of(e.getContext()) + ")" : "";
        return where + ": invalid YAML: " + problem + context + hintFor(problem + context);
    }

    /** Where the first byte that is not UTF-8 stands: "byte 1234, line 56". */
    private static String firstInvalidByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            var decoder = StandardCharsets.UTF_8.newDecoder();
            var in = java.nio.ByteBuffer.wrap(bytes);
            var out = java.nio.CharBuffer.allocate(bytes.length + 1);
            var result = decoder.decode(in, out, true);
            int offset = result.isError() ? in.position() : bytes.length;
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            return "byte " + offset + ", line " + line;
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String hintFor(String problem) {
        if (problem == null) {
            return "";
        }
        if (problem.contains("exceeds the limit")) {
            return "; this is a size limit: values and config files may hold at most " + MAX_CODE_POINTS / 1024 / 1024
                    + " MiB of text";
        }
        if (problem.contains("scanning an alias") || problem.contains("undefined alias")) {
            // a glob such as **/*.py written plain, as a shell or GitHub's docs would not show it
            return "; a value that starts with '*' is read as an alias (*name of an &name): quote it, e.g."
                    + " '**/*.py'";
        }
        if (problem.contains("scanning an anchor")) {
            return "; a value that starts with '&' is read as an anchor (&name): quote it";
        }
        if (problem.contains("single document") || problem.contains("another document")) {
            return "; keep one YAML document (no '---' separators) in this file";
        }
        return FIX_SYNTAX;
    }

    /**
     * The tag written on a scalar, as written ({@code !!binary}, {@code !local}); empty when it has none, or one that
     * only says what the value is read as anyway ({@code !!str "x"}).
     */
    public static Optional<String> writtenTag(ScalarNode scalar) {
        Tag implied = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                ? RESOLVER.resolve(NodeId.scalar, scalar.getValue(), true)
                : Tag.STR;
        if (scalar.getTag().equals(implied)) {
            return Optional.empty();
        }
        String tag = scalar.getTag().getValue();
        return Optional.of(tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag);
    }

    /** The root node, empty for an empty file. */
    public Optional<Node> root() {
        return Optional.ofNullable(root);
    }

    public String displayName() {
        return displayName;
    }

    public SourceLocation locationOf(Node node) {
        Mark mark = node.getStartMark();
        return mark == null
                ? SourceLocation.ofFile(displayName)
                : new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
