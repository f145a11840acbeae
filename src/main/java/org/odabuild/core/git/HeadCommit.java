package org.odabuild.core.git;

import java.time.Instant;
import java.util.Optional;

/**
 * The commit being built.
 *
 * @param id              full SHA-1
 * @param time            committer time: the build's {@code SOURCE_DATE_EPOCH}
 * @param message         full commit message
 * @param checkedOutBranch the branch HEAD points to, empty when HEAD is detached
 */
public record HeadCommit(String id, Instant time, String message, Optional<String> checkedOutBranch) {

    /** The 7-character form used for {@code GIT_COMMIT_SHA}. */
    public String shortId() {
        return id.substring(0, 7);
    }

    /** The first line of the message. */
    public String subject() {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
