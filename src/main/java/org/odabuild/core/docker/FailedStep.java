package org.odabuild.core.docker;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.odabuild.core.BuildLog;

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

    public FailedStep {
        lines = List.copyOf(lines);
    }

    /** The failed step a build's exception carries somewhere in its causes. */
    public static Optional<FailedStep> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Failure f) {
                return Optional.of(f.step);
            }
        }
        return Optional.empty();
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
    static final class Failure extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient FailedStep step;

        Failure(String message, FailedStep step) {
            super(message);
            this.step = step;
        }
    }
}
