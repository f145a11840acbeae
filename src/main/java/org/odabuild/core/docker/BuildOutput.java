package org.odabuild.core.docker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonStreamParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.odabuild.core.BuildLog;

/**
 * The answer of {@code POST /build}: JSON messages as the build goes ({@code stream} lines, an {@code aux} with the
 * image id, pull {@code status} of base images, or an {@code error}). Output lines go to the debug log, pulls to
 * {@link PullProgress}; an error carries the output lines that mention
 * one, since the daemon's own error often says only "returned a non-zero code". The failed step and its last output
 * lines go to the error log, as BuildKit's progress shows them: a test run by a {@code RUN} step (oda-canvas'
 * {@code DockerfileTest} runs pytest so) says there which test failed.
 */
final class BuildOutput {

    private static final int RECENT = 30;

    private final BuildLog log;
    private final Deque<String> recent = new ArrayDeque<>();
    /** The current step ({@code Step 3/5 : RUN ...}) and its last output lines. */
    private String step;
    private final Deque<String> stepOutput = new ArrayDeque<>();
    private final PullProgress pulls;
    private String imageId;
    private String error;

    /** What is built, for the failed step's line: images built side by side share the log. */
    private final String what;

    private BuildOutput(BuildLog log, String what) {
        this.log = log;
        this.what = what;
        this.pulls = new PullProgress(log);
    }

    /**
     * Reads the whole answer; returns the image id the daemon reported, if any.
     *
     * @param what the image and platform built, as the line of a failed step names them
     */
    static Optional<String> read(InputStream answer, BuildLog log, String what) throws IOException {
        BuildOutput output = new BuildOutput(log, what);
        JsonStreamParser parser = new JsonStreamParser(new InputStreamReader(answer, StandardCharsets.UTF_8));
        try {
            while (parser.hasNext()) {
                output.message(parser.next());
            }
        } catch (JsonParseException e) {
            throw new IOException("unreadable build output from the daemon: " + e.getMessage(), e);
        }
        if (output.error != null) {
            output.showFailedStep();
            List<String> lines = output.errorLines();
            throw new IOException(lines.isEmpty() ? output.error
                    : output.error + " (build output: " + String.join(" | ", lines) + ")");
        }
        return Optional.ofNullable(output.imageId);
    }

    private void message(JsonElement element) {
        if (!(element instanceof JsonObject m)) {
            return;
        }
        if (m.get("stream") != null && m.get("stream").isJsonPrimitive()) {
            String text = m.get("stream").getAsString().strip();
            if (!text.isEmpty()) {
                log.debug(text);
                remember(text);
            }
        }
        if (m.get("status") != null && m.get("status").isJsonPrimitive()) {
            pulls.status(m);
        }
        if (m.get("error") != null && m.get("error").isJsonPrimitive()) {
            error = m.get("error").getAsString().strip();
        }
        if (m.get("aux") instanceof JsonObject aux && aux.get("ID") != null && aux.get("ID").isJsonPrimitive()) {
            imageId = aux.get("ID").getAsString();
        }
    }

    private void remember(String line) {
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(line);
        if (line.startsWith("Step ")) {
            step = line;
            stepOutput.clear();
        } else if (!line.startsWith("---> ") && !line.startsWith("Removing intermediate container")) {
            if (stepOutput.size() == RECENT) {
                stepOutput.removeFirst();
            }
            stepOutput.addLast(line);
        }
    }

    /** The step that failed and what it printed last; with -X the debug log has shown them already. */
    private void showFailedStep() {
        if (step == null || log.isDebugEnabled()) {
            return;
        }
        log.error("The build of " + what + " failed at " + step + (stepOutput.isEmpty() ? " (it printed nothing)"
                : "; its last output lines:"));
        stepOutput.forEach(line -> log.error("  " + line));
    }

    private List<String> errorLines() {
        return recent.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).toList();
    }

}
