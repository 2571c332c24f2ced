package org.outreachdesk.report;

import java.util.List;

/**
 * A report period cannot be read or makes no sense; the message says why and what is expected. {@link #key()}
 * names the problem for a translated text ({@code period.*}); {@link #args()} are the period as typed, dates and
 * years.
 */
public final class InvalidPeriodException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    public InvalidPeriodException(String message) {
        this(null, message);
    }

    public InvalidPeriodException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = List.of(args);
    }

    /** {@code period.month} …, or null. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
