package org.odabuild.core.release;

import java.util.Optional;

/** One rule about what may be pushed over what the registry already holds. */
interface ImmutabilityRule {

    /** The violation, worded for the user, or empty when the rule holds. */
    Optional<String> check(RegistryFacts facts, String branch);
}
