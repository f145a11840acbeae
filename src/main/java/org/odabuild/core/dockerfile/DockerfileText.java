package org.odabuild.core.dockerfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Dockerfile's text as Docker's parser reads it: a UTF-8 byte order mark at the start is dropped (an editor's
 * "UTF-8 with BOM"), and bytes that are not UTF-8 (a Latin-1 comment) do not stop the reading. The plugin's own reading
 * of FROM and RUN lines must see what the daemon sees: a FROM hidden behind a BOM would make a Dockerfile look as if
 * it ran nothing on a base image of no platform.
 */
public final class DockerfileText {

    private static final char BOM = '\uFEFF';

    private DockerfileText() {
    }

    public static String read(Path dockerfile) throws IOException {
        return of(Files.readAllBytes(dockerfile));
    }

    public static String of(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
