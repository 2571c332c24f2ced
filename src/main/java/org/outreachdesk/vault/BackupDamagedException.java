package org.outreachdesk.vault;

/** The file is not a backup this program can read, or it was damaged, altered or cut off. */
public final class BackupDamagedException extends VaultException {
    public BackupDamagedException(String message) {
        super(message);
    }
}
