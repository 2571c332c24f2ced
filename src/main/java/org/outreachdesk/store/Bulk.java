package org.outreachdesk.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.TableRecord;

/** Batched inserts: records grouped into JDBC batches of a bounded size, so memory stays flat. */
final class Bulk {

    static final int BATCH = 1000;

    private Bulk() {
    }

    static <X, R extends TableRecord<R>> void insert(DSLContext dsl, Collection<X> items, Function<X, R> toRecord) {
        List<R> batch = new ArrayList<>(Math.min(BATCH, items.size()));
        for (X x : items) {
            batch.add(toRecord.apply(x));
            if (batch.size() == BATCH) {
                dsl.batchInsert(batch).execute();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            dsl.batchInsert(batch).execute();
        }
    }
}
