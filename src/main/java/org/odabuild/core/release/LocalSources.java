package org.odabuild.core.release;

import java.util.Optional;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;

/**
 * The source hash this checkout gives an image (the {@code org.odabuild.source-hash} label a build of it carries),
 * asked only of a release whose tag exists with such a label.
 */
@FunctionalInterface
public interface LocalSources {

    /** Not computed: an existing release tag is judged by the commit it was built from alone. */
    LocalSources UNKNOWN = image -> Optional.empty();

    Optional<String> hashOf(PlannedImage image);

    /** The hashes of the checkout a plan was made of. */
    @FunctionalInterface
    interface Of {

        Of UNKNOWN = plan -> LocalSources.UNKNOWN;

        LocalSources of(Plan plan);
    }
}
