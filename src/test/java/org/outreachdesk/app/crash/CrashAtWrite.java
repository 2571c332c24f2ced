package org.outreachdesk.app.crash;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.store.fs.Recorder;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.store.StoreTestAccess;
import org.outreachdesk.vault.TestVaults;

/**
 * Child JVM for the deterministic crash tests: unlocks a vault and imports a register, with every write to the
 * database file seen by H2's recording file system. Writes made while H2 is inside
 * {@code TransactionStore.commit} (applying a committed transaction's undo log: the window a crash must not
 * spoil) are counted apart.
 *
 * <ul>
 *   <li>{@code record VAULT REGISTER}: imports and prints {@code COMMIT_WRITES m TOTAL_WRITES n}.</li>
 *   <li>{@code crash VAULT REGISTER j}: stops the JVM dead ({@code Runtime.halt}, like {@code kill -9}) right after
 *       the j-th write made inside a commit.</li>
 *   <li>{@code crash-any VAULT REGISTER k}: the same right after the k-th write of all (the sweep in
 *       {@link ImportCrashHarness}: a SIGKILL can only leave the file as it was after one of these writes).</li>
 * </ul>
 */
public final class CrashAtWrite {

    private CrashAtWrite() {
    }

    public static void main(String[] args) {
        boolean record = args[0].equals("record");
        boolean any = args[0].equals("crash-any");
        Path vault = Path.of(args[1]);
        Path register = Path.of(args[2]);
        int haltAfter = record ? -1 : Integer.parseInt(args[3]);
        AtomicInteger total = new AtomicInteger();
        AtomicInteger inCommit = new AtomicInteger();
        StoreTestAccess.recordWrites((op, fileName, data, x) -> {
            if (op != Recorder.WRITE || !fileName.endsWith(".mv.db")) {
                return;
            }
            if (total.incrementAndGet() == haltAfter && any) {
                Runtime.getRuntime().halt(137);
            }
            if (insideCommit() && inCommit.incrementAndGet() == haltAfter && !any) {
                Runtime.getRuntime().halt(137);
            }
        });
        VaultService vaults = new VaultService(Clock.systemDefaultZone(), TestVaults.FAST_KDF);
        try (Workspace ws = vaults.unlock(vault, ImportCrashHarness.USER, ImportCrashHarness.PASSWORD.toCharArray())) {
            new ImportService(ws).importFile(register);
        }
        System.out.println("COMMIT_WRITES " + inCommit.get() + " TOTAL_WRITES " + total.get());
        System.exit(0);
    }

    private static boolean insideCommit() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
                f.getClassName().equals("org.h2.mvstore.tx.TransactionStore") && f.getMethodName().equals("commit")));
    }
}
