package org.odabuild.core.git;

import java.util.Optional;
import java.util.Set;

/**
 * The files changed since the base commit.
 *
 * @param baseCommit the commit compared with; empty when unknown or when HEAD is the first commit
 * @param baseReason how the base was chosen, for the report
 * @param known      false when no base could be found (shallow clone, missing ref): every image counts as changed
 * @param files      repository-relative paths
 * @param warning    why the base is unknown, when it is
 */
public record ChangeSet(Optional<String> baseCommit, String baseReason, boolean known, Set<String> files,
        Optional<String> warning) {

    public ChangeSet {
        files = Set.copyOf(files);
    }

    /**
     * The base as a message names it: its short id and how it was chosen ({@code 1a2b3c4 (merge-base with
     * origin/main)}), once where the reason names the id itself ({@code the merge queue's base 1a2b3c4}).
     */
    public String baseNamed() {
        if (baseCommit.isEmpty()) {
            return baseReason;
        }
        String id = baseCommit.get().substring(0, Math.min(7, baseCommit.get().length()));
        return baseReason.contains(id) ? baseReason : id + " (" + baseReason + ")";
    }

    /** The same change set, with {@code warning} said beside it. */
    ChangeSet withWarning(String warning) {
        return new ChangeSet(baseCommit, baseReason, known, files, Optional.of(warning));
    }

    static ChangeSet unknown(String reason, String warning) {
        return new ChangeSet(Optional.empty(), reason, false, Set.of(), Optional.of(warning));
    }
}
