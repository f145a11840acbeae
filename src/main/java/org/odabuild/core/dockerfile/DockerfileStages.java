package org.odabuild.core.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;

/**
 * A Dockerfile's stages as the builders read them: each FROM starts one, with the image or earlier stage it starts
 * from (the args before the first FROM put in, with the build args given for them, as Docker 20.10 and 26 do), the
 * name it gives itself, and the sources of its {@code COPY --from} (as written: no builder puts args in there).
 */
public final class DockerfileStages {

    /**
     * One stage.
     *
     * @param index      its number, from 0 ({@code COPY --from=0})
     * @param line       the first line of its FROM, 1-based
     * @param base       what its FROM names, args put in where they can be (else as written)
     * @param written    what its FROM names, as written
     * @param name       the name of {@code AS name}
     * @param options    the FROM's options ({@code --platform=...}) as written
     * @param copiedFrom the sources of its {@code COPY --from=}, in order
     */
    public record Stage(int index, int line, String base, String written, Optional<String> name,
            List<String> options, List<String> copiedFrom) {

        public Stage {
            options = List.copyOf(options);
            copiedFrom = List.copyOf(copiedFrom);
        }
    }

    private final List<Stage> stages;
    private final Map<String, String> metaArgs;
    /** The index of the first stage of each name, in lower case: the builders look names up in any case. */
    private final Map<String, Integer> firstByName = new HashMap<>();

    private DockerfileStages(List<Stage> stages, Map<String, String> metaArgs) {
        this.stages = List.copyOf(stages);
        this.metaArgs = Map.copyOf(metaArgs);
        for (Stage stage : this.stages) {
            stage.name().ifPresent(n -> firstByName.putIfAbsent(n.toLowerCase(Locale.ROOT), stage.index()));
        }
    }

    /** In order. */
    public List<Stage> all() {
        return stages;
    }

    /** The args a FROM sees: declared before the first FROM, at the build arg given for each, else its default. */
    public Map<String, String> metaArgs() {
        return metaArgs;
    }

    /**
     * The args a FROM sees as BuildKit reads it: {@link #metaArgs} and the platform args among {@code buildArgs}
     * ({@code BUILDPLATFORM}, {@code TARGETARCH}, ...), which BuildKit declares for FROM lines by itself.
     */
    public Map<String, String> fromArgs(Map<String, String> buildArgs) {
        Map<String, String> args = new HashMap<>(metaArgs);
        buildArgs.forEach((name, value) -> {
            if (BaseImages.PLATFORM_ARG.matcher(name).matches()) {
                args.put(name, value);
            }
        });
        return args;
    }

    public static DockerfileStages of(String dockerfile, Map<String, String> buildArgs) {
        Map<String, String> metaArgs = new HashMap<>();
        return new DockerfileStages(read(dockerfile, buildArgs, metaArgs), metaArgs);
    }

    private static List<Stage> read(String dockerfile, Map<String, String> buildArgs, Map<String, String> metaArgs) {
        List<Stage> stages = new ArrayList<>();
        List<String> copiedFrom = new ArrayList<>();
        Stage current = null;
        for (Instruction instruction : DockerfileInstructions.of(dockerfile)) {
            if (instruction.keyword().equals("ARG") && current == null) {
                declare(instruction, metaArgs, buildArgs);
            } else if (instruction.keyword().equals("FROM")) {
                List<String> options = DockerfileInstructions.optionWords(instruction.arguments());
                List<String> words = DockerfileInstructions.words(instruction.arguments());
                List<String> rest = words.subList(Math.min(options.size(), words.size()), words.size());
                if (rest.isEmpty()) {
                    continue; // the daemon says what is wrong with it
                }
                if (current != null) {
                    stages.add(withCopies(current, copiedFrom));
                }
                String written = rest.get(0);
                String base = ArgExpansion.expand(written, metaArgs).filter(b -> !b.isEmpty()).orElse(written);
                Optional<String> name = rest.size() >= 3 && rest.get(1).equalsIgnoreCase("AS")
                        ? Optional.of(rest.get(2)) : Optional.empty();
                current = new Stage(stages.size(), instruction.line(), base, written, name, options, List.of());
                copiedFrom.clear();
            } else if (instruction.keyword().equals("COPY") && current != null) {
                DockerfileInstructions.optionWords(instruction.arguments()).stream()
                        .filter(o -> o.startsWith("--from=")).map(o -> o.substring("--from=".length()))
                        .forEach(copiedFrom::add);
            }
        }
        if (current != null) {
            stages.add(withCopies(current, copiedFrom));
        }
        return stages;
    }

    private static Stage withCopies(Stage stage, List<String> copiedFrom) {
        return new Stage(stage.index(), stage.line(), stage.base(), stage.written(), stage.name(), stage.options(),
                copiedFrom);
    }

    /**
     * The stage before {@code stage} that {@code reference} (a FROM's base or a {@code COPY --from} source) names, by
     * name (in any case) or, for {@code COPY --from}, by number: as the classic builder looks them up, among the
     * stages so far; else the reference is an image.
     */
    public Optional<Stage> named(Stage stage, String reference, boolean byNumber) {
        String lower = reference.toLowerCase(Locale.ROOT);
        if (byNumber && lower.matches("\\d{1,9}")) {
            int index = Integer.parseInt(lower);
            return index <= stage.index() ? Optional.of(stages.get(index)) : Optional.empty();
        }
        Integer index = firstByName.get(lower);
        return index != null && index < stage.index() ? Optional.of(stages.get(index)) : Optional.empty();
    }

    /**
     * {@code ARG NAME[=default] ...} before the first FROM: a build arg given for it wins over its default. The
     * defaults see the args of earlier ARG lines only ({@code ARG A=x B=${A}} leaves B empty, on Docker 20.10 and 26).
     */
    private static void declare(Instruction arg, Map<String, String> metaArgs, Map<String, String> buildArgs) {
        Map<String, String> before = Map.copyOf(metaArgs);
        for (String word : DockerfileInstructions.words(arg.arguments())) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            Optional<String> value = Optional.ofNullable(buildArgs.get(name))
                    .or(() -> eq < 0 ? Optional.empty() : ArgExpansion.expand(word.substring(eq + 1), before));
            if (value.isPresent()) {
                metaArgs.put(name, value.get());
            } else {
                metaArgs.remove(name);
            }
        }
    }
}
