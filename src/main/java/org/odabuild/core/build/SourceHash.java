package org.odabuild.core.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.git.IndexedBlobs;

/**
 * A hash of everything an image is built from: the git blob id and execute bit of every file sent in its build
 * context, its Dockerfile and test Dockerfile, and the user's build args. The per-commit args ({@code GIT_COMMIT_SHA},
 * {@code SOURCE_DATE_EPOCH}, {@code CICD_BUILD_TIME}) are left out on purpose: they say when, not what, and
 * would make every commit look like a new image.
 */
final class SourceHash {

    static final int DIRECT_FILES = 500;
    static final long DIRECT_BYTES = 4L << 20;

    private SourceHash() {
    }

    /** @param indexed blob ids git's index holds for unchanged files: those files are not read */
    static String of(BuildContext context, Optional<Path> testDockerfile, Map<String, String> userBuildArgs,
            IndexedBlobs indexed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : context.files()) {
                var link = context.linkTarget(file);
                if (link.isPresent()) {
                    line(sha, "link", file, link.get());
                } else {
                    // the archive sends the execute bit: a chmod alone is a new image ("file" kept the hashes of
                    // contexts without executables as they were)
                    line(sha, context.executable(file) ? "exec" : "file", file,
                            blobId(context.contextDir().resolve(file), indexed));
                }
            }
            // an empty folder is sent too ("folder" lines only where there is one: other hashes stay as they were)
            for (String folder : context.emptyFolders()) {
                line(sha, "folder", folder, "");
            }
            line(sha, "dockerfile", "", blobId(context.dockerfile(), indexed));
            if (testDockerfile.isPresent()) {
                line(sha, "testDockerfile", "", blobId(testDockerfile.get(), indexed));
            }
            for (Map.Entry<String, String> arg : new TreeMap<>(userBuildArgs).entrySet()) {
                line(sha, "arg", arg.getKey(), arg.getValue());
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether hashing the context's files costs less than asking git's index for their ids: reading the index takes
     * two git processes (some 20 ms, more in a cold JVM), while a few hundred small files hash in a few
     * milliseconds. Large contexts (the 316 MiB one of the benchmark) are what the index is for.
     */
    static boolean cheaperThanTheIndex(BuildContext context) {
        if (context.files().size() > DIRECT_FILES) {
            return false;
        }
        long bytes = 0;
        for (String file : context.files()) {
            if (context.linkTarget(file).isEmpty()) {
                try {
                    bytes += Files.size(context.contextDir().resolve(file));
                } catch (IOException e) {
                    return false; // the hash will say what is wrong with it
                }
                if (bytes > DIRECT_BYTES) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void line(MessageDigest sha, String kind, String name, String value) {
        sha.update((kind + "\0" + name + "\0" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String blobId(Path file, IndexedBlobs indexed) {
        return indexed.blobId(file).orElseGet(() -> blobId(file));
    }

    /**
     * The id git gives the file's content ({@code git hash-object}): SHA-1 of {@code blob <size>\0<content>}, with
     * the JDK's SHA-1 (the CPU's SHA instructions; JGit's collision-detecting SHA-1 is several times slower).
     */
    static String blobId(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha1.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
