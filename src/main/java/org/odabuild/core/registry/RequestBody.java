package org.odabuild.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * What a request sends: bytes or a file, with its type and the time the exchange may take (a large layer needs
 * longer than a manifest).
 */
record RequestBody(Content content, String contentType, Duration timeout) {

    /** The bytes on the wire. */
    sealed interface Content permits Bytes, FileContent {

        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    /** Small bodies (manifests, an empty POST): sent whole, so a 401 can be answered and the request sent again. */
    record Bytes(byte[] bytes) implements Content {

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    /** A layer: streamed from the file, never held in memory; {@code sent} hears of each chunk put on the wire. */
    record FileContent(Path file, long length, LongConsumer sent) implements Content {

        private static final int CHUNK = 256 * 1024;

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    sent.accept(n);
                }
            }
        }
    }

    static RequestBody empty(Duration timeout) {
        return new RequestBody(new Bytes(new byte[0]), null, timeout);
    }
}
