package org.odabuild.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.odabuild.core.InvalidInputException;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

/**
 * oda-canvas' real config and values files, broken at random (lines dropped, doubled or shifted, YAML's own
 * characters put in, the text cut off): every image either resolves, or is reported broken with the file and line,
 * or the goal stops with the plugin's own error naming the file; never another exception.
 */
class MutatedOdaCanvasProperties {

    private static final List<String> FILES = List.of(Fixtures.ODA_CANVAS_CONFIG, "charts/canvas-oda/values.yaml",
            "charts/component-operator/values.yaml", "charts/pdb-management-operator/values.yaml");
    private static Path repo;

    @BeforeContainer
    static void copyOdaCanvas() throws IOException {
        repo = Fixtures.copyOdaCanvas(Files.createTempDirectory("oda-mutated"));
    }

    @AfterContainer
    static void removeIt() {
        Fixtures.deleteTree(repo);
    }

    @Property(tries = 300)
    void everyBrokenFileIsSaidWithItsPlace(@ForAll("files") String file, @ForAll("edits") List<int[]> edits)
            throws IOException {
        Path path = repo.resolve(file);
        String original = Files.readString(Fixtures.odaCanvasSource().resolve(file));
        Files.writeString(path, mutate(original, edits));
        try {
            Resolution resolution = Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.of(repo),
                    repo.resolve("target/oda"), List.of(), Optional.empty()), new RecordingLog());
            resolution.broken().forEach(b -> assertThat(b.reason()).as(b.key()).containsPattern("\\.yaml(:\\d+)?"));
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).contains(".yaml").hasSizeLessThan(2000);
        } finally {
            Files.writeString(path, original);
        }
    }

    private static final List<String> TOKENS = List.of(":", "- ", "&a ", "*a", "<<: *a\n", "!!str ", "!!binary ",
            "!!null ", "\"", "'", "{", "}", "[", "]", "#", "\t", "|", ">", "%YAML 1.2\n", "---\n", "...\n", "\u00e9",
            "\u0000", "\uFEFF", "\r", "\n", "  ", "? ", "!x ", "!!map ", "*", "&", ",", "\\", "@", "`", "\u2028",
            "\uD83D\uDE80", "~", "null", "0x1F", "1.0", "1.0.0-", "-", "&b [*a,*a,*a]\n");

    /** Each edit: {kind, place, token}. */
    private static String mutate(String text, List<int[]> edits) {
        String s = text;
        for (int[] e : edits) {
            String[] lines = s.split("\n", -1);
            int line = e[1] % lines.length;
            int at = e[1] % (s.length() + 1);
            if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))) {
                at--; // never between the two halves of an emoji put in before: a file holds whole characters
            }
            String token = TOKENS.get(e[2] % TOKENS.size());
            s = switch (e[0]) {
                case 0 -> String.join("\n", drop(lines, line));
                case 1 -> s.substring(0, at) + lines[line] + "\n" + s.substring(at);
                case 2 -> { lines[line] = " " + lines[line]; yield String.join("\n", lines); }
                case 3 -> { lines[line] = lines[line].replaceFirst("^ ", ""); yield String.join("\n", lines); }
                case 4 -> s.substring(0, at) + token + s.substring(at);
                case 5 -> lines[line].contains(": ") ? replaceValue(lines, line, token) : s;
                default -> s.substring(0, at);
            };
        }
        return s;
    }

    private static String[] drop(String[] lines, int index) {
        return Stream.concat(Stream.of(lines).limit(index), Stream.of(lines).skip(index + 1L)).toArray(String[]::new);
    }

    private static String replaceValue(String[] lines, int index, String token) {
        lines[index] = lines[index].substring(0, lines[index].indexOf(": ") + 2) + token;
        return String.join("\n", lines);
    }

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 1000)).as((kind, place, token) -> new int[] {kind, place, token})
                .list().ofMinSize(1).ofMaxSize(4);
    }
}
