package org.odabuild.core.docker;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.dockerfile.DockerfileInstructions;

/**
 * The step a daemon build failed at and what it printed last, as BuildKit's progress shows them: a test run by a
 * {@code RUN} step (oda-canvas' {@code DockerfileTest} runs pytest so) says there which test failed. Carried by the
 * build's exception and shown only by whoever gives up on the build: a build tried again (the classic builder's cache
 * gave a stage of another platform) is no failure to show.
 *
 * @param what  the image and platform built
 * @param step  the daemon's step line ({@code Step 3/5 : RUN ...})
 * @param lines its last output lines, oldest first
 */
public record FailedStep(String what, String step, List<String> lines) {

    /** {@code Step 4/5 : RUN pytest}: the step's number, the daemon's count of instructions, the keyword. */
    private static final Pattern STEP = Pattern.compile("Step (\\d+)/(\\d+) : (\\S+)");

    public FailedStep {
        lines = List.copyOf(lines);
    }

    /** An exception that says which step a build failed at without making the daemon's answer its cause. */
    public interface Carrier {
        FailedStep failedStep();
    }

    /** The failed step a build's exception carries, itself or somewhere in its causes. */
    public static Optional<FailedStep> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Carrier c) {
                return Optional.of(c.failedStep());
            }
        }
        return Optional.empty();
    }

    /**
     * Where the step starts in the Dockerfile as it was sent (whose lines are the user's file's: the plugin's rewrites
     * keep every line in its place). The classic builder numbers every instruction, meta args and FROM lines too; the
     * step is placed only where the file holds as many instructions as the daemon counted and the keywords agree.
     */
    public Optional<Integer> line(String dockerfile) {
        Matcher m = STEP.matcher(step);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        List<DockerfileInstructions.Instruction> instructions = DockerfileInstructions.of(dockerfile);
        int number = Integer.parseInt(m.group(1));
        if (instructions.size() != Integer.parseInt(m.group(2)) || number < 1 || number > instructions.size()) {
            return Optional.empty();
        }
        DockerfileInstructions.Instruction at = instructions.get(number - 1);
        return at.keyword().equalsIgnoreCase(m.group(3)) ? Optional.of(at.line()) : Optional.empty();
    }

    /** The step's instruction as the daemon printed it ({@code RUN pytest}), at most 80 characters. */
    public String instruction() {
        Matcher m = STEP.matcher(step);
        return Excerpt.of(m.lookingAt() ? step.substring(m.end(2) + " : ".length()) : step);
    }

    /** To the error log; with -X the debug log has shown every line already. */
    public void showIn(BuildLog log) {
        if (log.isDebugEnabled()) {
            return;
        }
        log.error("The build of " + what + " failed at " + step + (lines.isEmpty() ? " (it printed nothing)"
                : "; its last output lines:"));
        lines.forEach(line -> log.error("  " + line));
    }

    /** The daemon's answer to a build that failed at a step. */
    static final class Failure extends IOException implements Carrier {

        private static final long serialVersionUID = 1L;

        private final transient FailedStep step;

        Failure(String message, FailedStep step) {
            super(message);
            this.step = step;
        }

        @Override
        public FailedStep failedStep() {
            return step;
        }
    }
}
