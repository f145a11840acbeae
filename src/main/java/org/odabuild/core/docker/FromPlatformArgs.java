package org.odabuild.core.docker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.dockerfile.ArgExpansion;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;
import org.odabuild.core.dockerfile.DockerfileStages;
import org.odabuild.core.dockerfile.DockerfileText;

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
        Map<String, String> args = DockerfileStages.of(text, buildArgs).fromArgs(buildArgs);
        InstructionLines lines = new InstructionLines(dockerfile, instructions);
        for (int i = 0; i < instructions.size(); i++) {
            Instruction from = instructions.get(i);
            if (!from.keyword().equals("FROM")) {
                continue;
            }
            for (String option : DockerfileInstructions.words(from.arguments())) {
                if (!option.startsWith("--")) {
                    break;
                }
                Optional<String> platform = option.startsWith(OPTION) && option.contains("$")
                        ? ArgExpansion.expand(option.substring(OPTION.length()), args).filter(p -> !p.isEmpty())
                        : Optional.empty();
                if (platform.isPresent()) {
                    lines.replace(i, (line, first) -> line.indexOf(option), option.length(),
                            OPTION + platform.get());
                }
            }
        }
        return lines.changed();
    }
}
