package org.odabuild.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words with args put in, as the builders' shell lexer reads a FROM ({@code REG=r.io}, {@code EMPTY=}). */
class ArgExpansionTest {

    private static final Map<String, String> ARGS = new HashMap<>(Map.of("REG", "r.io", "EMPTY", "",
            "TAG", "3.20"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', emptyValue = "", value = {
        "alpine                         | alpine",
        "$REG/alpine                    | r.io/alpine",
        "${REG}/alpine:${TAG}           | r.io/alpine:3.20",
        "alpine:$TAG-slim               | alpine:3.20-slim",
        "${UNSET}alpine                 | alpine",
        "${UNSET:-docker.io}/alpine     | docker.io/alpine",
        "${EMPTY:-docker.io}/alpine     | docker.io/alpine",
        "${EMPTY-docker.io}/alpine      | /alpine",
        "${UNSET-docker.io}/alpine      | docker.io/alpine",
        "${REG:+mirror.io}/alpine       | mirror.io/alpine",
        "${EMPTY:+mirror.io}/alpine     | /alpine",
        "${EMPTY+mirror.io}/alpine      | mirror.io/alpine",
        "${UNSET:-${REG}}/alpine        | r.io/alpine",
        "\"$REG\"/alpine                | r.io/alpine",
        "'$REG'/alpine                  | $REG/alpine",
        "\\$REG/alpine                  | $REG/alpine",
        "a$                             | a$",
        "$1alpine                       | alpine"})
    void putsInTheArgs(String word, String expanded) {
        assertThat(ArgExpansion.expand(word.strip(), ARGS)).contains(expanded.strip());
    }

    /** Forms the plugin does not read give nothing, so the word is left to the daemon. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "${REG#r.}/alpine",
        "${REG%io}/alpine",
        "${REG:?unset}/alpine",
        "${REG/alpine",
        "\"$REG/alpine",
        "'alpine",
        "${}/alpine"})
    void otherFormsAreNotGuessed(String word) {
        assertThat(ArgExpansion.expand(word.strip(), ARGS)).isEqualTo(Optional.empty());
    }

    /** A hostile Dockerfile's nesting gives nothing, not a stack overflow; a real one's is read. */
    @org.junit.jupiter.api.Test
    void deepNestingIsRefusedNotOverflowed() {
        assertThat(ArgExpansion.expand("${A:-".repeat(100_000) + "x" + "}".repeat(100_000), ARGS)).isEmpty();
        assertThat(ArgExpansion.expand("${A:-".repeat(8) + "x" + "}".repeat(8), ARGS)).contains("x");
    }
}
