package org.outreachdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.ConcurrentChangeException;
import org.outreachdesk.store.Tx;

/**
 * How the referral, incident and stock services write a correction or a void (issue 14, ADR 13): one audited
 * write transaction that checks who may change the record as it is stored ({@link Corrections#requireMayChange}),
 * writes it on the version the form was opened on ("changed elsewhere" otherwise), and keeps the change in the
 * record's history; the audit entry names the fields, never their values.
 */
final class CorrectionWrites {

    private CorrectionWrites() {
    }

    /** The fields that differ, from {@code name, before, after} triples; empty when nothing changed. */
    static List<FieldChange> diff(Object... triples) {
        List<FieldChange> out = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            if (FieldChange.differs(triples[i + 1], triples[i + 2])) {
                out.add(FieldChange.of((String) triples[i], triples[i + 1], triples[i + 2]));
            }
        }
        return out;
    }

    /** Fails when a correction changes nothing (no history row is written for nothing). */
    static void requireSomeChange(List<FieldChange> fields) {
        if (fields.isEmpty()) {
            throw new InvalidInputException("Nothing was changed").keyed("correction.nothingChanged");
        }
    }

    /**
     * Writes one correction or void of a record.
     *
     * @param before   the record's metadata as the form opened it (its version is the one the change is made on)
     * @param stored   reads the record's metadata as stored (empty when it is gone)
     * @param work     writes the record with the metadata {@code after} (checking the version) and returns it
     * @param what     the record's word for "changed elsewhere" ({@link ConcurrentChangeException#what()})
     */
    static <T> T write(Workspace ws, Permission p, RecordType type, String auditType, String what, RecordMeta before,
                       ChangeKind kind, VoidReason reason, List<FieldChange> fields, String auditMore,
                       Function<Tx, Optional<RecordMeta>> stored, BiFunction<Tx, RecordMeta, T> work) {
        RecordMeta after = ws.touch(before);
        String detail = String.join(",", fields.stream().map(FieldChange::field).toList())
                + (auditMore == null ? "" : "; " + auditMore);
        return OpsChecks.concurrently(() -> ws.write(p, AuditAction.UPDATE, auditType, before.id().toString(), detail,
                tx -> {
                    RecordMeta current = stored.apply(tx).orElseThrow(() -> new ConcurrentChangeException(what));
                    Corrections.requireMayChange(ws, current);
                    T result = work.apply(tx, after);
                    Corrections.keep(ws, tx, type, before, after, kind, reason, fields);
                    return result;
                }));
    }

    /**
     * Voids a record: the flag and reason, its history row ({@code voided} false → true) and audit entry;
     * {@code alongside} (may be null) voids what goes with it in the same transaction.
     */
    static RecordMeta voidRecord(Workspace ws, Permission p, RecordType type, String auditType, String what,
                                 RecordMeta before, VoidReason reason, String auditMore,
                                 Function<Tx, Optional<RecordMeta>> stored, Consumer<Tx> alongside) {
        OpsChecks.required(reason, "The reason");
        return write(ws, p, type, auditType, what, before, ChangeKind.VOID, reason,
                List.of(FieldChange.of("voided", false, true)), auditMore, stored, (tx, after) -> {
                    tx.voids().mark(type, after, reason);
                    if (alongside != null) {
                        alongside.accept(tx);
                    }
                    return after;
                });
    }
}
