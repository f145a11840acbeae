package org.odabuild.core;

/** The user's files or parameters are wrong; the message names the place and the fix. */
public class InvalidInputException extends OdaException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public static InvalidInputException at(SourceLocation where, String problem) {
        return new InvalidInputException(where + ": " + problem);
    }
}
