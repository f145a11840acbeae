package org.odabuild.core.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.odabuild.core.DaemonThreads;

/**
 * A gzip stream compressed on every core, as pigz does: the input is cut into blocks of 1 MiB, each deflated on its
 * own thread with the previous block's last 32 KiB as its dictionary and ended on a byte boundary (a sync flush),
 * and the blocks are written in order as one gzip member. A layer gzips in a fraction of the time a single deflate
 * stream takes, and the output depends only on the input (not on the number of threads), so the same layer always
 * gets the same digest and a registry that holds it is never sent it again.
 */
final class ParallelGzip extends OutputStream {

    private static final int BLOCK = 1 << 20;
    private static final int DICTIONARY = 32 << 10;
    /** Beyond four, gzip outruns what the daemon's save and the disk deliver; and memory stays bounded. */
    private static final int MAX_THREADS = 4;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final ExecutorService threads;
    private final int inFlight;
    private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK];
    private int filled;
    private byte[] dictionary;
    private long size;
    private boolean closed;

    ParallelGzip(OutputStream out) throws IOException {
        this.out = out;
        int cores = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        this.threads = Executors.newFixedThreadPool(cores, new DaemonThreads("oda-gzip"));
        // two blocks per thread in memory at most (about 17 MiB): the layer's size does not matter, -Xmx128m is enough
        this.inFlight = 2 * cores;
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        size += len;
        while (len > 0) {
            int n = Math.min(len, BLOCK - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == BLOCK) {
                submit(false);
            }
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int length = filled;
        byte[] dict = dictionary;
        pending.addLast(threads.submit(() -> deflate(input, length, dict, last)));
        dictionary = length >= DICTIONARY ? Arrays.copyOfRange(input, length - DICTIONARY, length) : null;
        block = new byte[BLOCK];
        filled = 0;
        while (pending.size() >= inFlight) {
            writeNext();
        }
    }

    private static byte[] deflate(byte[] input, int length, byte[] dictionary, boolean last) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(input, 0, length);
            if (last) {
                deflater.finish();
            }
            byte[] buffer = new byte[length + (length >> 3) + 1024];
            int written = 0;
            while (true) {
                int space = buffer.length - written;
                int n = deflater.deflate(buffer, written, space, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                written += n;
                // a sync flush is complete when it did not fill the space it was given
                if (last ? deflater.finished() : n < space) {
                    return Arrays.copyOf(buffer, written);
                }
                if (written == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        } finally {
            deflater.end();
        }
    }

    private void writeNext() throws IOException {
        try {
            out.write(pending.removeFirst().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing", e);
        } catch (ExecutionException e) {
            throw new IOException("compressing failed: " + e.getCause(), e.getCause());
        }
    }

    /** Ends the gzip member (the last block, CRC-32 and size); leaves the underlying stream open. */
    void finish() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!pending.isEmpty()) {
                writeNext();
            }
            long c = crc.getValue();
            out.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24), (byte) size,
                    (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
        } finally {
            threads.shutdownNow();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            threads.shutdownNow();
            out.close();
        }
    }
}
