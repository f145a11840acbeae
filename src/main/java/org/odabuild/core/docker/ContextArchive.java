package org.odabuild.core.docker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tar archive of a build context, laid out before it is written: its length is known up front (the request
 * carries a Content-Length, no chunks) and file contents go from the page cache to the daemon's socket by
 * {@link FileChannel#transferTo} (sendfile), never through the heap. Small files are read, with the headers, into one
 * direct buffer, so a context of many small files takes few writes.
 */
final class ContextArchive {

    /** Files up to this size are staged with their neighbours; larger ones are sent on their own. */
    private static final int STAGED_FILE = 128 * 1024;
    private static final int STAGING = 1 << 20;
    private static final byte[] ZEROS = new byte[TarHeader.BLOCK];

    /**
     * One entry: its header blocks, then (for a file) {@code size} bytes of {@code file}, or the {@code content} the
     * archive writes itself, and the padding.
     */
    private record Part(byte[] header, Path file, long size, byte[] content) {

        Part(byte[] header, Path file, long size) {
            this(header, file, size, null);
        }

        static Part written(String name, byte[] content, long mtime) {
            return new Part(TarHeader.file(name, content.length, false, mtime), null, content.length, content);
        }
    }

    private final List<Part> parts;
    private final long length;
    private final List<String> lfsPointers;

    private ContextArchive(List<Part> parts, List<String> lfsPointers) {
        this.parts = List.copyOf(parts);
        this.lfsPointers = List.copyOf(lfsPointers);
        long sum = TarHeader.end().length;
        for (Part p : parts) {
            sum += p.header().length + p.size() + TarHeader.padding(p.size());
        }
        this.length = sum;
    }

    /**
     * Reads each file's size and mode now: the archive sends exactly these sizes, or fails if a file changes.
     * <p>
     * As the docker CLI does, the context's {@code .dockerignore} and the Dockerfile are sent even when the
     * {@code .dockerignore} excludes them: the classic builder reads the Dockerfile from the archive, then drops both
     * from the context where the {@code .dockerignore} lists them. A Dockerfile from outside the context is added to
     * that list (a {@code .dockerignore} that lists itself is written when the context has none).
     */
    static ContextArchive of(BuildContext context) throws IOException {
        long ceiling = context.timeCeiling().getEpochSecond();
        List<Part> parts = new ArrayList<>();
        List<String> lfsPointers = new ArrayList<>();
        for (String rel : context.files()) {
            String link = context.linkTarget(rel).orElse(null);
            if (rel.equals(BuildContext.DOCKERIGNORE)) {
                continue; // sent below, whether it excludes itself or not
            }
            Path path = context.contextDir().resolve(rel);
            Part part = link != null ? symlink(path, rel, link, ceiling) : file(path, rel, ceiling);
            parts.add(part);
            // the size is known from the stat the header needs: only files of a pointer's size are read
            if (link == null && LfsPointer.sized(part.size()) && LfsPointer.is(path)) {
                lfsPointers.add(rel);
            }
        }
        for (String folder : context.emptyFolders()) {
            long time = clamp(Files.getLastModifiedTime(context.contextDir().resolve(folder)), ceiling);
            parts.add(new Part(TarHeader.directory(folder, time), null, 0));
        }
        Path dockerignore = context.contextDir().resolve(BuildContext.DOCKERIGNORE);
        boolean sent = context.files().contains(BuildContext.DOCKERIGNORE);
        if (!context.dockerfileEntry().equals(BuildContext.OUTSIDE_DOCKERFILE)) {
            Optional<String> link = context.linkTarget(BuildContext.DOCKERIGNORE);
            if (link.isPresent()) {
                parts.add(symlink(dockerignore, BuildContext.DOCKERIGNORE, link.get(), ceiling));
            } else if (sent || context.rootIgnoreApplies()
                    && Files.isRegularFile(dockerignore, LinkOption.NOFOLLOW_LINKS)) {
                parts.add(file(dockerignore, BuildContext.DOCKERIGNORE, ceiling));
            }
            if (!context.files().contains(context.dockerfileEntry())) {
                parts.add(file(context.dockerfile(), context.dockerfileEntry(), ceiling));
            }
        } else {
            String patterns = Files.isRegularFile(dockerignore) && (sent || context.rootIgnoreApplies())
                    ? Files.readString(dockerignore, StandardCharsets.ISO_8859_1)
                    : BuildContext.DOCKERIGNORE;
            parts.add(Part.written(BuildContext.DOCKERIGNORE, (patterns + "\n" + BuildContext.OUTSIDE_DOCKERFILE
                    + "\n").getBytes(StandardCharsets.ISO_8859_1), ceiling));
            parts.add(context.sendsOwnDockerfile()
                    ? Part.written(BuildContext.OUTSIDE_DOCKERFILE, context.dockerfileBytes(), ceiling)
                    : file(context.dockerfile(), BuildContext.OUTSIDE_DOCKERFILE, ceiling));
        }
        return new ContextArchive(parts, lfsPointers);
    }

    /** The files of the context that are Git LFS pointers, not the files they stand for. */
    List<String> lfsPointers() {
        return lfsPointers;
    }

    /**
     * One stat of a file: its size, whether it is executable ({@link BuildContext#executable(String)}), and its
     * modification time up to {@code ceiling}.
     */
    private static Part file(Path file, String name, long ceiling) throws IOException {
        long size;
        boolean executable;
        FileTime modified;
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            size = attributes.size();
            executable = BuildContext.executable(attributes);
            modified = attributes.lastModifiedTime();
        } catch (UnsupportedOperationException e) {
            size = Files.size(file);
            executable = Files.isExecutable(file);
            modified = Files.getLastModifiedTime(file);
        }
        return new Part(TarHeader.file(name, size, executable, clamp(modified, ceiling)), file, size);
    }

    /** A symbolic link with the link's own time (never its target's), up to {@code ceiling}. */
    private static Part symlink(Path path, String name, String target, long ceiling) throws IOException {
        long time = clamp(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS), ceiling);
        return new Part(TarHeader.symlink(name, target, time), null, 0);
    }

    private static long clamp(FileTime modified, long ceiling) {
        return Math.min(modified.to(TimeUnit.SECONDS), ceiling);
    }

    /** The archive's length in bytes. */
    long length() {
        return length;
    }

    /** Writes the whole archive to {@code out}, which stays open. */
    void writeTo(WritableByteChannel out) throws IOException {
        ByteBuffer staging = ByteBuffer.allocateDirect(STAGING);
        for (Part part : parts) {
            put(staging, part.header(), out);
            if (part.content() != null) {
                put(staging, part.content(), out);
                put(staging, ZEROS, 0, TarHeader.padding(part.size()), out);
                continue;
            }
            if (part.file() == null) {
                continue;
            }
            try (FileChannel in = open(part)) {
                if (part.size() <= STAGED_FILE) {
                    if (staging.remaining() < part.size()) {
                        flush(staging, out);
                    }
                    stage(in, part, staging);
                } else {
                    flush(staging, out);
                    send(in, part, out);
                }
                if (in.size() != part.size()) {
                    throw changed(part);
                }
            }
            put(staging, ZEROS, 0, TarHeader.padding(part.size()), out);
        }
        put(staging, TarHeader.end(), out);
        flush(staging, out);
    }

    private static FileChannel open(Part part) throws IOException {
        try {
            return FileChannel.open(part.file());
        } catch (IOException e) {
            throw new IOException("cannot read " + part.file() + " of the build context (" + e.getClass().getSimpleName()
                    + "): make it readable, or list it in the context's .dockerignore", e);
        }
    }

    private static void stage(FileChannel in, Part part, ByteBuffer staging) throws IOException {
        int end = staging.position() + (int) part.size();
        staging.limit(end);
        try {
            while (staging.position() < end) {
                if (in.read(staging) < 0) {
                    throw changed(part);
                }
            }
        } finally {
            staging.limit(staging.capacity());
        }
    }

    private static void send(FileChannel in, Part part, WritableByteChannel out) throws IOException {
        long position = 0;
        while (position < part.size()) {
            long sent = in.transferTo(position, part.size() - position, out);
            if (sent <= 0 && in.size() <= position) {
                throw changed(part);
            }
            position += sent;
        }
    }

    private static IOException changed(Part part) {
        return new IOException(part.file() + " changed while it was sent to the Docker daemon (its size is no longer"
                + " " + part.size() + " bytes): build again once nothing writes to the build context");
    }

    private static void put(ByteBuffer staging, byte[] bytes, WritableByteChannel out) throws IOException {
        put(staging, bytes, 0, bytes.length, out);
    }

    private static void put(ByteBuffer staging, byte[] bytes, int offset, int length, WritableByteChannel out)
            throws IOException {
        int done = 0;
        while (done < length) {
            if (!staging.hasRemaining()) {
                flush(staging, out);
            }
            int n = Math.min(staging.remaining(), length - done);
            staging.put(bytes, offset + done, n);
            done += n;
        }
    }

    private static void flush(ByteBuffer staging, WritableByteChannel out) throws IOException {
        staging.flip();
        while (staging.hasRemaining()) {
            out.write(staging);
        }
        staging.clear();
    }
}
