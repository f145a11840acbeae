package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.util.RawParseUtils;

/** The committer time and message found in any commit-like bytes are the ones JGit's parser finds. */
class CommitTextProperties {

    @Property(tries = 3000)
    void sameTimeAndMessageAsJGit(@ForAll("commits") byte[] raw) {
        int committer = RawParseUtils.committer(raw, 0);
        int time = committer < 0 ? 0 : RawParseUtils.parseBase10(raw, RawParseUtils.nextLF(raw, committer, '>'), null);
        int body = RawParseUtils.commitMessage(raw, 0);
        assertThat(CommitText.committerTime(raw)).isEqualTo(time);
        String message;
        try {
            message = body < 0 ? "" : RawParseUtils.decode(RawParseUtils.guessEncoding(raw), raw, body, raw.length);
        } catch (IndexOutOfBoundsException jgitReadsPastTheEnd) {
            // JGit's own failure on an "encoding " header cut short: no answer to compare with, but ours gives one
            assertThat(CommitText.message(raw)).isNotNull();
            return;
        }
        assertThat(CommitText.message(raw)).isEqualTo(message);
    }

    /**
     * Found by the property on CI: a parent line that is not 48 bytes puts JGit's message start inside the headers,
     * and an object that ends in "encoding " makes JGit's guess of the encoding read past the end. Ours, asked to
     * decode such a "message" that is not UTF-8, falls back as JGit's last fallback does instead of failing.
     */
    @Example
    void anEncodingHeaderCutShortDoesNotFailTheMessage() {
        String tree = "tree " + "0".repeat(40) + "\nparent " + "0".repeat(37) + "\np\np\n";
        byte[] raw = bytes(tree, bytes("committer A", new byte[] {(byte) 0xe9, ' ', '<', 'x', '>', ' ', '0', '\n',
            'e', 'n', 'c', 'o', 'd', 'i', 'n', 'g', ' '}));
        assertThat(RawParseUtils.commitMessage(raw, 0)).isPositive();
        assertThat(CommitText.message(raw)).isEqualTo("committer A\u00e9 <x> 0\nencoding ");
    }

    @Example
    void anIsoLatinMessageIsDecodedByItsHeader() {
        byte[] raw = bytes("tree " + "a".repeat(40) + "\nauthor A <a> 1 +0000\ncommitter C <c> 1700000000 +0100\n"
                + "encoding ISO-8859-1\n\n", new byte[] {'C', 'a', 'f', (byte) 0xe9, '\n'});
        assertThat(CommitText.committerTime(raw)).isEqualTo(1700000000);
        assertThat(CommitText.message(raw)).isEqualTo("Café\n");
    }

    @Provide
    Arbitrary<byte[]> commits() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(40);
        Arbitrary<String> parent = Arbitraries.oneOf(hex.map(h -> "parent " + h + "\n"),
                hex.map(h -> "parent " + h.substring(3) + "\n"), Arbitraries.just("p\n"));
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.longs().between(-99_999_999_999L, 99_999_999_999L)
                .map(String::valueOf), Arbitraries.just(""), Arbitraries.just("+17"), Arbitraries.just("  42x"),
                Arbitraries.strings().withChars("0123456789 -+x").ofMaxLength(12));
        Arbitrary<String> ident = Combinators.combine(Arbitraries.strings().withChars("Ab <>@é\t").ofMaxLength(10),
                number, Arbitraries.of("", "+0000", " -0130")).as((name, n, tz) -> name + " <x@y>" + " " + n + tz);
        Arbitrary<String> header = Arbitraries.of("encoding ISO-8859-1\n", "encoding UTF-8\n", "encoding nonsense\n",
                "gpgsig -----BEGIN\n -----END\n", "mergetag object x\n type commit\n", "p\n", "x\n", "");
        Arbitrary<String> head = Combinators.combine(hex, parent.list().ofMaxSize(3),
                Arbitraries.of("author ", "a", "", "committer "), ident, Arbitraries.of("committer ", "commiter ", ""),
                ident, header.list().ofMaxSize(3), Arbitraries.of("\n", "", "\n\n"))
                .as((tree, parents, author, authorIdent, committer, committerIdent, headers, end) -> "tree " + tree
                        + "\n" + String.join("", parents) + (author.isEmpty() ? "" : author + authorIdent + "\n")
                        + committer + committerIdent + "\n" + String.join("", headers) + end);
        Arbitrary<byte[]> message = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().withCharRange(' ', 'ÿ').ofMaxLength(30)
                        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(30));
        return Combinators.combine(head, message, Arbitraries.integers().between(0, 60))
                .as((h, m, cut) -> {
                    byte[] all = bytes(h, m);
                    // also cut short anywhere after the tree line: a truncated object
                    return cut < 20 ? Arrays.copyOf(all, Math.min(all.length, 46 + cut * 7)) : all;
                });
    }

    private static byte[] bytes(String head, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(tail);
        return out.toByteArray();
    }

}
