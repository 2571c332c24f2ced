package org.outreachdesk.store;

/** The database could not do what was asked. Messages never carry record content. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
