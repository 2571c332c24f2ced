package org.outreachdesk.vault;

/** A vault operation failed. Messages never carry record content, passwords or keys. */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
