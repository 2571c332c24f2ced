package org.outreachdesk.app;

import org.outreachdesk.vault.VaultException;

/** What was given cannot be accepted; nothing was stored. */
public class InvalidInputException extends AppException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The failure for a vault's or a domain rule's refusal: the same English message, with the vault's key for the
     * desktop when it has one.
     */
    static InvalidInputException of(RuntimeException e) {
        InvalidInputException failure = new InvalidInputException(e.getMessage());
        if (e instanceof VaultException v) {
            failure.keyedLike(v);
        }
        return failure;
    }
}
