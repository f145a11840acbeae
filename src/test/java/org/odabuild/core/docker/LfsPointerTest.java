package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pointer files as git-lfs' spec (docs/spec.md) writes them, and files that only look like one. */
class LfsPointerTest {

    private static final String OID = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";
    private static final String SPEC_EXAMPLE = "version https://git-lfs.github.com/spec/v1\noid sha256:" + OID
            + "\nsize 12345\n";

    @Test
    void theSpecsPointersArePointers() {
        assertThat(LfsPointer.is(bytes(SPEC_EXAMPLE))).isTrue();
        assertThat(LfsPointer.is(bytes("version https://git-lfs.github.com/spec/v1\next-0-foo sha256:" + OID
                + "\next-1-bar sha256:" + OID + "\noid sha256:" + OID + "\nsize 0\n"))).as("with extensions")
                .isTrue();
        assertThat(SPEC_EXAMPLE.length()).isGreaterThanOrEqualTo((int) LfsPointer.MIN_SIZE);
    }

    @Test
    void filesThatOnlyLookLikeOneAreNot() {
        assertThat(LfsPointer.is(bytes(SPEC_EXAMPLE.replace("\nsize 12345\n", "\nsize 12345")))).as("no last LF")
                .isFalse();
        assertThat(LfsPointer.is(bytes(SPEC_EXAMPLE.replace(OID, OID.toUpperCase())))).as("upper-case hex").isFalse();
        assertThat(LfsPointer.is(bytes(SPEC_EXAMPLE.replace("spec/v1", "spec/v2")))).isFalse();
        assertThat(LfsPointer.is(bytes(SPEC_EXAMPLE.replace("\n", "\r\n")))).as("CRLF").isFalse();
        assertThat(LfsPointer.is(bytes(SPEC_EXAMPLE + "more text\n"))).isFalse();
        assertThat(LfsPointer.is(bytes(SPEC_EXAMPLE + "x".repeat(1024)))).as("over the spec's size").isFalse();
        assertThat(LfsPointer.sized(2048)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
