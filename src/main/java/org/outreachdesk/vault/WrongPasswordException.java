package org.outreachdesk.vault;

/** The user name or password (or recovery key) does not open the vault. Says nothing about which. */
public final class WrongPasswordException extends VaultException {
    public WrongPasswordException() {
        super("wrong user name or password");
    }
}
