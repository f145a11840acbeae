package org.odabuild.core.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static DockerIgnore parse(List<String> lines) {
        List<PathGlob> patterns = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String body = (exception ? line.substring(1) : line).strip();
            while (body.startsWith("/") || body.startsWith("./")) {
                body = body.substring(body.startsWith("/") ? 1 : 2);
            }
            if (body.endsWith("/")) {
                body = body.substring(0, body.length() - 1);
            }
            if (!body.isEmpty()) {
                patterns.add(PathGlob.dockerignore((exception ? "!" : "") + body));
            }
        }
        return new DockerIgnore(List.copyOf(patterns));
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
