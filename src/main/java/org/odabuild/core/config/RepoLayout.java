package org.odabuild.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.odabuild.core.Excerpt;
import org.odabuild.core.FileNameEncoding;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SlashedPath;
import org.odabuild.core.SourceLocation;

/**
 * The repository root that every path of dockerbuild-config.yaml is relative to, and the guard that keeps those
 * paths inside it.
 */
public record RepoLayout(Path root) {

    public RepoLayout {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * Checks a repository-relative path from the config and returns it normalised with '/' separators.
     *
     * @throws InvalidInputException when the path is absolute, empty or leaves the repository
     */
    public String relativePath(String raw, SourceLocation where, String field) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.at(where, field + " is empty: give a path relative to the repository root");
        }
        Path resolved;
        try {
            Path given = Path.of(raw);
            if (given.isAbsolute()) {
                throw InvalidInputException.at(where, field + " '" + raw + "' is absolute: give a path relative to"
                        + " the repository root " + root);
            }
            resolved = root.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw InvalidInputException.at(where, field + " '" + raw + "' " + FileNameEncoding.refused(e));
        }
        if (!resolved.startsWith(root)) {
            throw InvalidInputException.at(where, field + " '" + raw + "' leaves the repository root " + root
                    + ": give a path inside the repository, relative to its root");
        }
        return toSlashes(root.relativize(resolved));
    }

    /** Checks a {@code paths} glob: relative, no '..' segment. */
    public String glob(String raw, SourceLocation where) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.at(where, "paths has an empty entry: remove it or give a glob such as"
                    + " 'source/my-operator/**/*'");
        }
        String glob = raw.strip();
        if (glob.startsWith("/") || glob.matches("^[A-Za-z]:.*")) {
            throw InvalidInputException.at(where, "paths entry '" + raw + "' is absolute: globs are relative to the"
                    + " repository root");
        }
        for (String part : glob.split("/")) {
            if (part.equals("..")) {
                throw InvalidInputException.at(where, "paths entry '" + raw + "' contains '..': globs must stay"
                        + " inside the repository");
            }
        }
        return glob.startsWith("./") ? glob.substring(2) : glob;
    }

    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    /**
     * A path the config names, with symbolic links followed: it must end inside the repository (a link committed
     * by anyone who can push a branch must not make the build read, or send to a daemon, a file of the CI runner
     * such as ~/.docker/config.json). A path that does not exist is returned as it is, for the reader to report.
     *
     * @param what how the path is named in messages, e.g. "valuesYamlFile of image op"
     */
    public Path inside(String relativePath, String what) {
        Path path = root.resolve(relativePath);
        if (!Files.exists(path)) {
            return path;
        }
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new InvalidInputException(what + " '" + Excerpt.of(relativePath) + "' leads outside the"
                        + " repository through a symbolic link: the build reads only files of the repository; replace"
                        + " the link by the file itself");
            }
            return path;
        } catch (IOException e) {
            throw new InvalidInputException(what + " '" + Excerpt.of(relativePath) + "' cannot be resolved: "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@link #inside} for a file the build reads: a folder, FIFO, socket or device is refused before it is opened
     * (reading a FIFO would block the build).
     */
    public Path file(String relativePath, String what) {
        Path path = inside(relativePath, what);
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new InvalidInputException(what + " '" + Excerpt.of(relativePath) + "' is "
                    + (Files.isDirectory(path) ? "a folder" : "not a regular file (a FIFO, socket or device)")
                    + ": name a file");
        }
        return path;
    }

    /** {@link #inside} for a folder, such as a build context. */
    public Path folder(String relativePath, String what) {
        Path path = inside(relativePath, what);
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new InvalidInputException(what + " '" + Excerpt.of(relativePath) + "' is not a folder: name"
                    + " the folder that holds the image's sources");
        }
        return path;
    }

    /** How an absolute path is shown to the user: relative to the root when inside it. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(root) ? toSlashes(root.relativize(abs)) : abs.toString();
    }

    private static String toSlashes(Path relative) {
        String s = SlashedPath.of(relative);
        return s.isEmpty() ? "." : s;
    }
}
