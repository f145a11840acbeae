package org.odabuild.core.docker;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.docker.DockerfileInstructions.Instruction;

/**
 * {@code FROM --platform=$BUILDPLATFORM} with the platform args put in, as BuildKit reads it: BuildKit declares its
 * platform args ({@code BUILDPLATFORM}, {@code TARGETARCH}, ...) for FROM lines by itself, the classic builder expands
 * in FROM only the args declared before the first FROM, and fails on the empty platform. What the daemon gets names
 * the platform outright, on the same line; every other byte stays.
 */
public final class FromPlatformArgs {

    private static final String OPTION = "--platform=";

    private FromPlatformArgs() {
    }

    /**
     * The Dockerfile with each FROM's {@code --platform} that names an arg put in, from {@code buildArgs} (the
     * platform args of this build) and the args before the first FROM; none when no FROM names one, or one cannot be
     * put in (the daemon then says what it makes of it).
     */
    public static Optional<byte[]> of(byte[] dockerfile, Map<String, String> buildArgs) {
        String text = DockerfileText.of(dockerfile);
        List<Instruction> instructions = DockerfileInstructions.of(text);
        if (instructions.stream().noneMatch(i -> i.keyword().equals("FROM") && i.arguments().contains(OPTION + "$"))) {
            return Optional.empty();
        }
        Map<String, String> args = new HashMap<>(DockerfileStages.of(text, buildArgs).metaArgs());
        buildArgs.forEach((name, value) -> {
            if (BaseImages.PLATFORM_ARG.matcher(name).matches()) {
                args.put(name, value);
            }
        });
        // one char per byte: a line that is not changed goes out as it came, whatever its encoding
        String[] lines = new String(dockerfile, StandardCharsets.ISO_8859_1).split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction from = instructions.get(i);
            if (!from.keyword().equals("FROM")) {
                continue;
            }
            int last = i + 1 < instructions.size() ? instructions.get(i + 1).line() - 1 : lines.length;
            for (String option : DockerfileInstructions.words(from.arguments())) {
                if (!option.startsWith("--")) {
                    break;
                }
                Optional<String> platform = option.startsWith(OPTION) && option.contains("$")
                        ? ArgExpansion.expand(option.substring(OPTION.length()), args).filter(p -> !p.isEmpty())
                        : Optional.empty();
                for (int line = from.line() - 1; platform.isPresent() && line < last; line++) {
                    int at = lines[line].indexOf(option);
                    if (at >= 0) {
                        lines[line] = lines[line].substring(0, at) + OPTION + platform.get()
                                + lines[line].substring(at + option.length());
                        changed = true;
                        break;
                    }
                }
            }
        }
        return changed ? Optional.of(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1))
                : Optional.empty();
    }
}
