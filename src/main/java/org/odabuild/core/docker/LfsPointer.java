package org.odabuild.core.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;

/**
 * A Git LFS pointer file: what a checkout without {@code git lfs} (GitHub's {@code actions/checkout} unless
 * {@code lfs: true}) leaves in place of a large file. As git-lfs' spec writes one: the version line first, then
 * {@code ext-N-name} lines, {@code oid} and {@code size}, each ending in a line feed, all of it under 1024 bytes.
 */
final class LfsPointer {

    /** The smallest pointer: the version line, a sha256 oid and a one-digit size. */
    static final long MIN_SIZE = 126;
    static final long MAX_SIZE = 1023;

    private static final Pattern POINTER = Pattern.compile("version https://git-lfs\\.github\\.com/spec/v1\n"
            + "(?:ext-\\d-\\w+ sha256:[0-9a-f]{64}\n)*oid sha256:[0-9a-f]{64}\nsize \\d+\n");

    private LfsPointer() {
    }

    /**
     * What a build whose context holds pointers says: only a warning, since its Dockerfile need not copy every file
     * of the context.
     */
    static String warning(String reference, Path contextDir, List<String> files) {
        List<String> shown = files.subList(0, Math.min(5, files.size()));
        return "image " + reference + ": its build context " + contextDir + " holds "
                + (files.size() == 1 ? "a Git LFS pointer" : files.size() + " Git LFS pointers") + ", not the file"
                + (files.size() == 1 ? "" : "s") + " stored in LFS (" + String.join(", ", shown.stream()
                        .map(Excerpt::line).toList()) + (files.size() > shown.size() ? ", ..." : "") + "): the image"
                + " holds the pointer wherever it copies one; fetch " + (files.size() == 1 ? "it" : "them")
                + " before the build (git lfs pull; actions/checkout: with lfs: true)";
    }

    /** Whether a file of this size can be a pointer: only those are read. */
    static boolean sized(long size) {
        return size >= MIN_SIZE && size <= MAX_SIZE;
    }

    /** Whether the file is a pointer; false when it cannot be read (the archive says why when it reads it). */
    static boolean is(Path file) {
        try {
            return is(Files.readAllBytes(file));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean is(byte[] content) {
        return sized(content.length) && POINTER.matcher(new String(content, StandardCharsets.ISO_8859_1)).matches();
    }
}
