package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.RECORD_CHANGE;
import static org.outreachdesk.store.jooq.Tables.RECORD_CHANGE_FIELD;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.jooq.tables.records.RecordChangeRecord;

/**
 * The history of corrected, voided and merged records (schema V9): one {@code record_change} row per change and
 * one {@code record_change_field} row per field it changed. Written in the same transaction as the change itself.
 */
public final class HistoryRepository {

    private final DSLContext dsl;

    public HistoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void append(RecordChange c) {
        dsl.insertInto(RECORD_CHANGE)
                .set(RECORD_CHANGE.ID, c.id())
                .set(RECORD_CHANGE.RECORD_TYPE, c.recordType().name())
                .set(RECORD_CHANGE.RECORD_ID, c.recordId())
                .set(RECORD_CHANGE.CHANGE_KIND, c.kind().name())
                .set(RECORD_CHANGE.BASE_VERSION, c.baseVersion())
                .set(RECORD_CHANGE.NEW_VERSION, c.newVersion())
                .set(RECORD_CHANGE.REASON, c.reason() == null ? null : c.reason().name())
                .set(RECORD_CHANGE.CHANGED_AT, c.at())
                .set(RECORD_CHANGE.CHANGED_BY, c.by())
                .set(RECORD_CHANGE.CHANGED_BY_NAME, c.byName())
                .set(RECORD_CHANGE.ORIGIN_DEVICE, c.originDevice())
                .execute();
        var insert = dsl.insertInto(RECORD_CHANGE_FIELD, RECORD_CHANGE_FIELD.CHANGE_ID, RECORD_CHANGE_FIELD.FIELD_NAME,
                RECORD_CHANGE_FIELD.OLD_VALUE, RECORD_CHANGE_FIELD.NEW_VALUE);
        for (FieldChange f : c.fields()) {
            insert = insert.values(c.id(), f.field(), f.oldValue(), f.newValue());
        }
        insert.execute();
    }

    /** Whether a history row of this id is held. */
    public boolean has(UUID changeId) {
        return dsl.fetchExists(RECORD_CHANGE, RECORD_CHANGE.ID.eq(changeId));
    }

    /** Every change of one record, oldest first. */
    public List<RecordChange> forRecord(UUID recordId) {
        Map<UUID, RecordChangeRecord> heads = new LinkedHashMap<>();
        dsl.selectFrom(RECORD_CHANGE)
                .where(RECORD_CHANGE.RECORD_ID.eq(recordId))
                .orderBy(RECORD_CHANGE.NEW_VERSION, RECORD_CHANGE.CHANGED_AT)
                .forEach(r -> heads.put(r.getId(), r));
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<FieldChange>> fields = new LinkedHashMap<>();
        dsl.selectFrom(RECORD_CHANGE_FIELD)
                .where(RECORD_CHANGE_FIELD.CHANGE_ID.in(heads.keySet()))
                .orderBy(RECORD_CHANGE_FIELD.FIELD_NAME)
                .forEach(f -> fields.computeIfAbsent(f.getChangeId(), k -> new ArrayList<>())
                        .add(new FieldChange(f.getFieldName(), f.getOldValue(), f.getNewValue())));
        List<RecordChange> out = new ArrayList<>(heads.size());
        for (RecordChangeRecord r : heads.values()) {
            out.add(new RecordChange(r.getId(), RecordType.valueOf(r.getRecordType()), r.getRecordId(),
                    ChangeKind.valueOf(r.getChangeKind()), r.getBaseVersion(), r.getNewVersion(),
                    r.getReason() == null ? null : VoidReason.valueOf(r.getReason()), r.getChangedAt(),
                    r.getChangedBy(), r.getChangedByName(), r.getOriginDevice(), fields.getOrDefault(r.getId(), List.of())));
        }
        return out;
    }
}
