package org.outreachdesk.vault;

import org.outreachdesk.domain.Problem;

/**
 * A vault operation failed. Messages never carry record content, passwords or keys.
 *
 * <p>The message is English. A failure people may see also carries a {@link #key()} (and {@link #args()}:
 * counts, folder names, exception types) for a translated text in the desktop's bundles.
 */
public class VaultException extends RuntimeException implements Problem.Carrier {

    private transient Problem problem;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Gives this failure a message key ({@code user.nameTaken} …) and its arguments, once, as it is thrown. */
    public VaultException keyed(String key, Object... args) {
        if (this.problem != null) {
            throw new IllegalStateException("the message key is set already");
        }
        this.problem = Problem.of(key, args);
        return this;
    }

    /** The message key and arguments, or null when there is only the English message. */
    @Override
    public Problem problem() {
        return problem;
    }
}
