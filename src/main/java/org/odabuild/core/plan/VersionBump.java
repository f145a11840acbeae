package org.odabuild.core.plan;

import java.util.Optional;

/**
 * Whether an image whose sources changed since the base has a higher version than it had there (MAJOR.MINOR.PATCH,
 * the suffix aside): a code change merged without a bump fails only after the merge, when the release tag exists.
 *
 * @param baseVersion the version in the values file at the base, when the entry existed there
 */
public record VersionBump(Status status, Optional<String> baseVersion) {

    public enum Status {
        /** no file under its paths changed, or the base is unknown */
        NOT_APPLICABLE("-"),
        /** the entry did not exist at the base */
        NEW("new"),
        BUMPED("bumped"),
        MISSING("missing");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final VersionBump NOT_APPLICABLE = new VersionBump(Status.NOT_APPLICABLE, Optional.empty());
}
