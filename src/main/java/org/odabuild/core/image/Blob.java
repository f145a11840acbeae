package org.odabuild.core.image;

import java.nio.file.Path;

/**
 * Content a registry stores by its digest.
 *
 * @param digest {@code sha256:...} of the bytes in {@code file}
 * @param file   where the bytes are, ready to upload
 */
public record Blob(String digest, long size, Path file) {
}
