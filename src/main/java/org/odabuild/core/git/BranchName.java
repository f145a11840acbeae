package org.odabuild.core.git;

import java.util.List;
import java.util.Optional;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.ci.CiEnvironment;

/**
 * The branch being built and where that answer came from. CI checkouts are often detached, so CI variables come
 * before the checked-out branch.
 */
public record BranchName(String name, String source) {

    /** CI variables in order: a pull request's head branch first, then the pushed ref. */
    static final List<String> CI_VARIABLES = List.of("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME",
            "BRANCH_NAME");

    public static BranchName resolve(Optional<String> explicit, CiEnvironment ci, HeadCommit head) {
        if (explicit.isPresent() && !explicit.get().isBlank()) {
            return new BranchName(explicit.get().strip(), Setting.BRANCH.property());
        }
        for (String variable : CI_VARIABLES) {
            Optional<String> value = ci.get(variable);
            if (value.isPresent()) {
                return new BranchName(value.get(), variable);
            }
        }
        return head.checkedOutBranch().map(b -> new BranchName(b, "checked-out branch"))
                .orElseThrow(() -> new InvalidInputException("HEAD is detached at " + head.shortId()
                        + " and no CI variable (" + String.join(", ", CI_VARIABLES) + ") names the branch: pass it"
                        + " with " + Setting.BRANCH.set("<branch>")));
    }
}
