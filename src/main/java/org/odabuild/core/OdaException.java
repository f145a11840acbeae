package org.odabuild.core;

/**
 * Base of every failure the core reports. Messages are complete sentences for the user: where the problem is
 * and what to do about it. Mojos translate these in one place.
 */
public abstract class OdaException extends RuntimeException {

    protected OdaException(String message) {
        super(message);
    }

    protected OdaException(String message, Throwable cause) {
        super(message, cause);
    }
}
