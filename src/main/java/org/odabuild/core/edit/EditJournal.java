package org.odabuild.core.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.odabuild.core.BuildLog;

/**
 * Makes a multi-file edit recoverable: before the first file is replaced, the journal lists every file with its
 * staged new text and its backup. A run killed part way (SIGKILL, power loss) leaves the journal behind, and the
 * next run of any oda goal completes the set before it does anything else: every staged text was fully written
 * before the journal, so rolling forward is always possible. After a finished or recovered edit no journal, staged
 * or backup file remains.
 */
public class EditJournal { // not final: a kill test stops a run between its phases

    /** In the repository root: a leftover shows in git status, so nobody misses an interrupted edit. */
    public static final String FILE = ".oda-edit-journal";

    private static final String STAGING = "staging";
    private static final String REPLACING = "replacing";

    private final Path file;

    public EditJournal(Path repositoryRoot) {
        this.file = repositoryRoot.resolve(FILE);
    }

    /** Before anything is staged: a run killed now is rolled back (the staged and backup files removed). */
    void staging(Map<Path, Path> staged, Map<Path, Path> backups) throws IOException {
        write(STAGING, staged, backups);
    }

    /** Everything is staged, before the first file is replaced: a run killed now is rolled forward. */
    void replacing(Map<Path, Path> staged, Map<Path, Path> backups) throws IOException {
        write(REPLACING, staged, backups);
    }

    private void write(String phase, Map<Path, Path> staged, Map<Path, Path> backups) throws IOException {
        List<String> lines = new ArrayList<>(List.of(phase));
        staged.forEach((target, tmp) -> lines.add(target + "\t" + tmp + "\t" + backups.get(target)));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        AtomicFileSet.ATOMIC.move(tmp, file);
    }

    void end() {
        AtomicFileSet.deleteQuietly(file);
    }

    /**
     * Completes an edit that a killed run left: each staged text still present is moved into place, then the
     * backups and the journal are removed.
     *
     * @return the number of files the recovered edit covered, 0 when there was nothing to recover
     */
    public int recover(BuildLog log) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean forward = !lines.isEmpty() && lines.get(0).equals(REPLACING);
            List<String[]> entries = lines.stream().skip(1).map(l -> l.split("\t")).filter(p -> p.length == 3)
                    .toList();
            int completed = 0;
            for (String[] parts : entries) {
                Path staged = Path.of(parts[1]);
                if (forward && Files.exists(staged)) {
                    AtomicFileSet.ATOMIC.move(staged, Path.of(parts[0]));
                    completed++;
                }
                AtomicFileSet.deleteQuietly(staged);
                AtomicFileSet.deleteQuietly(Path.of(parts[2]));
            }
            Files.delete(file);
            log.warn("An earlier run was stopped while it edited " + entries.size() + " file(s): "
                    + (forward ? completed + " of them were completed from its staged texts, so all hold the new"
                            + " text" : "it had changed none, so all keep their old text") + ".");
            return entries.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the interrupted edit listed in " + file + ": its new texts"
                    + " are the .oda-new files and its old texts the .oda-old files beside the edited files", e);
        }
    }
}
