package org.outreachdesk.domain;

/**
 * A UIC that is not well formed. The message names what is wrong ("UIC has 10 characters, expected 11"), never the
 * code; its {@link #problem()} ({@code uic.*}, with positions and counts) names it for a translated text.
 */
public final class InvalidUicException extends IllegalArgumentException implements Problem.Carrier {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public InvalidUicException(String reason) {
        super("UIC " + reason);
        this.problem = null;
    }

    /** {@code key} ({@code uic.length} …) and its arguments for a translated text. */
    public InvalidUicException(String key, String reason, Object... args) {
        super("UIC " + reason);
        this.problem = Problem.of(key, args);
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
