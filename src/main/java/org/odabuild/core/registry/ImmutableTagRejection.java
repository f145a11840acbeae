package org.odabuild.core.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A push that the registry itself refused because it keeps the tag immutable: ECR's {@code tag invalid: The image
 * tag '1.2.3' already exists in the 'x' repository and cannot be overwritten because the repository is immutable},
 * Harbor's {@code denied: Failed to process request due to 'x:1.2.3' configured as immutable}, Docker Hub's
 * immutable-tag denial. Said as one message: which tag, which registry, what to do.
 */
public final class ImmutableTagRejection {

    private static final List<String> MARKERS = List.of("immutable", "cannot be overwritten");

    private ImmutableTagRejection() {
    }

    /** The user's message for a registry error that is an immutability rejection, else empty. */
    public static Optional<String> describe(String reference, String registry, String registryError) {
        String e = registryError.toLowerCase(Locale.ROOT);
        if (MARKERS.stream().noneMatch(e::contains)) {
            return Optional.empty();
        }
        return Optional.of("registry " + registry + " keeps " + reference + " immutable and already holds it, so"
                + " it refused the push (its answer: " + registryError.strip() + "). A tag is released once: bump"
                + " the version in values.yaml and build again.");
    }
}
