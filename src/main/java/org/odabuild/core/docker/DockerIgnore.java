package org.odabuild.core.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.plan.DockerPatternTokens;
import org.odabuild.core.plan.PathGlob;

/**
 * A build context's {@code .dockerignore}, read and decided as Docker and BuildKit do (see {@link #excludes}):
 * {@code *} stays in one folder, {@code **} crosses folders, a {@code !} exception gives back what an earlier
 * pattern left out.
 */
public record DockerIgnore(List<PathGlob> patterns) {

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** The {@code .dockerignore} of a context folder. */
    public static DockerIgnore read(Path contextDir) {
        return readFile(contextDir.resolve(".dockerignore"));
    }

    /** An ignore file; none when it is not a file. */
    public static DockerIgnore readFile(Path file) {
        return readFile(file, Path::toString);
    }

    /** @param display how a message names the file */
    public static DockerIgnore readFile(Path file, Function<Path, String> display) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        List<String> lines;
        try {
            lines = lines(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            if (lines.get(i).startsWith("#")) {
                continue;
            }
            patternError(lines.get(i)).ifPresent(why -> {
                throw new InvalidInputException(display.apply(file) + ":" + number + ": '"
                        + Excerpt.of(lines.get(number - 1).strip()) + "' is not a pattern docker build takes: " + why);
            });
        }
        return parse(lines);
    }

    /**
     * The lines of an ignore file as Docker reads them (moby's ignorefile.ReadAll): split at '\n', a '\r' before it
     * dropped, a UTF-8 byte order mark at the start dropped. An editor's "UTF-8 with BOM" must not turn the first
     * pattern into one that matches nothing, and so send what it leaves out.
     */
    static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (text.endsWith("\n") || text.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static final String SYNTAX_ERROR = " (docker build refuses the whole file with 'syntax error in pattern')";

    /** {@link #patternError} of a line, where a line whose text starts with '#' is a comment. */
    static Optional<String> syntaxError(String line) {
        return line.strip().startsWith("#") ? Optional.empty() : patternError(line);
    }

    /**
     * What makes a line's pattern one that docker build refuses: a lone '!' (also one that cleaning leaves, as of
     * {@code /!}), and what Go's {@code filepath.Match} (Docker's and BuildKit's check) refuses with "syntax error
     * in pattern" ({@link GoMatch}), said as a '[' class never closed or empty, a range without its end, a '\' at the
     * end; and what Docker's matcher reads as a regular expression rather than a glob.
     */
    private static Optional<String> patternError(String line) {
        String pattern = pattern(line);
        if (pattern == null) {
            return Optional.empty();
        }
        if (pattern.equals("!")) {
            return Optional.of("a '!' alone is an exception to no pattern: write the pattern after it, or remove the"
                    + " line (docker build refuses the whole file with 'illegal exclusion pattern: \"!\"')");
        }
        String body = pattern.startsWith("!") ? pattern.substring(1) : pattern;
        if (GoMatch.badPattern(body)) {
            return Optional.of(whyGoRefuses(line, body) + SYNTAX_ERROR);
        }
        return DockerPatternTokens.notAGlob(body).map(what -> "docker build reads " + what + " as a regular"
                + " expression's syntax here, not as the character, and so leaves out other files than the pattern"
                + " says; write it without that (one line per alternative)");
    }

    /** What in a pattern that Go's check refuses is broken: a '\' at its end, or a class. */
    private static String whyGoRefuses(String line, String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 == body.length()) {
                    return "it ends in '\\': remove it, or write '\\\\' for a '\\'";
                }
                i++;
            } else if (c == '[') {
                // Go's class: '^'?, then items lo or lo-hi, each char possibly '\'-escaped, none a bare '-' or ']'
                int j = i + 1;
                if (j < body.length() && body.charAt(j) == '^') {
                    j++;
                }
                int items = 0;
                while (!(j < body.length() && body.charAt(j) == ']' && items > 0)) {
                    j = classChar(body, j);
                    if (j > 0 && j < body.length() && body.charAt(j) == '-') {
                        j = classChar(body, j + 1);
                    }
                    if (j < 0) {
                        String tail = body.substring(i);
                        int at = line.strip().endsWith(tail) ? line.strip().length() - tail.length() + 1 : i + 1;
                        return "the '[' at character " + at + " opens a class of characters that is never"
                                + " closed, is empty, or has a range without its ends; write '\\[' for a '[' meant as"
                                + " itself";
                    }
                    items++;
                }
                i = j;
            }
        }
        return "Go's pattern check refuses it";
    }

    /**
     * A line's pattern as Docker makes it (moby's ignorefile.ReadAll, then patternmatcher.New): trimmed; after a
     * leading '!' trimmed again; cleaned as a path ({@link GoPath#clean}) and one leading '/' dropped; then the whole,
     * '!' included, trimmed and cleaned once more, so that {@code .//!a} is the exception {@code !a} and {@code / a}
     * is {@code a}. Null for a blank line.
     */
    static String pattern(String line) {
        String p = trimSpace(line);
        if (p.isEmpty()) {
            return null;
        }
        boolean invert = p.startsWith("!");
        if (invert) {
            p = trimSpace(p.substring(1));
        }
        if (!p.isEmpty()) {
            p = GoPath.clean(p);
            if (p.length() > 1 && p.startsWith("/")) {
                p = p.substring(1);
            }
        }
        return GoPath.clean(trimSpace((invert ? "!" : "") + p));
    }

    /**
     * Go's {@code strings.TrimSpace}: Unicode's white space, which also holds the no-break spaces and U+0085 that
     * Java's {@code strip} keeps, and not the separators U+001C to U+001F that it takes off.
     */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && goSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && goSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean goSpace(char c) {
        return c >= '\t' && c <= '\r' || c == '\u0085' || Character.isSpaceChar(c);
    }

    /**
     * Patterns of an ignore file's lines, read as Docker reads them: only a line whose first character is '#' is a
     * comment ({@code  #x} is the pattern {@code #x}).
     */
    public static DockerIgnore parse(List<String> lines) {
        List<PathGlob> patterns = new ArrayList<>();
        for (String raw : lines) {
            String pattern = pattern(raw);
            if (pattern == null || raw.startsWith("#")) {
                continue;
            }
            String body = pattern.startsWith("!") ? pattern.substring(1) : pattern;
            // "." and "/" name no file of the context
            if (!body.isEmpty() && !body.equals("/") && !body.equals(".")) {
                patterns.add(PathGlob.dockerignore(pattern));
            }
        }
        return new DockerIgnore(List.copyOf(patterns));
    }

    /** The index after one character of a class at {@code j}, or -1 where Go's matcher finds none. */
    private static int classChar(String line, int j) {
        if (j < 0 || j >= line.length() || line.charAt(j) == '-' || line.charAt(j) == ']') {
            return -1;
        }
        if (line.charAt(j) == '\\') {
            j++;
            if (j >= line.length()) {
                return -1;
            }
        }
        return j + 1;
    }

    /**
     * Whether a path is left out, as BuildKit's walk decides (moby's patternmatcher {@code MatchesUsingParentResults},
     * which the docker CLI uses too): the last pattern that matches decides, where a pattern that matched a folder
     * counts as matching what the folder holds. An exception is tried only once something is excluded, so
     * {@code !d2} gives back {@code d2/a} after {@code d2} was left out, but not after {@code **}{@code /?} left out
     * {@code d2/a} itself.
     *
     * @param relativePath path inside the context, with '/'
     */
    public boolean excludes(String relativePath) {
        boolean[] parent = null;
        boolean excluded = false;
        int from = 0;
        while (true) {
            int slash = relativePath.indexOf('/', from);
            String prefix = slash < 0 ? relativePath : relativePath.substring(0, slash);
            boolean[] matched = new boolean[patterns.size()];
            excluded = false;
            for (int i = 0; i < patterns.size(); i++) {
                PathGlob p = patterns.get(i);
                boolean match = parent != null && parent[i];
                if (!match) {
                    // an exception cannot give back what is not excluded, nor a pattern exclude what already is
                    if (p.negated() != excluded) {
                        continue;
                    }
                    match = p.matches(prefix);
                }
                matched[i] = match;
                if (match) {
                    excluded = !p.negated();
                }
            }
            if (slash < 0) {
                return excluded;
            }
            parent = matched;
            from = slash + 1;
        }
    }
}
