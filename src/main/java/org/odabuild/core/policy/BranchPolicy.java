package org.odabuild.core.policy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

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
            throw new IllegalArgumentException("oda.releaseBranches is empty: name at least one release branch");
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

    /** "master/main" for messages. */
    public String releaseBranchNames() {
        return String.join("/", releaseBranches);
    }

    static boolean matches(String pattern, String branch) {
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.matches(regex, branch);
    }
}
