package org.odabuild.core.registry;

import java.util.List;
import org.odabuild.core.OdaException;

/** The registry could not answer a question, so nothing that depends on the answer may pass. */
public class RegistryException extends OdaException {

    private final List<String> reasons;

    public RegistryException(String message) {
        super(message);
        this.reasons = List.of(message);
    }

    /** A failure made of several answers (one per image), each a reason on its own. */
    public RegistryException(String message, List<String> reasons) {
        super(message);
        this.reasons = List.copyOf(reasons);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.reasons = List.of(message);
    }

    /** What went wrong, without the "so it fails" framing, for callers that go on without the answer. */
    public List<String> reasons() {
        return reasons;
    }
}
