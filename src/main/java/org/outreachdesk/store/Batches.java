package org.outreachdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.outreachdesk.domain.RecordMeta;

/**
 * Inserting many rows fast and portably: one prepared {@code INSERT} rendered once, executed as JDBC
 * batches of {@link #SIZE} rows (jOOQ's {@code batch(query).bind(…)}), and lookups by long key lists in
 * chunks of {@link #SIZE} (plain {@code IN} lists, never {@code IN (subquery)}).
 */
final class Batches {

    static final int SIZE = 1000;

    private Batches() {
    }

    /**
     * Inserts every item: {@code fields} are the columns after the bookkeeping ones, {@code values} gives an
     * item's values for them in the same order.
     */
    static <T> void insert(DSLContext dsl, Table<?> table, Collection<T> items, Function<T, RecordMeta> meta,
                           List<Field<?>> fields, Function<T, Object[]> values) {
        if (items.isEmpty()) {
            return;
        }
        List<Field<?>> all = new ArrayList<>(metaFields(table));
        all.addAll(fields);
        int metaCount = all.size() - fields.size();
        Query insert = dsl.insertInto(table).columns(all).values(Collections.nCopies(all.size(), null));
        Iterator<T> it = items.iterator();
        while (it.hasNext()) {
            BatchBindStep batch = dsl.batch(insert);
            for (int n = 0; n < SIZE && it.hasNext(); n++) {
                T item = it.next();
                Object[] own = values.apply(item);
                if (own.length != fields.size()) {
                    throw new IllegalArgumentException("expected " + fields.size() + " values, got " + own.length);
                }
                Object[] row = new Object[all.size()];
                RecordMeta m = meta.apply(item);
                row[0] = m.id();
                row[1] = m.createdAt();
                row[2] = m.updatedAt();
                row[3] = m.createdBy();
                row[4] = m.updatedBy();
                row[5] = m.originDevice();
                row[6] = m.version();
                System.arraycopy(own, 0, row, metaCount, own.length);
                batch.bind(row);
            }
            batch.execute();
        }
    }

    /** The bookkeeping columns every record table shares, in the order {@link #insert} binds them. */
    private static List<Field<?>> metaFields(Table<?> t) {
        return List.of(field(t, "id", UUID.class), field(t, "created_at", Instant.class),
                field(t, "updated_at", Instant.class), field(t, "created_by", UUID.class),
                field(t, "updated_by", UUID.class), field(t, "origin_device", UUID.class),
                field(t, "row_version", Integer.class));
    }

    /** {@code keys} cut into lists of at most {@link #SIZE}, for {@code IN} lists. */
    static <K> List<List<K>> chunks(Collection<K> keys) {
        List<List<K>> out = new ArrayList<>();
        List<K> current = new ArrayList<>(Math.min(SIZE, keys.size()));
        for (K k : keys) {
            current.add(k);
            if (current.size() == SIZE) {
                out.add(current);
                current = new ArrayList<>(SIZE);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static <T> Field<T> field(Table<?> t, String name, Class<T> type) {
        Field<T> f = t.field(name, type);
        if (f == null) {
            throw new IllegalStateException("table " + t.getName() + " lacks column " + name);
        }
        return f;
    }
}
