package org.odabuild.core.docker;

import org.odabuild.core.OdaException;

/** The Docker daemon could not do what was asked; the message says which daemon and what to check. */
public class DockerException extends OdaException {

    public DockerException(String message) {
        super(message);
    }

    public DockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
