package org.outreachdesk.vault;

/** There is no vault in the folder given. */
public final class NoVaultException extends VaultException {
    public NoVaultException() {
        super("there is no vault in that folder (create one with 'init')");
        keyed("vault.none");
    }
}
