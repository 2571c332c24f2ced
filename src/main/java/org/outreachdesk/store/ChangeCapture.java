package org.outreachdesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.h2.api.Trigger;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The change log's capture (ADR 14): an H2 row trigger on every table a team shares ({@link SyncRepository#TABLES}),
 * so that no write path, whichever service or repository makes it, can leave the log behind. It runs in the writing
 * transaction, on the writing connection: the change and its log row are committed together or not at all.
 *
 * <p>Applying a received change is not a new change of this vault: {@link #suppressed} turns the capture off for
 * the thread that applies (H2 runs a trigger on the thread of the statement).
 *
 * <p>A vault outside any team logs nothing; the trigger remembers that it found no {@code sync_state} row, so such a
 * vault pays no query per written row (ADR 21). What it remembers is dropped whenever a change log starts: when
 * {@link SyncRepository#backfill} begins and again when its transaction ends ({@link #afterTransaction}), so a check
 * made while that transaction was still open is never kept.
 */
public final class ChangeCapture implements Trigger {

    private static final ThreadLocal<Boolean> SUPPRESSED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** Bumped whenever a change log may have started: what a trigger remembered before is stale. */
    private static final AtomicLong EPOCH = new AtomicLong();
    /** Set on the thread whose transaction starts a change log, until that transaction ends. */
    private static final ThreadLocal<Boolean> STARTING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private String table;
    private List<String> columns;
    /** The {@link #EPOCH} at which this trigger found the vault logging nothing; -1: not known. */
    private volatile long notLoggingAt = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        this.table = tableName.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        this.columns = List.copyOf(names);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        if (SUPPRESSED.get()) {
            return;
        }
        long epoch = EPOCH.get();
        if (notLoggingAt == epoch) {
            return;
        }
        boolean logged = new SyncRepository(DSL.using(conn, SQLDialect.H2, Database.settings()))
                .captured(table, columns, oldRow, newRow);
        if (!logged && !STARTING.get()) {
            notLoggingAt = epoch;
        }
    }

    /** A change log starts in this thread's transaction: every trigger checks again (now and after it ends). */
    static void startingLog() {
        STARTING.set(Boolean.TRUE);
        EPOCH.incrementAndGet();
    }

    /** The end (commit or rollback) of a transaction on this thread: if it started a change log, check again. */
    static void afterTransaction() {
        if (STARTING.get()) {
            STARTING.set(Boolean.FALSE);
            EPOCH.incrementAndGet();
        }
    }

    /** Runs {@code work} with the capture off on this thread (applying changes received from another vault). */
    static <T> T suppressed(Supplier<T> work) {
        boolean before = SUPPRESSED.get();
        SUPPRESSED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            SUPPRESSED.set(before);
        }
    }
}
