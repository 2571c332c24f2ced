package org.outreachdesk.domain;

/** A UIC that is not well formed. The message says what is wrong and never repeats the code. */
public final class InvalidUicException extends IllegalArgumentException {
    public InvalidUicException(String reason) {
        super("UIC " + reason);
    }
}
