package org.odabuild.core.docker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.dockerfile.ArgExpansion;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;
import org.odabuild.core.dockerfile.DockerfileStages;
import org.odabuild.core.dockerfile.DockerfileStages.Stage;
import org.odabuild.core.dockerfile.DockerfileText;

/**
 * The images a Dockerfile's FROM lines pull, and the same Dockerfile with some of them named by digest, on the same
 * line: a base image given as the digest of one platform's manifest is the image BuildKit resolves its FROM to, where
 * a tag may name an index of several platforms.
 */
public final class FromDigests {

    private static final String PLATFORM = "--platform=";
    /** What ends a continued line: the default escape and the one of {@code # escape=`}. */
    private static final List<String> CONTINUATION = List.of("\\", "`");

    /**
     * A FROM that pulls an image (neither {@code scratch} nor an earlier stage).
     *
     * @param line     the first line of the FROM, 1-based
     * @param written  the image as written
     * @param image    the image, args put in as the builders put them in
     * @param platform its {@code --platform}, args put in (it may still hold a {@code $} none could fill); empty
     *                 when it names none, so that the stage is built for the build's platform
     */
    public record Pull(int line, String written, String image, Optional<String> platform) {
    }

    private FromDigests() {
    }

    /** {@code buildArgs}: the args of the build, its platform args among them. */
    public static List<Pull> pulls(String dockerfile, Map<String, String> buildArgs) {
        DockerfileStages stages = DockerfileStages.of(dockerfile, buildArgs);
        Map<String, String> args = stages.fromArgs(buildArgs);
        List<Pull> pulls = new ArrayList<>();
        for (Stage stage : stages.all()) {
            if (stage.base().equals("scratch") || stages.named(stage, stage.base(), false).isPresent()) {
                continue;
            }
            Optional<String> platform = stage.options().stream().filter(o -> o.startsWith(PLATFORM)).findFirst()
                    .map(o -> o.substring(PLATFORM.length()))
                    .map(p -> ArgExpansion.expand(p, args).filter(x -> !x.isEmpty()).orElse(p));
            pulls.add(new Pull(stage.line(), stage.written(), stage.base(), platform));
        }
        return pulls;
    }

    /**
     * The context with the image of each FROM that {@code reference} gives another reference for replaced by it (on
     * its own line, every other byte kept); the context as it is when none is, or its Dockerfile cannot be read (the
     * daemon then says what is wrong).
     *
     * @param buildArgs the args of the build, its platform args among them
     */
    public static BuildContext pinned(BuildContext context, Map<String, String> buildArgs,
            Function<Pull, Optional<String>> reference) {
        byte[] dockerfile;
        try {
            dockerfile = context.dockerfileBytes();
        } catch (IOException e) {
            return context;
        }
        Map<Pull, String> pinned = new LinkedHashMap<>();
        for (Pull pull : pulls(DockerfileText.of(dockerfile), buildArgs)) {
            reference.apply(pull).ifPresent(r -> pinned.put(pull, r));
        }
        return pin(dockerfile, pinned).map(context::withDockerfile).orElse(context);
    }

    /**
     * The Dockerfile with the image of each given FROM replaced by its reference in {@code pinned}; every other byte
     * stays. Empty when no image could be found on its FROM's lines (the Dockerfile is then sent as it is).
     */
    public static Optional<byte[]> pin(byte[] dockerfile, Map<Pull, String> pinned) {
        if (pinned.isEmpty()) {
            return Optional.empty();
        }
        List<Instruction> instructions = DockerfileInstructions.of(DockerfileText.of(dockerfile));
        InstructionLines lines = new InstructionLines(dockerfile, instructions);
        Map<Integer, Map.Entry<Pull, String>> byLine = new HashMap<>();
        pinned.entrySet().forEach(e -> byLine.put(e.getKey().line(), e));
        for (int i = 0; i < instructions.size(); i++) {
            Map.Entry<Pull, String> pin = byLine.get(instructions.get(i).line());
            if (pin != null && instructions.get(i).keyword().equals("FROM")) {
                String written = InstructionLines.asOnTheLines(pin.getKey().written());
                // on the FROM's own line the image comes after the keyword
                lines.replace(i, (line, first) -> word(line, written, first ? keywordEnd(line) : 0),
                        written.length(), pin.getValue());
            }
        }
        return lines.changed();
    }

    /** Where the FROM keyword ends on its line. */
    private static int keywordEnd(String line) {
        int start = 0;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        return Math.min(line.length(), start + "FROM".length());
    }

    /**
     * The first place from {@code from} where {@code word} stands as a word of its own: after whitespace (or at the
     * start of a continued line) and before whitespace, the line's end or its continuation character.
     */
    private static int word(String line, String word, int from) {
        for (int at = line.indexOf(word, from); at >= 0; at = line.indexOf(word, at + 1)) {
            boolean startsWord = at == 0 || Character.isWhitespace(line.charAt(at - 1));
            int end = at + word.length();
            boolean endsWord = end == line.length() || Character.isWhitespace(line.charAt(end))
                    || CONTINUATION.contains(line.substring(end).strip());
            if (startsWord && endsWord) {
                return at;
            }
        }
        return -1;
    }
}
