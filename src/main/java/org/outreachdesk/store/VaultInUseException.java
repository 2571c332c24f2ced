package org.outreachdesk.store;

/** Another program (or another copy of this one) has the database open. */
public final class VaultInUseException extends StoreException {
    public VaultInUseException() {
        super("the vault is already open in another program");
    }
}
