package org.odabuild.core.docker;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files of a build context (after {@code .dockerignore}) and their tar archive for the daemon. The archive is
 * streamed to a file, never held in memory; the Dockerfile is added under a fixed name so it may live outside
 * the context, as oda-canvas' {@code buildDockerfile} allows.
 */
public final class BuildContext {

    /** Name of the Dockerfile inside the archive. */
    public static final String DOCKERFILE_ENTRY = ".oda/Dockerfile";

    private final Path contextDir;
    private final Path dockerfile;
    private final List<String> files;

    private BuildContext(Path contextDir, Path dockerfile, List<String> files) {
        this.contextDir = contextDir;
        this.dockerfile = dockerfile;
        this.files = files;
    }

    public static BuildContext of(Path contextDir, Path dockerfile) {
        if (!Files.isDirectory(contextDir)) {
            throw new org.odabuild.core.InvalidInputException("build context " + contextDir + " is not a folder:"
                    + " fix buildContext in dockerbuild-config.yaml");
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw new org.odabuild.core.InvalidInputException("Dockerfile " + dockerfile + " does not exist: fix"
                    + " buildDockerfile in dockerbuild-config.yaml (default <buildContext>/Dockerfile)");
        }
        DockerIgnore ignore = DockerIgnore.read(contextDir);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(contextDir)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> contextDir.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !ignore.excludes(rel))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list build context " + contextDir, e);
        }
        return new BuildContext(contextDir, dockerfile, List.copyOf(files));
    }

    /** Files sent to the daemon, relative to the context, sorted. */
    public List<String> files() {
        return files;
    }

    public Path contextDir() {
        return contextDir;
    }

    public Path dockerfile() {
        return dockerfile;
    }

    /** Writes the archive; entries have fixed times and owners so equal inputs give equal archives. */
    public Path writeTar(Path target) {
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (String rel : files) {
                    add(tar, contextDir.resolve(rel), rel);
                }
                add(tar, dockerfile, DOCKERFILE_ENTRY);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write build context archive " + target, e);
        }
    }

    private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setMode(Files.isExecutable(file) ? 0100755 : 0100644);
        entry.setModTime(FileTime.fromMillis(0));
        entry.setUserId(0);
        entry.setGroupId(0);
        tar.putArchiveEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }
}
