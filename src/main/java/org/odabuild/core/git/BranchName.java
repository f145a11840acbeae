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
 * @param tag           the CI system builds a tag of this name, not a branch: nothing is built from it
 */
public record BranchName(String name, String source, boolean changeRequest, boolean tag) {

    public BranchName(String name, String source) {
        this(name, source, false, false);
    }

    public static BranchName resolve(Optional<String> explicit, CiEnvironment ci, HeadCommit head) {
        if (explicit.isPresent() && !explicit.get().isBlank()) {
            String given = explicit.get().strip();
            // ${{ github.ref }} or ${{ github.ref_name }} of a run for a pushed tag: a tag, built as the CI's own is
            Optional<String> tag = given.startsWith("refs/tags/") && given.length() > "refs/tags/".length()
                    ? Optional.of(given.substring("refs/tags/".length()))
                    : ci.tag().map(CiEnvironment.Tag::name).filter(given::equals);
            if (tag.isPresent()) {
                return new BranchName(tag.get(), Setting.BRANCH.property(), false, true);
            }
            return new BranchName(branchOf(given), Setting.BRANCH.property());
        }
        Optional<CiEnvironment.Branch> fromCi = ci.branch();
        if (fromCi.isPresent()) {
            return new BranchName(fromCi.get().name(), fromCi.get().variable(), fromCi.get().changeRequest(), false);
        }
        // a push of a tag (a workflow on every push): its name is no branch, though it may look like one (odaa-7)
        Optional<CiEnvironment.Tag> tag = ci.tag();
        if (tag.isPresent()) {
            return new BranchName(tag.get().name(), tag.get().variable(), false, true);
        }
        return head.checkedOutBranch().map(b -> new BranchName(b, "checked-out branch"))
                .orElseThrow(() -> new InvalidInputException("HEAD is detached at " + head.shortId()
                        + " and no CI variable (" + String.join(", ", CiEnvironment.BRANCH_VARIABLE_NAMES)
                        + ") names the branch: pass it with " + Setting.BRANCH.set("<branch>")));
    }

    /**
     * A full ref given for the branch ({@code ${{ github.ref }}} where {@code github.ref_name} was meant) names the
     * branch it holds; a ref that holds no branch (a pull request's merge) is refused: as a name it would match no
     * branch rule and build nothing, without a word.
     */
    private static String branchOf(String given) {
        if (given.startsWith("refs/heads/") && given.length() > "refs/heads/".length()) {
            return given.substring("refs/heads/".length());
        }
        if (given.matches("refs/remotes/[^/]+/.+")) {
            return given.substring(given.indexOf('/', "refs/remotes/".length()) + 1);
        }
        if (given.startsWith("refs/")) {
            throw new InvalidInputException(Setting.BRANCH + " '" + given + "' is a ref that holds no branch (a pull"
                    + " request's merge): pass the branch being built, e.g. on GitHub Actions"
                    + " ${{ github.head_ref || github.ref_name }}");
        }
        return given;
    }
}
