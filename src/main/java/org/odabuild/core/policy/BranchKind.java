package org.odabuild.core.policy;

/** What a branch may build. */
public enum BranchKind {
    /** builds release tags only ({@code master}, {@code main}) */
    RELEASE,
    /** builds prerelease tags only ({@code feature/*}, {@code odaa-*}) */
    PRERELEASE,
    /** builds nothing */
    OTHER
}
