package org.odabuild.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Blocks deflated on several threads make one gzip member any gzip reader takes, the same bytes every time. */
class ParallelGzipTest {

    static final int MIB = 1 << 20;

    static byte[] gzip(byte[] data, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParallelGzip gz = new ParallelGzip(out)) {
            for (int off = 0; off < data.length; off += chunk) {
                gz.write(data, off, Math.min(chunk, data.length - off));
            }
            gz.finish();
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        // GZIPInputStream checks the trailer's CRC-32 and size
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /** Half random, half text: both kinds of block, as in a layer of binaries and scripts. */
    static byte[] mixed(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        byte[] text = "def handler(event):\n    return {'status': 'ok', 'event': event}\n"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = size / 2; i < size; i++) {
            b[i] = text[i % text.length];
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, MIB - 1, MIB, MIB + 1, 5 * MIB + 12345})
    void everySizeComesBackWhole(int size) throws IOException {
        byte[] data = mixed(size);
        assertThat(gunzip(gzip(data, 64 << 10))).isEqualTo(data);
    }

    @Test
    void theSameInputGivesTheSameBytesHoweverItIsWritten() throws IOException {
        byte[] data = mixed(3 * MIB + 7);
        assertThat(gzip(data, 1)).isEqualTo(gzip(data, 3 * MIB + 7)).isEqualTo(gzip(data, 65536));
    }

    @Test
    void compressesAboutAsWellAsOneStream() throws IOException {
        byte[] text = mixed(8 * MIB);
        System.arraycopy(text, 4 * MIB, text, 0, 4 * MIB); // all text
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(single)) {
            gz.write(text);
        }
        // the dictionary carries each block's context into the next: within 1 % of a single stream
        assertThat((double) gzip(text, MIB).length).isLessThanOrEqualTo(single.size() * 1.01 + 1024);
    }
}
