package org.outreachdesk.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * Finishes, when a database is opened, the commits that a crash interrupted half-way — work around an H2 defect
 * (present up to 2.5.252, the newest release; ADR 10).
 *
 * <p>H2 (MVStore) commits a transaction in three steps: it marks the transaction's undo log "committed" (the
 * commit point), then rewrites every row the transaction touched from "uncommitted, by transaction n" to
 * "committed", then clears the undo log. For a large transaction (a register import: 20,000 encounters and
 * their index entries) the second step takes a good fraction of a second, and the store writes chunks to the
 * file while it runs. A process killed then leaves a file whose undo log is marked committed but only partly
 * applied. On the next open H2 registers that transaction as {@code COMMITTED} and calls
 * {@code Transaction.commit()} on it, which for a transaction already {@code COMMITTED} does nothing: the rest is
 * never applied and the transaction is never ended. Rows not yet rewritten stay invisible (half an import), and
 * any later write to one of their keys ({@code TransactionMap.set}) retries for ever at 100 % CPU, because the
 * blocking transaction counts as finished and no lock timeout can fire.
 *
 * <p>This class does what H2's recovery meant to do ({@code TransactionStore.commit(t, recovery = true)}, then
 * {@code endTransaction}): it applies the rest of the undo log and ends the transaction. Both methods are
 * package-private in H2, so they are called by reflection; if a future H2 renames them, opening fails loudly
 * ({@link StoreException}) instead of spinning, and {@code InterruptedImportCommitTest} fails.
 */
final class InterruptedCommits {

    private InterruptedCommits() {
    }

    /**
     * Finishes every transaction H2 recovered as committed but left unapplied, on a freshly opened database
     * (before anything else writes to it).
     *
     * @return how many such transactions were finished (0 almost always)
     */
    static int finish(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        TransactionStore store = session.getDatabase().getStore().getTransactionStore();
        int finished = 0;
        for (Transaction t : store.getOpenTransactions()) {
            if (t.getStatus() != Transaction.STATUS_COMMITTED) {
                continue;
            }
            try {
                Method commit = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
                Method end = TransactionStore.class.getDeclaredMethod("endTransaction", Transaction.class, boolean.class);
                commit.setAccessible(true);
                end.setAccessible(true);
                commit.invoke(store, t, true);
                end.invoke(store, t, true);
            } catch (InvocationTargetException e) {
                throw new StoreException("an interrupted commit could not be finished", e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new StoreException("an interrupted commit could not be finished (this H2 version is not supported)", e);
            }
            finished++;
        }
        return finished;
    }
}
