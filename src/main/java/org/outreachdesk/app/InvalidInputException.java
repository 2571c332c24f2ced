package org.outreachdesk.app;

/** What was given cannot be accepted; nothing was stored. */
public class InvalidInputException extends AppException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
