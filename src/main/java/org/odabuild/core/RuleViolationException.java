package org.odabuild.core;

import java.util.List;

/** A rule of the pipeline (no prerelease suffix on a PR, immutable releases, ...) is broken by the current state. */
public class RuleViolationException extends OdaException {

    private final List<String> violations;

    public RuleViolationException(String rule, List<String> violations) {
        super(rule + " failed:" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
