package org.odabuild.core.docker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;
import org.odabuild.core.dockerfile.DockerfileStages;
import org.odabuild.core.dockerfile.DockerfileStages.Stage;
import org.odabuild.core.dockerfile.DockerfileText;

/**
 * The images a Dockerfile's {@code COPY --from=} lines take files from (not its earlier stages), and the same
 * Dockerfile with some of them named otherwise, on the same line: the builders pull such an image as they pull a
 * FROM's.
 */
public final class CopySources {

    private static final String FROM = "--from=";

    /**
     * A {@code COPY --from=} that names an image, written without args (one with {@code $} is left to the builder).
     *
     * @param line the COPY's first line, 1-based
     */
    public record Source(int line, String image) {
    }

    private CopySources() {
    }

    public static List<Source> of(String dockerfile) {
        DockerfileStages stages = DockerfileStages.of(dockerfile, Map.of());
        List<Source> sources = new ArrayList<>();
        for (Instruction copy : DockerfileInstructions.of(dockerfile)) {
            if (!copy.keyword().equals("COPY")) {
                continue;
            }
            Optional<Stage> stage = stages.all().stream().filter(s -> s.line() < copy.line()).reduce((a, b) -> b);
            DockerfileInstructions.optionWords(copy.arguments()).stream().filter(o -> o.startsWith(FROM))
                    .map(o -> o.substring(FROM.length())).findFirst()
                    .filter(source -> !source.isEmpty() && !source.contains("$"))
                    .filter(source -> stage.flatMap(s -> stages.named(s, source, true)).isEmpty())
                    .ifPresent(source -> sources.add(new Source(copy.line(), source)));
        }
        return sources;
    }

    /**
     * The context with the image of each {@code COPY --from=} that {@code reference} gives another reference for
     * replaced by it; the context as it is when none is, or its Dockerfile cannot be read.
     */
    public static BuildContext pinned(BuildContext context, Function<Source, Optional<String>> reference) {
        try {
            return pin(context.dockerfileBytes(), reference).map(context::withDockerfile).orElse(context);
        } catch (IOException e) {
            return context; // the daemon says what is wrong with it
        }
    }

    /**
     * The Dockerfile with the image of each {@code COPY --from=} that {@code reference} gives another reference for
     * replaced by it, on its own line, every other byte kept; empty when nothing was replaced.
     */
    public static Optional<byte[]> pin(byte[] dockerfile, Function<Source, Optional<String>> reference) {
        String text = DockerfileText.of(dockerfile);
        List<Instruction> instructions = DockerfileInstructions.of(text);
        InstructionLines lines = new InstructionLines(dockerfile, instructions);
        for (Source source : of(text)) {
            Optional<String> replacement = reference.apply(source);
            String written = FROM + InstructionLines.asOnTheLines(source.image());
            for (int i = 0; i < instructions.size() && replacement.isPresent(); i++) {
                if (instructions.get(i).line() == source.line()) {
                    lines.replace(i, (line, first) -> option(line, written), written.length(),
                            FROM + replacement.get());
                }
            }
        }
        return lines.changed();
    }

    /** Where {@code --from=image} stands as a word of its own on the line, or -1 (written in quotes, say). */
    private static int option(String line, String written) {
        for (int at = line.indexOf(written); at >= 0; at = line.indexOf(written, at + 1)) {
            int end = at + written.length();
            if ((at == 0 || Character.isWhitespace(line.charAt(at - 1)))
                    && (end == line.length() || Character.isWhitespace(line.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }
}
