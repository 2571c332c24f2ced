package org.outreachdesk.vault;

/** Only an admin (or the recovery key) may do this. */
public final class NotAdminException extends VaultException {
    public NotAdminException() {
        super("only an admin (or the recovery key) may accept the database as it is");
    }
}
