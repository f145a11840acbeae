package org.odabuild.core.edit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.yaml.YamlDocument;

/**
 * Values files and Chart.yaml files as a commit of the history had them (through links, as the work tree reads
 * them), to compare with the work tree. A commit cannot be mended: a file there that does not parse (a bad merge on
 * main that the branch now mends) is a warning, said once, and the file reads as unknown there; it never stops the
 * goal that compares with it.
 */
final class HistoryYaml {

    private final GitRepository repo;
    private final BuildLog log;
    private final Map<String, Optional<ValuesDocument>> read = new HashMap<>();

    HistoryYaml(GitRepository repo, BuildLog log) {
        this.repo = repo;
        this.log = log;
    }

    /**
     * The file at the commit; empty when it is not there, or does not parse there.
     *
     * @param unknown what an unreadable file means for the caller, said in the warning
     */
    Optional<ValuesDocument> at(String commit, String file, String unknown) {
        return read.computeIfAbsent(commit + ":" + file, k -> repo.readFileThroughLinks(commit, file).flatMap(text -> {
            String there = file + " at " + commit.substring(0, Math.min(7, commit.length()));
            try {
                return Optional.of(ValuesDocument.parse(text, there));
            } catch (InvalidInputException e) {
                log.warn(e.getMessage().replace(YamlDocument.FIX_SYNTAX, "") + " (history; the file here is read as it"
                        + " is): " + unknown);
                return Optional.empty();
            }
        }));
    }

    /** Whether the file is at the commit at all, readable or not. */
    boolean exists(String commit, String file) {
        return repo.blobId(commit, file).isPresent();
    }
}
