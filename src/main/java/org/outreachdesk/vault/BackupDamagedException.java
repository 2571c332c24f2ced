package org.outreachdesk.vault;

/** The file is not a backup this program can read, or it was damaged, altered or cut off. */
public final class BackupDamagedException extends VaultException {

    /** What is wrong with the file, for a message in the person's language. */
    public enum Kind {
        /** The file does not start like an Outreach Desk backup (another file was chosen). */
        NOT_A_BACKUP,
        /** A backup in a format this version cannot read (made by a newer version). */
        NEWER_FORMAT,
        /** A backup, but damaged, altered or cut off. */
        DAMAGED
    }

    private final Kind kind;

    public BackupDamagedException(String message) {
        this(Kind.DAMAGED, message);
    }

    public BackupDamagedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
