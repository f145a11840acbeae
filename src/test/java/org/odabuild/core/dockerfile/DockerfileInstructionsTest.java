package org.odabuild.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;

/** Instructions, options and heredocs as BuildKit's parser finds them (its parser_heredoc and parser tests). */
class DockerfileInstructionsTest {

    private static List<String> heredocsOf(String instruction) {
        return DockerfileInstructions.of("FROM scratch\n" + instruction + "\n").get(1).heredocs();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "RUN <<EOF                        | EOF",
        "run <<EOF                        | EOF",
        "COPY <<EOF /greeting             | EOF",
        "ADD --chown=1 <<EOF /x           | EOF",
        "RUN <<-EOF                       | EOF",
        "RUN <<'EOF'                      | EOF",
        "RUN <<\"E O\"                    | E O",
        "RUN 3<<EOF cat /dev/fd/3         | EOF",
        "RUN python3 <<EOF                | EOF",
        "ONBUILD RUN <<EOF                | EOF",
        "COPY <<one <<two /x/             | one,two",
        "RUN cat <<EOF>out                | EOF>out"})
    void aWordThatStartsAHeredoc(String instruction, String names) {
        assertThat(heredocsOf(instruction.strip())).containsExactly(names.strip().split(","));
    }

    /** Not heredocs to BuildKit either: the classic builder builds them as written. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "RUN cat << EOF",
        "RUN cat <<<EOF",
        "RUN echo a<<EOF",
        "RUN echo \"<<EOF\"",
        "RUN echo '<<EOF'",
        "RUN echo \\<<EOF",
        "RUN [\"cat\", \"<<EOF\"]",
        "CMD cat <<EOF",
        "ENV A=<<EOF"})
    void noHeredoc(String instruction) {
        List<Instruction> all = DockerfileInstructions.of("FROM scratch\n" + instruction + "\nCOPY a /a\n");
        assertThat(all).extracting(Instruction::keyword).containsExactly("FROM",
                instruction.split(" ")[0].toUpperCase(), "COPY");
        assertThat(all.get(1).heredocs()).isEmpty();
    }

    /** A '#' inside a line starts no comment: the word after it still starts a heredoc. */
    @Test
    void aHashInsideALineIsText() {
        assertThat(heredocsOf("RUN echo x # <<EOF")).containsExactly("EOF");
    }

    @Test
    void aHeredocsBodyIsTextNotInstructions() {
        List<Instruction> all = DockerfileInstructions.of("""
                FROM scratch
                RUN <<EOF
                RUN --mount=type=cache,target=/c make
                COPY --chmod=755 a /a
                EOF
                COPY <<-END /x
                \t\tADD --checksum=sha256:0 a /a
                \tEND
                LABEL a=b
                """);
        assertThat(all).extracting(Instruction::line, Instruction::keyword).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "FROM"), org.assertj.core.groups.Tuple.tuple(2, "RUN"),
                org.assertj.core.groups.Tuple.tuple(6, "COPY"), org.assertj.core.groups.Tuple.tuple(9, "LABEL"));
        assertThat(all).flatExtracting(Instruction::options).isEmpty();
    }

    @Test
    void continuedLinesAreOneInstructionAtItsFirstLine() {
        List<Instruction> all = DockerfileInstructions.of("""
                FROM scratch
                # a comment
                COPY \\
                  # a comment inside
                  --chmod=755 \\

                  a /a
                RUN apt-get update && \\
                  cat <<EOF
                hello
                EOF
                """);
        assertThat(all).extracting(Instruction::line).containsExactly(1, 3, 8);
        assertThat(all.get(1).options()).containsExactly("chmod");
        assertThat(all.get(2).heredocs()).containsExactly("EOF");
    }

    @Test
    void theEscapeDirectiveMakesTheBacktickTheContinuation() {
        List<Instruction> all = DockerfileInstructions.of("# escape=`\nFROM scratch\nCOPY `\n  --link a /a\n"
                + "COPY b c:\\\\\nCOPY d /d\n");
        assertThat(all).extracting(Instruction::line).containsExactly(2, 3, 5, 6);
        assertThat(all.get(1).options()).containsExactly("link");
        // a directive after the first instruction is a comment
        assertThat(DockerfileInstructions.of("FROM scratch\n# escape=`\nCOPY a `\n/a\n"))
                .extracting(Instruction::line).containsExactly(1, 3, 4);
    }

    @Test
    void optionsAreTheLeadingDoubleDashWords() {
        Instruction copy = DockerfileInstructions.of("COPY --from=build --CHMOD=\"7 55\" --link a --exclude b\n")
                .get(0);
        // BuildKit takes option names as written: --CHMOD is an unknown option to it as well
        assertThat(copy.options()).containsExactly("from", "CHMOD", "link");
        assertThat(DockerfileInstructions.of("RUN -- --mount x\n").get(0).options()).isEmpty();
        assertThat(DockerfileInstructions.of("RUN\r\nCOPY\t--parents a /b\r\n")).extracting(Instruction::options)
                .containsExactly(List.of(), List.of("parents"));
    }
}
