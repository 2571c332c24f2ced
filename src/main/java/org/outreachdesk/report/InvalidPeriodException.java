package org.outreachdesk.report;

/** A report period cannot be read or makes no sense; the message says why and what is expected. */
public final class InvalidPeriodException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPeriodException(String message) {
        super(message);
    }
}
