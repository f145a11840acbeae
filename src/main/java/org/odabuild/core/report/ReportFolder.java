package org.odabuild.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The reports' folder in a repository that is not a Maven project (oda-canvas has no pom, so no ignore rule of its
 * covers {@code target/}): a {@code .gitignore} of its own keeps the reports out of {@code git status} and
 * {@code git add -A}, as pytest and ruff keep their caches out.
 */
public final class ReportFolder {

    static final String IGNORE_EVERYTHING = "# written by oda-maven-plugin: the reports of its goals, not sources\n*\n";

    private ReportFolder() {
    }

    /** Writes {@code dir/.gitignore} ignoring everything in {@code dir}, unless the folder has one already. */
    public static void keepOutOfGit(Path dir) {
        Path ignore = dir.resolve(".gitignore");
        if (Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(ignore, IGNORE_EVERYTHING, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // another goal of the same build wrote it meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ignore, e);
        }
    }
}
