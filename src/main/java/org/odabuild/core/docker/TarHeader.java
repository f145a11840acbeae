package org.odabuild.core.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header blocks of one tar entry (POSIX ustar), with a PAX extended header before it when the name or link target
 * is longer than ustar's 100 bytes or the size needs more than its 11 octal digits, as GNU tar, Go's archive/tar
 * (the daemon's reader) and commons-compress' POSIX modes write them. Times and owners are fixed (0), so equal inputs
 * give equal archives.
 */
final class TarHeader {

    static final int BLOCK = 512;
    private static final int NAME_LENGTH = 100;
    private static final long MAX_USTAR_SIZE = 077777777777L;

    private TarHeader() {
    }

    /** A regular file's header (the contents follow, padded to a block, see {@link #padding(long)}). */
    static byte[] file(String name, long size, boolean executable) {
        return entry(name, '0', executable ? 0100755 : 0100644, size, "");
    }

    /** A symbolic link's header: the link itself, never what it points to. */
    static byte[] symlink(String name, String target) {
        return entry(name, '2', 0120777, 0, target);
    }

    /** Zero bytes that fill the last block of {@code size} bytes of contents. */
    static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    /** The end of an archive: two zero blocks. */
    static byte[] end() {
        return new byte[2 * BLOCK];
    }

    private static byte[] entry(String name, char type, int mode, long size, String link) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        Map<String, String> pax = new LinkedHashMap<>();
        if (nameBytes.length >= NAME_LENGTH) {
            pax.put("path", name);
        }
        if (linkBytes.length >= NAME_LENGTH) {
            pax.put("linkpath", link);
        }
        if (size > MAX_USTAR_SIZE) {
            pax.put("size", Long.toString(size));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pax.isEmpty() ? BLOCK : 3 * BLOCK);
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            out.writeBytes(block("PaxHeaders/" + last(nameBytes), 'x', 0100644, records.length, new byte[0]));
            out.writeBytes(records);
            out.writeBytes(new byte[padding(records.length)]);
        }
        out.writeBytes(block(nameBytes, type, mode, size > MAX_USTAR_SIZE ? 0 : size, linkBytes));
        return out.toByteArray();
    }

    private static byte[] block(String name, char type, int mode, long size, byte[] link) {
        return block(name.getBytes(StandardCharsets.UTF_8), type, mode, size, link);
    }

    /** One ustar block; a name or link longer than its field is cut there (the PAX record before it holds all of it). */
    private static byte[] block(byte[] name, char type, int mode, long size, byte[] link) {
        byte[] b = new byte[BLOCK];
        System.arraycopy(name, 0, b, 0, Math.min(name.length, NAME_LENGTH));
        octal(b, 100, 8, mode);
        octal(b, 108, 8, 0);                 // uid
        octal(b, 116, 8, 0);                 // gid
        octal(b, 124, 12, size);
        octal(b, 136, 12, 0);                // mtime
        b[156] = (byte) type;
        System.arraycopy(link, 0, b, 157, Math.min(link.length, NAME_LENGTH));
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, b, 257, 6);
        b[263] = '0';
        b[264] = '0';
        octal(b, 329, 8, 0);                 // device major
        octal(b, 337, 8, 0);                 // device minor
        // the checksum is the sum of all bytes with its own field read as spaces: six digits, NUL, space
        Arrays.fill(b, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte x : b) {
            sum += x & 0xff;
        }
        octal(b, 148, 7, sum);
        b[155] = ' ';
        return b;
    }

    /** A number in octal, zero-padded to {@code length - 1} digits and ended by NUL. */
    private static void octal(byte[] b, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        int width = length - 1;
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit a tar field of " + width + " digits");
        }
        for (int i = 0; i < width; i++) {
            int d = i - (width - digits.length());
            b[offset + i] = (byte) (d < 0 ? '0' : digits.charAt(d));
        }
        b[offset + width] = 0;
    }

    /** PAX records {@code "<length> <key>=<value>\n"}, where the length counts the whole record, its own digits too. */
    private static byte[] paxRecords(Map<String, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        values.forEach((key, value) -> {
            int rest = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
            int length = rest + Integer.toString(rest).length();
            if (Integer.toString(length).length() != Integer.toString(rest).length()) {
                length++; // the count gained a digit
            }
            out.writeBytes((length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
        });
        return out.toByteArray();
    }

    /** The entry's last name part, for the PAX header's own name (readers ignore it; cut at the field's end). */
    private static String last(byte[] name) {
        String s = new String(name, StandardCharsets.UTF_8);
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
