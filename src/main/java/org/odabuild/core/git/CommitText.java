package org.odabuild.core.git;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The committer time and message of a raw commit, found exactly where JGit's {@code RawParseUtils} (what RevCommit
 * reads with) finds them, without loading JGit for it: in a cold JVM its first use costs 7 to 10 ms on the path every
 * plan waits for. A message that is not UTF-8 is left to JGit, with its fallbacks (the commit's encoding header, the
 * platform's, ISO-8859-1).
 */
final class CommitText {

    private static final byte[] COMMITTER = "committer ".getBytes(StandardCharsets.US_ASCII);

    private CommitText() {
    }

    /** The committer's time in seconds (its identity's number after the {@code >}), 0 when there is none. */
    static int committerTime(byte[] raw) {
        int committer = committer(raw);
        return committer < 0 ? 0 : parseBase10(raw, nextLf(raw, committer, '>'));
    }

    /** The message, decoded as RevCommit's full message is. */
    static String message(byte[] raw) {
        int body = messageStart(raw);
        if (body < 0) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, body, raw.length - body)).toString();
        } catch (CharacterCodingException e) {
            try {
                return RawParseUtils.decode(RawParseUtils.guessEncoding(raw), raw, body, raw.length);
            } catch (IndexOutOfBoundsException cut) {
                // JGit reads past the end of an "encoding " header cut short: its last fallback, byte for byte
                return new String(raw, body, raw.length - body, StandardCharsets.ISO_8859_1);
            }
        }
    }

    // the positions below are RawParseUtils' own: the tree line is 46 bytes, a parent line 48, whatever they hold

    private static int afterParents(byte[] b) {
        int ptr = 46;
        while (ptr < b.length && b[ptr] == 'p') {
            ptr += 48;
        }
        return ptr;
    }

    private static int committer(byte[] b) {
        int ptr = afterParents(b);
        if (ptr < b.length && b[ptr] == 'a') {
            ptr = nextLf(b, ptr, '\n');
        }
        if (ptr + COMMITTER.length > b.length) {
            return -1;
        }
        for (int i = 0; i < COMMITTER.length; i++) {
            if (b[ptr + i] != COMMITTER[i]) {
                return -1;
            }
        }
        return ptr + COMMITTER.length;
    }

    private static int messageStart(byte[] b) {
        int ptr = afterParents(b); // then any header line, whatever it is
        while (ptr < b.length && b[ptr] != '\n') {
            ptr = nextLf(b, ptr, '\n');
        }
        return ptr < b.length && b[ptr] == '\n' ? ptr + 1 : -1;
    }

    /** Just past the next {@code stop} or line feed. */
    private static int nextLf(byte[] b, int ptr, char stop) {
        while (ptr < b.length) {
            byte c = b[ptr++];
            if (c == stop || c == '\n') {
                return ptr;
            }
        }
        return ptr;
    }

    /** A decimal number after spaces, with an optional sign; int arithmetic as RawParseUtils (it may overflow). */
    private static int parseBase10(byte[] b, int ptr) {
        while (ptr < b.length && b[ptr] == ' ') {
            ptr++;
        }
        if (ptr >= b.length) {
            return 0;
        }
        int sign = 0;
        if (b[ptr] == '-') {
            sign = -1;
            ptr++;
        } else if (b[ptr] == '+') {
            ptr++;
        }
        int r = 0;
        while (ptr < b.length && b[ptr] >= '0' && b[ptr] <= '9') {
            r = r * 10 + (b[ptr] - '0');
            ptr++;
        }
        return sign < 0 ? -r : r;
    }
}
