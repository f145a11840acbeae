package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odabuild.testing.RecordingLog;

/**
 * A multi-file edit killed at each step (a child JVM halted as SIGKILL would stop it) is completed or undone by
 * the next run, which says so; no staged, backup or journal file survives.
 */
class EditJournalKillTest {

    static final List<String> FILES = List.of("a.yaml", "b.yaml", "c.yaml");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed before rename {0}")
    @ValueSource(ints = {-1, 0, 1, 2, 3})
    void theNextRunCompletesOrUndoesTheWholeSet(int killAt) throws Exception {
        for (String f : FILES) {
            Files.writeString(dir.resolve(f), "old " + f + "\n");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KilledEdit.class.getName(), dir.toString(),
                Integer.toString(killAt)).inheritIO().start();
        int exit = child.waitFor();
        assertThat(exit).isEqualTo(killAt == 3 ? 0 : 137);
        assertThat(Files.exists(dir.resolve(EditJournal.FILE))).isEqualTo(killAt != 3);

        RecordingLog log = new RecordingLog();
        int recovered = new EditJournal(dir).recover(log);
        assertThat(recovered).isEqualTo(killAt == 3 ? 0 : 3);
        List<String> texts = FILES.stream().map(f -> read(dir.resolve(f))).toList();
        boolean rolledBack = killAt == -1;
        assertThat(texts).as("all old or all new").containsExactlyElementsOf(FILES.stream()
                .map(f -> (rolledBack ? "old " : "new ") + f + "\n").toList());
        if (killAt != 3) {
            assertThat(log.warnings).singleElement().asString().startsWith("An earlier run was stopped while it"
                    + " edited 3 file(s)");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("nothing left behind")
                    .containsExactlyInAnyOrderElementsOf(FILES);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
