package org.outreachdesk.app;

import java.util.List;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Codes;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;

/** Staff codes: everyone lists them (RECORDS); coordinators add, edit and deactivate (COORDINATE). */
public final class StaffService {

    static final String RECORD_TYPE = "staff";

    private final Workspace ws;

    public StaffService(Workspace ws) {
        this.ws = ws;
    }

    /** What a coordinator types for a staff member (a code, never a name). */
    public record Draft(String code, StaffKind kind, String team) {
    }

    /** All staff by code; deactivated ones only when {@code includeInactive}. */
    public List<Staff> list(boolean includeInactive) {
        return ws.read(Permission.RECORDS, tx -> tx.staff().list(!includeInactive));
    }

    public Staff add(Draft d) {
        ws.require(Permission.COORDINATE);
        Staff s = build(ws.newMeta(), d, true);
        return ws.write(Permission.COORDINATE, AuditAction.CREATE, RECORD_TYPE, s.meta().id().toString(), null, tx -> {
            if (tx.staff().findByCode(s.code()).isPresent()) {
                throw duplicateCode();
            }
            tx.staff().insert(s);
            return s;
        });
    }

    /** Saves changes to {@code original} (as read); fails if someone changed it since. */
    public Staff update(Staff original, Draft d) {
        ws.require(Permission.COORDINATE);
        Staff s = build(ws.touch(original.meta()), d, original.active());
        return OpsChecks.concurrently(() -> ws.write(Permission.COORDINATE, AuditAction.UPDATE, RECORD_TYPE,
                s.meta().id().toString(), null, tx -> {
                    tx.staff().findByCode(s.code()).filter(o -> !o.meta().id().equals(s.meta().id()))
                            .ifPresent(o -> {
                                throw duplicateCode();
                            });
                    tx.staff().update(s);
                    return s;
                }));
    }

    /** Deactivates (no longer offered for new encounters; kept in history) or reactivates a staff member. */
    public Staff setActive(Staff original, boolean active) {
        ws.require(Permission.COORDINATE);
        Staff s = new Staff(ws.touch(original.meta()), original.code(), original.kind(), original.team(), active);
        return OpsChecks.concurrently(() -> ws.write(Permission.COORDINATE, AuditAction.UPDATE, RECORD_TYPE,
                s.meta().id().toString(), active ? "activated" : "deactivated", tx -> {
                    tx.staff().update(s);
                    return s;
                }));
    }

    private static Staff build(RecordMeta meta, Draft d, boolean active) {
        String code = Codes.normalise(d.code());
        if (code.isEmpty()) {
            throw new InvalidInputException("The staff code is required").keyed("staff.codeRequired");
        }
        if (!Codes.isValid(code)) {
            throw new InvalidInputException("The staff code must be 1-20 letters, digits, '-' or '_' (e.g. OW01)")
                    .keyed("staff.codeFormat");
        }
        StaffKind kind = OpsChecks.required(d.kind(), "The staff kind");
        String team = OpsChecks.optionalText(d.team(), 40, "The team");
        return new Staff(meta, code, kind, team, active);
    }

    private static InvalidInputException duplicateCode() {
        return (InvalidInputException) new InvalidInputException("Another staff member already has this code; choose a different code")
                .keyed("staff.codeTaken");
    }
}
