package org.outreachdesk.vault;

/** The target folder already holds a vault, and replacing it was not asked for. */
public final class VaultExistsException extends VaultException {
    public VaultExistsException() {
        super("a vault already exists in that folder; it is replaced only when that is asked for explicitly");
        keyed("vault.existsNoReplace");
    }
}
