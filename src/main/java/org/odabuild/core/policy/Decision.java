package org.odabuild.core.policy;

/** An action with the sentence that explains it. */
public record Decision(ImageAction action, String reason) {
}
