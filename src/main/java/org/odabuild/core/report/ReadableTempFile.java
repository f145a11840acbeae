package org.odabuild.core.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A temporary file beside a report, readable by others (0644) like any build output: {@code createTempFile} makes
 * it 0600, and the report renamed over it would keep that, so a CI step running as another user could not read it.
 */
public final class ReadableTempFile {

    private ReadableTempFile() {
    }

    public static Path create(Path dir, String forFile) throws IOException {
        Path tmp = Files.createTempFile(dir, forFile, ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return tmp;
    }
}
