package org.odabuild.core.registry;

import org.odabuild.core.OdaException;

/** The registry could not answer a question, so nothing that depends on the answer may pass. */
public class RegistryException extends OdaException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
