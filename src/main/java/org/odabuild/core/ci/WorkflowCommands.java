package org.odabuild.core.ci;

import java.util.regex.Pattern;

/**
 * GitHub Actions takes any line of a step's output that starts with {@code ::} (after blanks) as a workflow command:
 * {@code ::error::}, {@code ::add-mask::}, {@code ::stop-commands::}. A file name, a values text or a registry's
 * answer that holds a line break would start such a line inside a message; the plugin's own commands go out on
 * their own lines ({@link GithubAnnotations}), so no line of a message may start one.
 */
public final class WorkflowCommands {

    private static final Pattern COMMAND_LINE = Pattern.compile("(?m)^([ \\t]*)::");

    private WorkflowCommands() {
    }

    /** The message with a {@code \} before each {@code ::} that starts a line: shown, never run. */
    public static String neutralized(String message) {
        return message == null ? null : COMMAND_LINE.matcher(message).replaceAll("$1\\\\::");
    }
}
