package org.odabuild.core.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.plan.PathGlob;

/**
 * A build context's {@code .dockerignore}: a path is excluded when the last pattern that matches it (or one of its
 * parent folders) is not a {@code !} exception. {@code *} stays in one folder, {@code **} crosses folders.
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
            syntaxError(lines.get(i).strip()).ifPresent(why -> {
                throw new InvalidInputException(display.apply(file) + ":" + number + ": '"
                        + Excerpt.of(lines.get(number - 1).strip()) + "' is not a pattern docker build takes: " + why
                        + " (docker build refuses the whole file with 'syntax error in pattern')");
            });
        }
        return parse(lines, true);
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

    /**
     * What makes a pattern one that Go's {@code filepath.Match} (Docker's and BuildKit's matcher) refuses with
     * "syntax error in pattern": a '[' class never closed or empty, a range without its end, a '\' at the end.
     */
    static Optional<String> syntaxError(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i + 1 == line.length()) {
                    return Optional.of("it ends in '\\': remove it, or write '\\\\' for a '\\'");
                }
                i++;
            } else if (c == '[') {
                // Go's class: '^'?, then items lo or lo-hi, each char possibly '\'-escaped, none a bare '-' or ']'
                int j = i + 1;
                if (j < line.length() && line.charAt(j) == '^') {
                    j++;
                }
                int items = 0;
                while (!(j < line.length() && line.charAt(j) == ']' && items > 0)) {
                    j = classChar(line, j);
                    if (j > 0 && j < line.length() && line.charAt(j) == '-') {
                        j = classChar(line, j + 1);
                    }
                    if (j < 0) {
                        return Optional.of("the '[' at character " + (i + 1) + " opens a class of characters that is"
                                + " never closed, is empty, or has a range without its ends; write '\\[' for a '['"
                                + " meant as itself");
                    }
                    items++;
                }
                i = j;
            }
        }
        return Optional.empty();
    }

    /** Patterns of an ignore file's lines, a line whose text starts with '#' a comment (as .helmignore reads them). */
    public static DockerIgnore parse(List<String> lines) {
        return parse(lines, false);
    }

    /**
     * @param dockerComments only a line whose first character is '#' is a comment, as Docker reads it: {@code  #x}
     *                       is the pattern {@code #x}
     */
    private static DockerIgnore parse(List<String> lines, boolean dockerComments) {
        List<PathGlob> patterns = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || (dockerComments ? raw : line).startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String body = clean((exception ? line.substring(1) : line).strip());
            // as Docker: cleaned as a path, then one leading '/' dropped (the context's root)
            if (body.length() > 1 && body.startsWith("/")) {
                body = body.substring(1);
            }
            if (!body.isEmpty() && !body.equals("/") && !body.equals(".")) {
                patterns.add(PathGlob.dockerignore((exception ? "!" : "") + body));
            }
        }
        return new DockerIgnore(List.copyOf(patterns));
    }

    /**
     * Go's {@code filepath.Clean}, which Docker applies to every pattern: {@code a//b}, {@code a/./b} and
     * {@code x/../b} name {@code a/b}, {@code a/b} and {@code b}; a trailing '/' goes.
     */
    static String clean(String path) {
        if (path.isEmpty()) {
            return path;
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast(part);
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
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

    /** @param relativePath path inside the context, with '/' */
    public boolean excludes(String relativePath) {
        boolean excluded = false;
        for (PathGlob p : patterns) {
            if (matchesSelfOrParent(p, relativePath)) {
                excluded = !p.negated();
            }
        }
        return excluded;
    }

    private static boolean matchesSelfOrParent(PathGlob p, String path) {
        String candidate = path;
        while (true) {
            if (p.matches(candidate)) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }
}
