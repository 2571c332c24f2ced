package org.outreachdesk.vault;

/** The user who opened the backup has a role that may not restore it. */
public final class RestoreNotAllowedException extends VaultException {
    public RestoreNotAllowedException() {
        super("only an admin (or the recovery key) may restore a backup");
    }
}
