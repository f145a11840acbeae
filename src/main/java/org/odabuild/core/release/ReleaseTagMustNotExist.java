package org.odabuild.core.release;

import java.util.Optional;

/** The seed's promise: a release tag is immutable, so building one that exists fails. */
final class ReleaseTagMustNotExist implements ImmutabilityRule {

    @Override
    public Optional<String> check(RegistryFacts f, String branch) {
        if (!f.image().image().isRelease() || f.tag().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(f.image().image().reference() + " already exists (" + f.tag().get().digest()
                + "): release tags are immutable; bump the version in " + f.image().image().versionAt());
    }
}
