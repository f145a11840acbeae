package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.odabuild.testing.RecordingLog;

/**
 * A RUN step's output cut into the daemon's messages anywhere (a line across two messages, many lines in one) is
 * kept by the lines the program wrote, each as a terminal shows it: the text after its last carriage return, with
 * its indentation.
 */
class BuildOutputProperties {

    @Property(tries = 2000)
    void theLinesDoNotDependOnWhereTheMessagesAreCut(@ForAll("outputs") String output,
            @ForAll("cuts") List<Integer> cuts) throws IOException {
        StringBuilder answer = new StringBuilder(message("Step 2/2 : RUN pytest")).append(message("\n"));
        int from = 0;
        for (int cut : cuts) {
            int to = Math.min(output.length(), from + cut);
            answer.append(message(output.substring(from, to)));
            from = to;
        }
        answer.append(message(output.substring(from)));
        JsonObject aux = new JsonObject();
        JsonObject id = new JsonObject();
        id.addProperty("ID", "sha256:feed");
        aux.add("aux", id);
        answer.append(aux).append("\r\n");
        RecordingLog log = new RecordingLog();
        BuildOutput.read(new ByteArrayInputStream(answer.toString().getBytes(StandardCharsets.UTF_8)), log, "op:1");

        List<String> expected = new ArrayList<>(List.of("Step 2/2 : RUN pytest"));
        for (String written : output.split("\n", -1)) {
            String shown = written.stripTrailing();
            String text = shown.substring(shown.lastIndexOf('\r') + 1);
            if (!text.isBlank()) {
                expected.add(text);
            }
        }
        assertThat(log.debugs).containsExactlyElementsOf(expected);
    }

    private static String message(String stream) {
        JsonObject m = new JsonObject();
        m.addProperty("stream", stream);
        return m + "\r\n";
    }

    @Provide
    Arbitrary<String> outputs() {
        // what test runners print: words, progress rewritten with \r, blank lines; no line of the builder's own
        return Arbitraries.strings().withChars("abcxyz019 .:-_=[]%\u00e9\t\r\n").ofMaxLength(400)
                .filter(s -> !s.contains("---> "));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 60).list().ofMaxSize(20);
    }
}
