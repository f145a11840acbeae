package org.odabuild.core.git;

import java.util.Optional;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.ci.CiEnvironment;

/**
 * The branch being built and where that answer came from. CI checkouts are often detached, so CI variables come
 * before the checked-out branch.
 *
 * @param changeRequest the CI system builds a pull (merge) request from this branch, not the branch itself
 */
public record BranchName(String name, String source, boolean changeRequest) {

    public BranchName(String name, String source) {
        this(name, source, false);
    }

    public static BranchName resolve(Optional<String> explicit, CiEnvironment ci, HeadCommit head) {
        if (explicit.isPresent() && !explicit.get().isBlank()) {
            return new BranchName(explicit.get().strip(), Setting.BRANCH.property());
        }
        Optional<CiEnvironment.Branch> fromCi = ci.branch();
        if (fromCi.isPresent()) {
            return new BranchName(fromCi.get().name(), fromCi.get().variable(), fromCi.get().changeRequest());
        }
        return head.checkedOutBranch().map(b -> new BranchName(b, "checked-out branch"))
                .orElseThrow(() -> new InvalidInputException("HEAD is detached at " + head.shortId()
                        + " and no CI variable (" + String.join(", ", CiEnvironment.BRANCH_VARIABLE_NAMES)
                        + ") names the branch: pass it with " + Setting.BRANCH.set("<branch>")));
    }
}
