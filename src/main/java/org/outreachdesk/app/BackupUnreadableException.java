package org.outreachdesk.app;

import java.util.Objects;

/**
 * The chosen file cannot be restored: it is not a backup, it comes from a newer version, or it is damaged.
 * Nothing was changed. (An {@link InvalidInputException}, so the command line still exits with code 2.)
 */
public final class BackupUnreadableException extends InvalidInputException {

    /** Why the file cannot be restored. */
    public enum Reason {
        /** Not an Outreach Desk backup at all (another file was chosen). */
        NOT_A_BACKUP,
        /** A backup made by a newer version of Outreach Desk. */
        NEWER_FORMAT,
        /** A backup that was damaged, altered or cut off. */
        DAMAGED
    }

    private final Reason reason;

    public BackupUnreadableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
