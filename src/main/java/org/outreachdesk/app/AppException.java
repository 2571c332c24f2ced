package org.outreachdesk.app;

/**
 * A failure the user can act on. Messages are meant to be shown as they are; they never contain record
 * content, passwords or keys.
 */
public class AppException extends RuntimeException {
    public AppException(String message) {
        super(message);
    }

    public AppException(String message, Throwable cause) {
        super(message, cause);
    }
}
