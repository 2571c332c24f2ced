package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.COMMODITY_MOVEMENT;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;
import static org.outreachdesk.store.jooq.Tables.INCIDENT;
import static org.outreachdesk.store.jooq.Tables.REFERRAL;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.VoidReason;

/**
 * Marks a record void (schema V9: {@code voided}, {@code void_reason}), for every kind of record that can be voided.
 * The record is kept; its bookkeeping columns move on to {@code after} (from {@code after.version() - 1}, the
 * optimistic check: {@link ConcurrentChangeException} when it moved on meanwhile or was voided already).
 */
public final class Voids {

    private final DSLContext dsl;

    Voids(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void mark(RecordType type, RecordMeta after, VoidReason reason) {
        Table<?> t = table(type);
        Field<Boolean> voided = t.field("voided", Boolean.class);
        Field<String> why = t.field("void_reason", String.class);
        Field<UUID> id = t.field("id", UUID.class);
        int n = dsl.update(t)
                .set(Meta.updateValues(t, after))
                .set(voided, true)
                .set(why, reason.name())
                .where(id.eq(after.id()), Meta.version(t).eq(after.version() - 1), voided.isFalse())
                .execute();
        ConcurrentChangeException.check(n, type.name().toLowerCase(Locale.ROOT));
    }

    /** The records of {@code type} belonging to contact {@code contactId} that are voided, with their reasons. */
    public Map<UUID, VoidReason> ofContact(RecordType type, UUID contactId) {
        Table<?> t = table(type);
        Field<UUID> id = t.field("id", UUID.class);
        Field<String> why = t.field("void_reason", String.class);
        Map<UUID, VoidReason> out = new HashMap<>();
        dsl.select(id, why).from(t)
                .where(t.field("contact_id", UUID.class).eq(contactId), t.field("voided", Boolean.class).isTrue())
                .forEach(r -> out.put(r.value1(), r.value2() == null ? VoidReason.OTHER : VoidReason.valueOf(r.value2())));
        return out;
    }

    private static Table<?> table(RecordType type) {
        return switch (type) {
            case ENCOUNTER -> ENCOUNTER;
            case REFERRAL -> REFERRAL;
            case INCIDENT -> INCIDENT;
            case MOVEMENT -> COMMODITY_MOVEMENT;
            case CONTACT -> throw new IllegalArgumentException("contacts are merged, not voided");
            case SAFEGUARDING -> throw new IllegalArgumentException("safeguarding screens are not voided");
        };
    }
}
