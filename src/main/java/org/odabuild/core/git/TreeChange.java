package org.odabuild.core.git;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;

/**
 * One file's change between two trees, as both readers list it ({@code diff-tree --raw}, JGit's
 * {@link DiffEntry#scan}): a file that changed its kind (a file that became a link) is a deletion and an addition.
 *
 * @param oldId the blob before, {@link #ABSENT} for an added file
 * @param newId the blob after, {@link #ABSENT} for a deleted file
 */
record TreeChange(DiffEntry.ChangeType type, String path, FileMode oldMode, FileMode newMode, String oldId,
        String newId) {

    /** The id both readers give the missing side of an addition or deletion. */
    static final String ABSENT = "0".repeat(40);

    static TreeChange of(DiffEntry d) {
        return new TreeChange(d.getChangeType(), d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath()
                : d.getNewPath(), d.getOldMode(), d.getNewMode(), d.getOldId().name(), d.getNewId().name());
    }
}
