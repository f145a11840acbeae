package org.odabuild.core.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A temporary file beside a report, readable by others (0644) like any build output: {@code createTempFile} makes
 * it 0600, and the report renamed over it would keep that, so a CI step running as another user could not read it.
 * Its name is unique by process, time and count, created only if new: {@code createTempFile}'s random name sets up
 * a {@code SecureRandom} first, 40 ms of a cold JVM for a file in the project's own target folder.
 */
public final class ReadableTempFile {

    private static final AtomicLong COUNT = new AtomicLong();

    private ReadableTempFile() {
    }

    public static Path create(Path dir, String forFile) throws IOException {
        Path tmp;
        while (true) {
            try {
                tmp = Files.createFile(dir.resolve(forFile + "." + ProcessHandle.current().pid() + "-"
                        + System.nanoTime() + "-" + COUNT.incrementAndGet() + ".tmp"));
                break;
            } catch (FileAlreadyExistsException e) {
                // another process's file of the same name: the next name differs by count
            }
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return tmp;
    }
}
