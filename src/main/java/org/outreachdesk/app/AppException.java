package org.outreachdesk.app;

import java.util.List;

import org.outreachdesk.domain.Problem;

/**
 * A failure the user can act on. Messages are meant to be shown as they are; they never contain record
 * content, passwords or keys.
 *
 * <p>The message is English (for the command line and the log). A failure that the desktop shows in the user's
 * language also carries a {@link #key()} and {@link #args()}: the desktop looks up {@code error.app.<key>} in its
 * bundles (English and Khmer) and falls back on the English message when there is no key or no text for it.
 * Arguments are identifiers, dates and counts, never record content.
 */
public class AppException extends RuntimeException implements Problem.Carrier {

    private transient Problem problem;

    public AppException(String message) {
        super(message);
    }

    public AppException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Gives this failure a message key and its arguments (set once, as it is thrown):
     * {@code throw new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone")}.
     */
    public AppException keyed(String key, Object... args) {
        return keyed(Problem.of(key, args));
    }

    /** Gives this failure its problem (set once, as it is thrown). */
    public AppException keyed(Problem p) {
        if (this.problem != null) {
            throw new IllegalStateException("the message key is set already");
        }
        this.problem = p;
        return this;
    }

    /** The message key and arguments ({@code contact.gone} …), or null when only the English message exists. */
    @Override
    public Problem problem() {
        return problem;
    }

    /**
     * An argument that is itself a word of the desktop's bundles, {@code error.word.<key>} (a field's or a record's
     * name), so that it is translated too; {@code english} is what the English message says.
     */
    public record Word(String key, String english) {
        @Override
        public String toString() {
            return english;
        }
    }

    /** Keys this failure like a lower layer's failure (nothing when that carries no problem). */
    AppException keyedLike(Problem.Carrier lower) {
        return lower.problem() == null ? this : keyed(lower.problem());
    }

    /** Keys this failure with {@code key} and {@code args} (nothing when {@code key} is null). */
    AppException keyedLike(String key, List<?> args) {
        return key == null ? this : keyed(key, args.toArray());
    }
}
