package org.outreachdesk.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.Tx;

/**
 * What every correction, void and merge shares (issue 14, ADR 13): who may change a record, and how the change is
 * kept in the record's history. The services for each kind of record call these inside their own write
 * transaction, so the record, its history and its audit entry are stored together or not at all.
 */
public final class Corrections {

    /** An outreach worker may correct or void what they entered themselves this many days ago or less. */
    public static final int OWN_ENTRY_DAYS = 7;

    private Corrections() {
    }

    /**
     * Whether the signed-in user may correct or void the record with this metadata: coordinators, managers and
     * admins anything ({@link Permission#CORRECT_ANY}); others only their own entries of the last 7 days.
     */
    public static boolean mayChange(Workspace ws, RecordMeta record) {
        if (ws.can(Permission.CORRECT_ANY)) {
            return true;
        }
        Instant since = ws.clock().instant().minus(Duration.ofDays(OWN_ENTRY_DAYS));
        return ws.can(Permission.RECORDS) && record.createdBy().equals(ws.user().id())
                && !record.createdAt().isBefore(since);
    }

    /** @throws AccessDeniedException when {@link #mayChange} says no */
    public static void requireMayChange(Workspace ws, RecordMeta record) {
        if (!mayChange(ws, record)) {
            throw new AccessDeniedException(Permission.CORRECT_ANY);
        }
    }

    /**
     * Keeps one change of a record in its history (inside the caller's transaction) and returns it.
     *
     * @param before the record's metadata as the form opened it (its version is the base version)
     * @param after  the metadata written with the change ({@link Workspace#touch})
     */
    public static RecordChange keep(Workspace ws, Tx tx, RecordType type, RecordMeta before, RecordMeta after,
                                    ChangeKind kind, VoidReason reason, List<FieldChange> fields) {
        RecordChange c = new RecordChange(UUID.randomUUID(), type, before.id(), kind, before.version(), after.version(),
                reason, after.updatedAt(), ws.user().id(), ws.user().name(), ws.author().deviceId(), fields);
        tx.history().append(c);
        return c;
    }
}
