package org.odabuild.core.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * The header blocks of one tar entry (POSIX ustar), with a PAX extended header before it when the name or link target
 * is longer than ustar's 100 bytes or the size needs more than its 11 octal digits, as GNU tar, Go's archive/tar
 * (the daemon's reader) and commons-compress' POSIX modes write them. Owners are fixed (0) and times are the caller's,
 * so equal inputs give equal archives.
 */
final class TarHeader {

    static final int BLOCK = 512;
    private static final int NAME_LENGTH = 100;
    private static final long MAX_USTAR_NUMBER = 077777777777L;
    private static final long MAX_USTAR_SIZE = MAX_USTAR_NUMBER;
    private static final ZipEncoding UTF_8 = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8);

    private TarHeader() {
    }

    /**
     * A regular file's header (the contents follow, padded to a block, see {@link #padding(long)}).
     *
     * @param mtime seconds since the epoch
     */
    static byte[] file(String name, long size, boolean executable, long mtime) {
        return entry(name, '0', executable ? 0100755 : 0100644, size, "", mtime);
    }

    /** A folder's header (mode 0755, as files get 0755 or 0644 whatever the umask of the checkout). */
    static byte[] directory(String name, long mtime) {
        return entry(name + "/", '5', 040755, 0, "", mtime);
    }

    /** A symbolic link's header: the link itself, never what it points to. */
    static byte[] symlink(String name, String target, long mtime) {
        return entry(name, '2', 0120777, 0, target, mtime);
    }

    /** Zero bytes that fill the last block of {@code size} bytes of contents. */
    static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    /** The end of an archive: two zero blocks. */
    static byte[] end() {
        return new byte[2 * BLOCK];
    }

    private static byte[] entry(String name, char type, int mode, long size, String link, long mtime) {
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
            out.writeBytes(block("PaxHeaders/" + last(name), 'x', 0100644, records.length, "", mtime));
            out.writeBytes(records);
            out.writeBytes(new byte[padding(records.length)]);
        }
        out.writeBytes(block(name, type, mode, size, link, mtime));
        return out.toByteArray();
    }

    /**
     * One ustar block, written by commons-compress (fields, checksum); a name or link longer than its field is cut
     * there, and a size past it is written as 0: the PAX record before the block holds all of it.
     */
    private static byte[] block(String name, char type, int mode, long size, String link, long mtime) {
        TarArchiveEntry entry = new TarArchiveEntry(name, (byte) type, true);
        entry.setMode(mode);
        entry.setSize(size);
        // ustar's 11 octal digits end in 2242; a commit dated later (git takes any date) gets that time
        entry.setModTime(FileTime.fromMillis(Math.min(Math.max(0, mtime), MAX_USTAR_NUMBER) * 1000));
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName(""); // not the user running the build
        entry.setGroupName("");
        entry.setLinkName(link);
        byte[] b = new byte[BLOCK];
        try {
            entry.writeEntryHeader(b, UTF_8, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // UTF-8 encodes every name
        }
        return b;
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
    private static String last(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
