package org.outreachdesk.app;

import java.util.List;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.sync.SyncEngine;

/**
 * Team sync's conflicts (ADR 14): a field changed differently on two laptops keeps both values, shows the same
 * provisional one everywhere, and a coordinator chooses; the choice is a change that travels like any other.
 */
public final class ConflictService {

    private final Workspace ws;

    public ConflictService(Workspace ws) {
        this.ws = ws;
    }

    /** The open conflicts, the same on every vault that holds the same changes. */
    public List<SyncConflict> list() {
        return ws.read(Permission.CORRECT_ANY, SyncEngine::conflicts);
    }

    /**
     * Chooses a field's value (canonical text, e.g. one of the conflict's heads' values); every value the field had
     * is replaced by it. The audit entry names the record and the field, never the value.
     */
    public void resolve(SyncConflict c, String value) {
        ws.write(Permission.CORRECT_ANY, AuditAction.UPDATE, c.recordType(), c.recordId(), "conflict " + c.field(),
                tx -> {
                    SyncEngine.resolve(tx, c.recordType(), c.recordId(), c.field(), value);
                    return null;
                });
    }
}
