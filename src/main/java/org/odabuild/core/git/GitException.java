package org.odabuild.core.git;

import org.odabuild.core.OdaException;

/** The repository could not be read (a broken object, a lock, a disk error): names the repository and the cause. */
public final class GitException extends OdaException {

    GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
