package org.odabuild.core.docker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;
import org.odabuild.core.dockerfile.DockerfileText;

/**
 * A Dockerfile's lines, where a word of one instruction is replaced on the line that holds it, so that every line
 * keeps its number and every other byte stays: one char per byte, whatever the file's encoding.
 */
final class InstructionLines {

    /** Where a word stands on one of the instruction's lines, or -1. */
    interface Finder {
        int find(String line, boolean firstLine);
    }

    private final List<Instruction> instructions;
    private final String[] lines;
    private boolean changed;

    InstructionLines(byte[] dockerfile, List<Instruction> instructions) {
        this.instructions = instructions;
        this.lines = new String(dockerfile, StandardCharsets.ISO_8859_1).split("\n", -1);
    }

    /**
     * Replaces {@code length} chars where {@code finder} first finds them on the lines of instruction {@code index}
     * (its first line up to the next instruction's); nothing when it finds none.
     */
    void replace(int index, Finder finder, int length, String replacement) {
        Instruction instruction = instructions.get(index);
        int last = index + 1 < instructions.size() ? instructions.get(index + 1).line() - 1 : lines.length;
        for (int line = instruction.line() - 1; line < last && line < lines.length; line++) {
            int at = finder.find(lines[line], line == instruction.line() - 1);
            if (at >= 0) {
                lines[line] = lines[line].substring(0, at) + replacement + lines[line].substring(at + length);
                changed = true;
                return;
            }
        }
    }

    /**
     * A word of the decoded text (UTF-8, as {@link DockerfileText} reads it) as it stands on these lines, one char
     * per byte: a non-ASCII letter in it is two or more chars here.
     */
    static String asOnTheLines(String word) {
        return new String(word.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The Dockerfile with the replacements; none when nothing was replaced. */
    Optional<byte[]> changed() {
        return changed ? Optional.of(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1))
                : Optional.empty();
    }
}
