package org.odabuild.core.policy;

import java.util.List;
import java.util.Optional;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.Wildcard;

/**
 * Which branches build release tags and which build prerelease tags. Branch patterns use {@code *} for any run of
 * characters, '/' included ({@code feature/*} covers {@code feature/a/b}); the name is only ever compared, never
 * used as a path or a command.
 */
public record BranchPolicy(List<String> releaseBranches, List<String> prereleaseBranches) {

    /** The seed releases from master; oda-canvas now releases from main. */
    public static final List<String> DEFAULT_RELEASE_BRANCHES = List.of("master", "main");
    public static final List<String> DEFAULT_PRERELEASE_BRANCHES = List.of("feature/*", "odaa-*");

    public BranchPolicy {
        releaseBranches = List.copyOf(releaseBranches);
        prereleaseBranches = List.copyOf(prereleaseBranches);
        if (releaseBranches.isEmpty()) {
            throw new InvalidInputException(Setting.RELEASE_BRANCHES + " is empty: name at least one release branch");
        }
    }

    public static BranchPolicy defaults() {
        return new BranchPolicy(DEFAULT_RELEASE_BRANCHES, DEFAULT_PRERELEASE_BRANCHES);
    }

    public BranchKind classify(String branch) {
        if (releaseBranches.stream().anyMatch(p -> matches(p, branch))) {
            return BranchKind.RELEASE;
        }
        if (prereleaseBranches.stream().anyMatch(p -> matches(p, branch))) {
            return BranchKind.PRERELEASE;
        }
        return BranchKind.OTHER;
    }

    /**
     * The name a branch would have under the first prerelease pattern with a wildcard ({@code feature/*}:
     * {@code develop} as {@code feature/develop}), for a message that says how to make it a prerelease branch.
     */
    public Optional<String> prereleaseNameFor(String branch) {
        return prereleaseBranches.stream().filter(p -> p.indexOf('*') >= 0)
                .map(p -> p.substring(0, p.indexOf('*')) + branch + p.substring(p.indexOf('*') + 1))
                .filter(name -> classify(name) == BranchKind.PRERELEASE).findFirst();
    }

    /** "master/main" for messages. */
    public String releaseBranchNames() {
        return String.join("/", releaseBranches);
    }

    /** {@code *} as any run of characters (see {@link Wildcard}). */
    static boolean matches(String pattern, String branch) {
        return Wildcard.matches(pattern, branch);
    }
}
