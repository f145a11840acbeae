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
import java.util.regex.Pattern;
import org.odabuild.core.BuildLog;

/**
 * The answer of {@code POST /build}: JSON messages as the build goes ({@code stream} lines, an {@code aux} with the
 * image id, pull {@code status} of base images, or an {@code error}). Output lines go to the debug log, pulls to
 * {@link PullProgress}. An error carries the output lines that mention one, since the daemon's own error often says
 * only "returned a non-zero code", and the step it failed at with that step's last lines ({@link FailedStep}).
 */
final class BuildOutput {

    private static final int RECENT = 30;
    /** A program that writes without line ends is still shown, in pieces of this many characters. */
    private static final int LONGEST_LINE = 8192;
    /**
     * The classic builder's messages of its own: a step, its result or container, the container it removes (after a
     * RUN step, and after a failed one since the build asks {@code forcerm}), what it built. A message may start with
     * the blank that {@code ---> } has.
     */
    private static final Pattern BUILDER_LINE = Pattern.compile(" ?(?:Step \\d+/\\d+ : |---> |Removing intermediate"
            + " container \\p{XDigit}+$|Successfully built \\p{XDigit}+$|Successfully tagged \\S+$)", Pattern.MULTILINE);
    /** A step as the classic builder starts it; a program's "Step one" is output. */
    private static final Pattern STEP_LINE = Pattern.compile("Step \\d+/\\d+ : ");

    private final BuildLog log;
    private final Deque<String> recent = new ArrayDeque<>();
    /** Output after the last line end, until its line ends. */
    private final StringBuilder partial = new StringBuilder();
    /** The current step ({@code Step 3/5 : RUN ...}) and its last output lines. */
    private String step;
    private final Deque<String> stepOutput = new ArrayDeque<>();
    private final PullProgress pulls;
    private String imageId;
    private String error;

    private BuildOutput(BuildLog log) {
        this.log = log;
        this.pulls = new PullProgress(log);
    }

    /**
     * Reads the whole answer; returns the image id the daemon reported, if any.
     *
     * @param what the image and platform built, as a failed step names them: images built side by side share the log
     */
    static Optional<String> read(InputStream answer, BuildLog log, String what) throws IOException {
        BuildOutput output = new BuildOutput(log);
        JsonStreamParser parser = new JsonStreamParser(new InputStreamReader(answer, StandardCharsets.UTF_8));
        try {
            while (parser.hasNext()) {
                output.message(parser.next());
            }
        } catch (JsonParseException e) {
            throw new IOException("unreadable build output from the daemon: " + e.getMessage(), e);
        }
        output.line(output.partial.toString());
        if (output.error != null) {
            List<String> lines = output.errorLines();
            String message = lines.isEmpty() ? output.error
                    : output.error + " (build output: " + String.join(" | ", lines) + ")";
            throw output.step == null ? new IOException(message) : new FailedStep.Failure(message,
                    new FailedStep(what, output.step, List.copyOf(output.stepOutput)));
        }
        return Optional.ofNullable(output.imageId);
    }

    private void message(JsonElement element) {
        if (!(element instanceof JsonObject m)) {
            return;
        }
        if (m.get("stream") != null && m.get("stream").isJsonPrimitive()) {
            stream(m.get("stream").getAsString());
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

    /**
     * A RUN step's output comes as the program wrote it: one message may hold many lines (pytest's summary), a line
     * may end in the next message, a progress bar rewrites its line with {@code \r}. Whole lines are kept.
     */
    private void stream(String text) {
        if (BUILDER_LINE.matcher(text).lookingAt() && !partial.isEmpty()) {
            line(partial.toString()); // the builder's own line starts a line, after output that did not end one
            partial.setLength(0);
        }
        partial.append(text);
        int start = 0;
        int end;
        while ((end = partial.indexOf("\n", start)) >= 0) {
            line(partial.substring(start, end));
            start = end + 1;
        }
        partial.delete(0, start); // once per message: a message of many lines is not shifted once per line
        if (partial.length() > LONGEST_LINE) {
            line(partial.toString());
            partial.setLength(0);
        }
    }

    /** A program's line keeps its indentation (a traceback's); the builder's own lines are read without it. */
    private void line(String written) {
        String shown = written.stripTrailing();
        String text = shown.substring(shown.lastIndexOf('\r') + 1); // what a terminal shows of it
        String plain = text.strip();
        if (plain.isEmpty()) {
            return;
        }
        boolean isStep = STEP_LINE.matcher(plain).lookingAt();
        boolean builders = BUILDER_LINE.matcher(plain).lookingAt();
        String kept = builders ? plain : text;
        log.debug(kept);
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(plain);
        if (isStep) {
            step = plain;
            stepOutput.clear();
        } else if (!builders) {
            if (stepOutput.size() == RECENT) {
                stepOutput.removeFirst();
            }
            stepOutput.addLast(kept);
        }
    }

    private List<String> errorLines() {
        return recent.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).toList();
    }

}
