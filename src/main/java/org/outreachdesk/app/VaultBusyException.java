package org.outreachdesk.app;

/** Another program, or another copy of Outreach Desk, has the vault open. */
public final class VaultBusyException extends AppException {
    public VaultBusyException() {
        super("the vault is already open in another program; close it there first");
    }
}
