package org.odabuild.core.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.odabuild.core.FileNameEncoding;
import org.odabuild.core.SlashedPath;

/**
 * The files of a build context (after {@code .dockerignore}) and their tar archive for the daemon. The archive is
 * streamed as it is written, never held in memory. The Dockerfile is sent as the docker CLI sends it, so that an image
 * that copies its whole context ({@code COPY . /app}) holds what {@code docker build} would put there, no more: under
 * its own path when it lies in the context; from outside (oda-canvas' {@code buildDockerfile} allows that) under
 * {@link #OUTSIDE_DOCKERFILE}, which the archive's {@code .dockerignore} lists so that the daemon drops it from the
 * context once it has read it. A symbolic link is sent as a link, as the docker CLI
 * sends it, never as the file it points to: a committed {@code app/x -> /home/runner/.docker/config.json} must not
 * put the runner's secrets into an image. FIFOs, sockets and devices are not sent (reading one would block).
 * <p>
 * Files keep their modification time up to a ceiling, the build's {@code SOURCE_DATE_EPOCH} (see
 * {@link #withTimesClampedTo}), as reproducible builders clamp them (GNU tar's {@code --clamp-mtime}, BuildKit's
 * {@code rewrite-timestamp}): a fresh checkout's files get the commit's time, equal on every machine. Without a
 * ceiling every time is 0, which some programs read as "unknown" (Java's {@code File.lastModified()}) and which
 * gives every version of a static file of one size the same {@code Last-Modified}.
 */
public final class BuildContext {

    /** Name in the archive of a Dockerfile from outside the context (the CLI picks a random {@code .dockerfile.*}). */
    public static final String OUTSIDE_DOCKERFILE = ".dockerfile.oda-maven-plugin";
    public static final String DOCKERIGNORE = ".dockerignore";

    private final Path contextDir;
    private final Path dockerfile;
    private final String dockerfileEntry;
    private final boolean rootIgnoreApplies;
    private final List<String> files;
    private final Map<String, String> links;
    private final List<String> emptyFolders;
    private final Instant timeCeiling;
    /** What is sent as the Dockerfile instead of the file's bytes, under {@link #OUTSIDE_DOCKERFILE}; else null. */
    private final byte[] sentDockerfile;

    private BuildContext(Path contextDir, Path dockerfile, String dockerfileEntry, boolean rootIgnoreApplies,
            List<String> files, Map<String, String> links, List<String> emptyFolders, Instant timeCeiling,
            byte[] sentDockerfile) {
        this.contextDir = contextDir;
        this.dockerfile = dockerfile;
        this.dockerfileEntry = dockerfileEntry;
        this.rootIgnoreApplies = rootIgnoreApplies;
        this.files = files;
        this.links = links;
        this.emptyFolders = emptyFolders;
        this.timeCeiling = timeCeiling;
        this.sentDockerfile = sentDockerfile;
    }

    /** This context with its files' times clamped to {@code ceiling} (the build's {@code SOURCE_DATE_EPOCH}). */
    public BuildContext withTimesClampedTo(Instant ceiling) {
        return new BuildContext(contextDir, dockerfile, dockerfileEntry, rootIgnoreApplies, files, links,
                emptyFolders, ceiling, sentDockerfile);
    }

    /**
     * This context with {@code dockerfile} sent as its Dockerfile, the file itself staying in the context as it is
     * (a {@code COPY . /app} copies the file, not what the daemon read): it goes the way of a Dockerfile from outside
     * the context, which the daemon drops once it has read it.
     */
    public BuildContext withDockerfile(byte[] dockerfile) {
        return new BuildContext(contextDir, this.dockerfile, OUTSIDE_DOCKERFILE, rootIgnoreApplies, files, links,
                emptyFolders, timeCeiling, dockerfile.clone());
    }

    /** The Dockerfile as the daemon gets it: the file, or what {@link #withDockerfile} gave. */
    public byte[] dockerfileBytes() throws IOException {
        return sentDockerfile != null ? sentDockerfile.clone() : Files.readAllBytes(dockerfile);
    }

    /** Whether the Dockerfile is sent as {@link #withDockerfile} gave it, not as the file is. */
    boolean sendsOwnDockerfile() {
        return sentDockerfile != null;
    }

    /** The latest modification time the archive gives a file; files the archive writes itself get this time. */
    public Instant timeCeiling() {
        return timeCeiling;
    }

    public static BuildContext of(Path contextDir, Path dockerfile) {
        return of(contextDir, dockerfile, Optional.empty());
    }

    /**
     * @param reports the plugin's report folder ({@code target/oda}): when it lies inside the context its files are
     *                not sent. Goals rewrite them, so in a context a report would change the image's sources.
     */
    public static BuildContext of(Path contextDir, Path dockerfile, Optional<Path> reports) {
        return of(contextDir, dockerfile, reports, Path::toString);
    }

    /** @param display how a message names a file of the repository (relative to its root, as annotations need) */
    public static BuildContext of(Path contextDir, Path dockerfile, Optional<Path> reports,
            Function<Path, String> display) {
        if (!Files.isDirectory(contextDir)) {
            throw new org.odabuild.core.InvalidInputException("build context " + contextDir + " is not a folder:"
                    + " fix buildContext in dockerbuild-config.yaml");
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw new org.odabuild.core.InvalidInputException("Dockerfile " + dockerfile + " does not exist: fix"
                    + " buildDockerfile in dockerbuild-config.yaml (default <buildContext>/Dockerfile)");
        }
        // BuildKit's Dockerfile-specific ignore file (op-dockerfile.dockerignore beside op-dockerfile) replaces the
        // context's .dockerignore: files left out only there must stay out of the image
        Path ownIgnore = dockerfile.resolveSibling(dockerfile.getFileName() + DOCKERIGNORE);
        boolean rootIgnoreApplies = !Files.isRegularFile(ownIgnore);
        DockerIgnore ignore = DockerIgnore.readFile(rootIgnoreApplies ? contextDir.resolve(DOCKERIGNORE) : ownIgnore,
                display);
        Optional<String> reportsInContext = reports.flatMap(r -> inside(contextDir, r));
        List<String> files = new ArrayList<>();
        Map<String, String> links = new TreeMap<>();
        List<String> folders = new ArrayList<>();
        // the walk does not follow links: a link to a folder is sent as a link, not as the folder's files; but a
        // context that is itself a link is the folder it names, as the docker CLI resolves it
        Path root = real(contextDir);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = SlashedPath.of(root.relativize(p));
                if (rel.isEmpty() || ignore.excludes(rel) || reportsInContext.filter(r -> rel.equals(r)
                        || rel.startsWith(r + "/")).isPresent()) {
                    continue;
                }
                // a name the JVM could not decode would be sent as another name (docker sends the bytes)
                FileNameEncoding.requireDecoded(rel, "build context " + display.apply(contextDir));
                if (Files.isSymbolicLink(p)) {
                    String target = Files.readSymbolicLink(p).toString();
                    FileNameEncoding.requireDecoded(target, "build context " + display.apply(contextDir)
                            + ", the target of link " + rel);
                    links.put(rel, target);
                    files.add(rel);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(rel);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && reportsInContext.filter(r -> r.startsWith(rel + "/")).isEmpty()) {
                    folders.add(rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list build context " + contextDir, e);
        }
        Collections.sort(files);
        // a Dockerfile of the context that the daemon must drop once read goes the outside way when the daemon's rule
        // (the context's .dockerignore) is not the one that left it out
        String entry = fileInside(contextDir, dockerfile).filter(rel -> rootIgnoreApplies || files.contains(rel))
                .orElse(OUTSIDE_DOCKERFILE);
        return new BuildContext(contextDir, dockerfile, entry, rootIgnoreApplies, List.copyOf(files),
                Map.copyOf(links), empty(folders, files), Instant.EPOCH, null);
    }

    /**
     * The folders that hold nothing that is sent: the docker CLI and BuildKit send them, so that {@code COPY uploads
     * /uploads} of an empty folder builds and {@code COPY . /app} creates it. Other folders come with their files.
     */
    private static List<String> empty(List<String> folders, List<String> files) {
        TreeSet<String> sent = new TreeSet<>(files);
        sent.addAll(folders);
        return folders.stream().filter(f -> {
            String inside = sent.ceiling(f + "/");
            return inside == null || !inside.startsWith(f + "/");
        }).sorted().toList();
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }

    /** {@code file} relative to {@code contextDir} when it lies in it, links resolved as the docker CLI does. */
    private static Optional<String> fileInside(Path contextDir, Path file) {
        try {
            Path context = contextDir.toRealPath();
            Path real = file.toRealPath();
            return real.startsWith(context)
                    ? Optional.of(SlashedPath.of(context.relativize(real)))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + file, e);
        }
    }

    /** {@code folder} relative to {@code contextDir} when it is inside it (links resolved on both sides). */
    private static Optional<String> inside(Path contextDir, Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            Path context = contextDir.toRealPath();
            Path real = folder.toRealPath();
            return real.startsWith(context) && !real.equals(context)
                    ? Optional.of(SlashedPath.of(context.relativize(real)))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + folder, e);
        }
    }

    /** Folders sent to the daemon that hold nothing sent (an entry of their own), relative to the context, sorted. */
    public List<String> emptyFolders() {
        return emptyFolders;
    }

    /** Files sent to the daemon (symbolic links included), relative to the context, sorted. */
    public List<String> files() {
        return files;
    }

    /**
     * Whether the archive sends a file of {@link #files()} as executable (mode 0755, else 0644): its owner's execute
     * bit, the one bit of a mode that git keeps. A {@code chmod +x} alone changes the image.
     */
    public boolean executable(String file) {
        Path path = contextDir.resolve(file);
        try {
            return executable(Files.readAttributes(path, PosixFileAttributes.class));
        } catch (UnsupportedOperationException e) {
            return Files.isExecutable(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static boolean executable(PosixFileAttributes attributes) {
        return attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /** The link target when a file of {@link #files()} is a symbolic link. */
    public Optional<String> linkTarget(String file) {
        return Optional.ofNullable(links.get(file));
    }

    public Path contextDir() {
        return contextDir;
    }

    public Path dockerfile() {
        return dockerfile;
    }

    /**
     * The Dockerfile's name in the archive, the build's {@code dockerfile} parameter: its path in the context, or
     * {@link #OUTSIDE_DOCKERFILE}.
     */
    public String dockerfileEntry() {
        return dockerfileEntry;
    }

    /** Whether the context's {@code .dockerignore} decides (no Dockerfile-specific ignore file). */
    boolean rootIgnoreApplies() {
        return rootIgnoreApplies;
    }

    /** Writes the archive to a file (tests and benchmarks look at it; builds stream it, see {@link #archive()}). */
    public Path writeTar(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                archive().writeTo(out);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write build context archive " + target, e);
        }
    }

    /** Writes the archive to a stream as it is read, no copy of the context on disk. Leaves {@code out} open. */
    public void writeTar(OutputStream out) throws IOException {
        archive().writeTo(Channels.newChannel(out));
    }

    /**
     * The archive as it will be sent: files in sorted order, then what the daemon reads and drops (see
     * {@link ContextArchive}), clamped times and fixed owners so equal inputs give equal archives. Sizes are read now.
     */
    ContextArchive archive() throws IOException {
        return ContextArchive.of(this);
    }
}
