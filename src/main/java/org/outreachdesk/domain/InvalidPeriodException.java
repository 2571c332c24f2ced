package org.outreachdesk.domain;

/**
 * A report period cannot be read or makes no sense; the message says why and what is expected. Its
 * {@link #problem()} names it for a translated text ({@code period.*}) with the period as typed, dates and years.
 */
public final class InvalidPeriodException extends IllegalArgumentException implements Problem.Carrier {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public InvalidPeriodException(String message) {
        super(message);
        this.problem = null;
    }

    public InvalidPeriodException(String key, String message, Object... args) {
        super(message);
        this.problem = key == null ? null : Problem.of(key, args);
    }

    /** {@code period.month} … with its arguments, or null. */
    @Override
    public Problem problem() {
        return problem;
    }
}
