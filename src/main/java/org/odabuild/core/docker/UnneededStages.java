package org.odabuild.core.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.dockerfile.DockerfileStages;
import org.odabuild.core.dockerfile.DockerfileStages.Stage;
import org.odabuild.core.dockerfile.DockerfileText;

/**
 * The stages the last stage does not need, left out as BuildKit leaves them out: the classic builder builds every
 * stage of the Dockerfile, so a {@code test} stage between the build and the final stage would run its tests (and
 * fail the image, or pull what it needs) where {@code docker build} skips it. What the daemon gets instead keeps every
 * line and stage number: each such stage becomes an empty {@code FROM scratch} with its name, its other lines empty.
 * The last stage is built from the same instructions, so the image is the same.
 *
 * @param stages     the stages left out, each as {@code name (line)} or {@code #n (line)}
 * @param dockerfile the Dockerfile to send, byte for byte the given one in every line it keeps
 */
public record UnneededStages(List<String> stages, byte[] dockerfile) {

    public UnneededStages {
        stages = List.copyOf(stages);
    }

    /**
     * The stages that the last one needs neither through its FROM nor through a {@code COPY --from}, directly or
     * through another; none when every stage is needed.
     */
    public static Optional<UnneededStages> of(byte[] dockerfile, Map<String, String> buildArgs) {
        String text = DockerfileText.of(dockerfile);
        DockerfileStages all = DockerfileStages.of(text, buildArgs);
        List<Stage> stages = all.all();
        if (stages.size() < 2) {
            return Optional.empty();
        }
        Set<Integer> needed = new HashSet<>(Set.of(stages.size() - 1));
        for (int i = stages.size() - 1; i >= 0; i--) {
            Stage stage = stages.get(i);
            if (needed.contains(i)) {
                all.named(stage, stage.base(), false).ifPresent(s -> needed.add(s.index()));
                stage.copiedFrom().forEach(source -> all.named(stage, source, true)
                        .ifPresent(s -> needed.add(s.index())));
            }
        }
        if (needed.size() == stages.size()) {
            return Optional.empty();
        }
        List<byte[]> lines = lines(dockerfile);
        List<String> left = new ArrayList<>();
        for (Stage stage : stages) {
            if (needed.contains(stage.index())) {
                continue;
            }
            left.add(stage.name().orElse("#" + stage.index()) + " (line " + stage.line() + ")");
            int end = stage.index() + 1 < stages.size() ? stages.get(stage.index() + 1).line() - 1 : lines.size();
            for (int line = stage.line(); line <= end; line++) {
                lines.set(line - 1, new byte[0]);
            }
            lines.set(stage.line() - 1, ("FROM scratch" + stage.name().map(n -> " AS " + n).orElse(""))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return Optional.of(new UnneededStages(left, join(lines)));
    }

    /** The lines between the {@code \n}s, as bytes: a line the plugin keeps goes out as it came. */
    private static List<byte[]> lines(byte[] dockerfile) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= dockerfile.length; i++) {
            if (i == dockerfile.length || dockerfile[i] == '\n') {
                lines.add(Arrays.copyOfRange(dockerfile, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.write('\n');
            }
            out.writeBytes(lines.get(i));
        }
        return out.toByteArray();
    }
}
