package org.odabuild.core.build;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.FailedStep;

/** A failed step of a build said in the user's terms: the Dockerfile's line, where it can be told, and its text. */
final class StepPlace {

    /** The classic builder's words for a RUN step that ended with another exit code than 0. */
    private static final Pattern NON_ZERO = Pattern.compile("returned a non-zero code: (\\d+)");

    private StepPlace() {
    }

    /** The exit code of the step a daemon's answer says ended with one other than 0. */
    static Optional<String> exitCode(String answer) {
        Matcher m = NON_ZERO.matcher(answer);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code src/op/Dockerfile:7 (RUN make)}, or {@code Step 4/5 of src/op/Dockerfile (RUN make)}. */
    static String of(FailedStep step, String dockerfile, Optional<String> sent) {
        return sent.flatMap(step::line).map(line -> dockerfile + ":" + line)
                .orElseGet(() -> step.step().replaceFirst(" : .*", "") + " of " + dockerfile)
                + " (" + step.instruction() + ")";
    }

    /** Where the step's output is to be read: shown above at ERROR, or in the debug log with -X. */
    static String output(FailedStep step, BuildLog log) {
        return step.lines().isEmpty() ? " (it printed nothing)" : log.isDebugEnabled() ? " (its output is above)"
                : " (its last output lines are above)";
    }
}
