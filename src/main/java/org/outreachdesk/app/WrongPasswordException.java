package org.outreachdesk.app;

/** The user name or password does not open the vault. */
public final class WrongPasswordException extends AppException {
    public WrongPasswordException() {
        super("wrong user name or password");
    }
}
