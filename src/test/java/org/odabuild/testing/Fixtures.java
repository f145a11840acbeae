package org.odabuild.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real oda-canvas YAML files (src/test/resources/oda-canvas), copied where a test may change them. */
public final class Fixtures {

    public static final String ODA_CANVAS_CONFIG =
            "automation/generators/dockerbuild-workflow-generator/dockerbuild-config.yaml";

    private Fixtures() {
    }

    public static Path odaCanvasSource() {
        return Path.of(System.getProperty("oda.fixtures", "src/test/resources/oda-canvas")).toAbsolutePath();
    }

    /** Copies the oda-canvas files into {@code target} and returns it. */
    public static Path copyOdaCanvas(Path target) {
        return copyTree(odaCanvasSource(), target);
    }

    /** Copies the oda-canvas files of an older commit (src/test/resources/oda-canvas-history/<commit>). */
    public static Path copyOdaCanvasAt(String commit, Path target) {
        return copyTree(Path.of("src/test/resources/oda-canvas-history", commit).toAbsolutePath(), target);
    }

    private static Path copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a folder and all below it (for jqwik's containers, which have no {@code @TempDir}). */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file below {@code root}, creating folders. */
    public static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a file, failing when it is not there. */
    public static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalStateException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
