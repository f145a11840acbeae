package org.odabuild.core.release;

import java.util.Optional;
import org.odabuild.core.Excerpt;

/**
 * The seed's promise: a release tag is immutable, so building one that exists fails, unless it was built from this
 * very commit (a re-run release job) or from the same sources: then it succeeds without building.
 */
final class ReleaseTagMustNotExist implements ImmutabilityRule {

    @Override
    public Optional<String> check(RegistryFacts f, String branch) {
        if (!f.image().image().isRelease() || f.tag().isEmpty() || f.publishedFromThisCommit()
                || f.publishedFromTheseSources()) {
            return Optional.empty();
        }
        return Optional.of(f.image().image().reference() + " already exists (" + f.tag().get().digest()
                + "): release tags are immutable; bump the version in " + f.image().image().versionAt()
                + f.revision().map(r -> " (the tag was built from commit "
                        + Excerpt.of(r.substring(0, Math.min(7, r.length())))
                        + ", this build is of another)").orElse(""));
    }
}
