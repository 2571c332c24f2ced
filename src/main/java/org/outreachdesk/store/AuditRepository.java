package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.AUDIT_ENTRY;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.AuditEntry;

/** The audit trail's rows. The chain's MACs are computed by the vault, which holds the key. */
public final class AuditRepository {

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(AuditEntry e) {
        dsl.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, e.seq())
                .set(AUDIT_ENTRY.ID, e.id())
                .set(AUDIT_ENTRY.OCCURRED_AT, e.at())
                .set(AUDIT_ENTRY.USER_ID, e.userId())
                .set(AUDIT_ENTRY.USER_NAME, e.userName())
                .set(AUDIT_ENTRY.ACTION, e.action())
                .set(AUDIT_ENTRY.RECORD_TYPE, e.recordType())
                .set(AUDIT_ENTRY.RECORD_ID, e.recordId())
                .set(AUDIT_ENTRY.DETAIL, e.detail())
                .set(AUDIT_ENTRY.ORIGIN_DEVICE, e.originDevice())
                .set(AUDIT_ENTRY.PREV_MAC, e.prevMac())
                .set(AUDIT_ENTRY.MAC, e.mac())
                .execute();
    }

    /** The newest entry (highest sequence number). */
    public Optional<AuditEntry> last() {
        return dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOptional(AuditRepository::map);
    }

    /** The entry with this sequence number, if the trail has it. */
    public Optional<AuditEntry> at(long seq) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(seq)).fetchOptional(AuditRepository::map);
    }

    /** Streams every entry in sequence order, without holding them all in memory. */
    public void forEachInOrder(Consumer<AuditEntry> sink) {
        try (var cursor = dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(map(r)));
        }
    }

    /** The newest {@code limit} entries, newest first (for the Settings view). */
    public List<AuditEntry> latest(int limit) {
        return dsl.selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit).fetch(AuditRepository::map);
    }

    static AuditEntry map(Record r) {
        return new AuditEntry(r.get(AUDIT_ENTRY.SEQ), r.get(AUDIT_ENTRY.ID), r.get(AUDIT_ENTRY.OCCURRED_AT),
                r.get(AUDIT_ENTRY.USER_ID), r.get(AUDIT_ENTRY.USER_NAME), r.get(AUDIT_ENTRY.ACTION),
                r.get(AUDIT_ENTRY.RECORD_TYPE), r.get(AUDIT_ENTRY.RECORD_ID), r.get(AUDIT_ENTRY.DETAIL),
                r.get(AUDIT_ENTRY.ORIGIN_DEVICE), r.get(AUDIT_ENTRY.PREV_MAC), r.get(AUDIT_ENTRY.MAC));
    }
}
