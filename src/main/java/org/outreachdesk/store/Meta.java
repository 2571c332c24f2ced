package org.outreachdesk.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.outreachdesk.domain.RecordMeta;

/** Reads and writes the bookkeeping columns every record table shares (see schema/V1). */
final class Meta {

    private Meta() {
    }

    static RecordMeta read(Table<?> t, Record r) {
        return new RecordMeta(
                r.get(field(t, "id", UUID.class)),
                r.get(field(t, "created_at", Instant.class)),
                r.get(field(t, "updated_at", Instant.class)),
                r.get(field(t, "created_by", UUID.class)),
                r.get(field(t, "updated_by", UUID.class)),
                r.get(field(t, "origin_device", UUID.class)),
                r.get(field(t, "row_version", Integer.class)));
    }

    /** Sets the bookkeeping columns of a record to be inserted. */
    static void write(Record r, Table<?> t, RecordMeta meta) {
        insertValues(t, meta).forEach((f, v) -> set(r, f, v));
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record r, Field<T> f, Object v) {
        r.set(f, (T) v);
    }

    /** Column values for inserting a record with {@code meta}. */
    static Map<Field<?>, Object> insertValues(Table<?> t, RecordMeta meta) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(field(t, "id", UUID.class), meta.id());
        v.put(field(t, "created_at", Instant.class), meta.createdAt());
        v.put(field(t, "created_by", UUID.class), meta.createdBy());
        v.put(field(t, "origin_device", UUID.class), meta.originDevice());
        v.putAll(updateValues(t, meta));
        return v;
    }

    /** Column values written on every change. */
    static Map<Field<?>, Object> updateValues(Table<?> t, RecordMeta meta) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(field(t, "updated_at", Instant.class), meta.updatedAt());
        v.put(field(t, "updated_by", UUID.class), meta.updatedBy());
        v.put(field(t, "row_version", Integer.class), meta.version());
        return v;
    }

    static Field<Integer> version(Table<?> t) {
        return field(t, "row_version", Integer.class);
    }

    private static <T> Field<T> field(Table<?> t, String name, Class<T> type) {
        Field<T> f = t.field(name, type);
        if (f == null) {
            throw new IllegalStateException("table " + t.getName() + " lacks column " + name);
        }
        return f;
    }
}
