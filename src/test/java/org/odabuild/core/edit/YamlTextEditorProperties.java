package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.odabuild.core.values.YqPath;
import org.odabuild.testing.Fixtures;

/**
 * An edit of oda-canvas' real values file holds whatever else the file says: comments in any script, emoji included
 * (which YAML counts as one character and Java as two), before or after the value, never move the edit or stop it,
 * and only the edited lines change.
 */
class YamlTextEditorProperties {

    private static final String ORIGINAL = read("charts/canvas-oda/values.yaml");
    /** Version and suffix paths of images kept in canvas-oda's values file, from oda-canvas' config. */
    private static final List<String[]> ENTRIES = List.of(
            new String[] {".oda-webhook.version", ".oda-webhook.prereleaseSuffix"},
            new String[] {".component-operator.deployment.compopVersion",
                ".component-operator.deployment.compopPrereleaseSuffix"},
            new String[] {".secretsmanagement-operator.sidecarVersion",
                ".secretsmanagement-operator.sidecarPrereleaseSuffix"},
            new String[] {".api-operator-kong.kongoperatorimage.kongopVersion",
                ".api-operator-kong.kongoperatorimage.kongopPrereleaseSuffix"});

    @Property(tries = 100)
    void commentsInAnyScriptNeverMoveOrStopAnEdit(@ForAll("comments") List<String> comments,
            @ForAll("seeds") long seed) {
        String commented = withComments(ORIGINAL, comments, seed);
        String[] entry = ENTRIES.get((int) Math.floorMod(seed, (long) ENTRIES.size()));

        YamlTextEditor editor = new YamlTextEditor("values.yaml", commented);
        editor.set(YqPath.parse(entry[0]), "9.9.9", Optional.empty());
        editor.set(YqPath.parse(entry[1]), "issue42", Optional.empty());

        assertThat(editor.get(YqPath.parse(entry[0]))).contains("9.9.9");
        assertThat(editor.get(YqPath.parse(entry[1]))).contains("issue42");
        assertThat(YamlTextEditorTest.changedLines(commented, editor.text())).as("only the two edited lines change")
                .hasSize(2).allSatisfy(line -> assertThat(line).containsAnyOf("9.9.9", "issue42"));
    }

    /**
     * The text with a comment line before some top-level keys and some comments at the end of existing comment
     * lines: places where a comment never changes what the file says.
     */
    private static String withComments(String text, List<String> comments, long seed) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean pick = !comments.isEmpty() && Math.floorMod(seed + i * 31L, 7L) == 0;
            if (pick && !line.isEmpty() && Character.isLetter(line.charAt(0))) {
                out.add("# " + comments.get(next++ % comments.size()));
            } else if (pick && line.strip().startsWith("#")) {
                line = line + " " + comments.get(next++ % comments.size());
            }
            out.add(line);
        }
        return String.join("\n", out);
    }

    @Provide
    Arbitrary<List<String>> comments() {
        return Arbitraries.of("deploy \uD83D\uDE80", "\uD83D\uDC4D", "caf\u00e9", "\u65e5\u672c\u8a9e", "x: y",
                "\uD800\uDC00", "'quoted'", "\"q\"", "- item", "\t tab", "\uD83C\uDDE9\uD83C\uDDEA flag")
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static String read(String relative) {
        try {
            return Files.readString(Fixtures.odaCanvasSource().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
