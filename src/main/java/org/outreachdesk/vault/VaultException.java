package org.outreachdesk.vault;

import java.util.Arrays;
import java.util.List;

/**
 * A vault operation failed. Messages never carry record content, passwords or keys.
 *
 * <p>The message is English. A failure people may see also carries a {@link #key()} (and {@link #args()}:
 * counts, folder names, exception types) for a translated text in the desktop's bundles.
 */
public class VaultException extends RuntimeException {

    private String key;
    private transient List<Object> args = List.of();

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Gives this failure a message key ({@code user.nameTaken} …) and its arguments, once, as it is thrown. */
    public VaultException keyed(String key, Object... args) {
        if (this.key != null) {
            throw new IllegalStateException("the message key is set already");
        }
        this.key = key;
        this.args = List.copyOf(Arrays.asList(args));
        return this;
    }

    /** The message key, or null when there is only the English message. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
