package org.odabuild.core.edit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM for {@link EditJournalKillTest}: edits a.yaml, b.yaml and c.yaml together and halts (no finally, no
 * shutdown hook, as SIGKILL) right before the given rename, or at the given staging step when negative.
 */
public final class KilledEdit {

    private KilledEdit() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int killAt = Integer.parseInt(args[1]);
        Map<Path, AtomicFileSet.Replacement> files = new LinkedHashMap<>();
        for (String name : List.of("a.yaml", "b.yaml", "c.yaml")) {
            Path p = root.resolve(name);
            files.put(p, new AtomicFileSet.Replacement(Files.readString(p), "new " + name + "\n"));
        }
        AtomicInteger moves = new AtomicInteger();
        EditJournal journal = new EditJournal(root) {
            @Override
            void replacing(Map<Path, Path> staged, Map<Path, Path> backups) throws java.io.IOException {
                if (killAt < 0) {
                    Runtime.getRuntime().halt(137); // staged and backed up, journal still in "staging"
                }
                super.replacing(staged, backups);
            }
        };
        AtomicFileSet.write(files, (from, to) -> {
            if (moves.getAndIncrement() == killAt) {
                Runtime.getRuntime().halt(137);
            }
            AtomicFileSet.ATOMIC.move(from, to);
        }, journal);
    }
}
