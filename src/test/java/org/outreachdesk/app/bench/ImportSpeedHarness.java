package org.outreachdesk.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;

/**
 * Throwaway harness (not a test): the benchmark's register import alone, {@code rows} rows into a new vault in
 * {@code DIR}, {@code runs} times; prints rows per second. To compare two builds (ADR 21: the capture trigger of a
 * vault outside any team must not slow the import down): {@code java -cp … ImportSpeedHarness DIR [rows] [runs]}.
 */
public final class ImportSpeedHarness {

    private ImportSpeedHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(dir);
        Clock clock = Clock.systemDefaultZone();
        Path register = Benchmark.writeRegister(dir.resolve("register.csv"), rows, clock);
        VaultService vaults = new VaultService(clock);
        for (int i = 0; i < runs; i++) {
            Path v = dir.resolve("import-" + i);
            SyncBenchmark.deleteTree(v);
            try (Workspace ws = vaults.create(v, "Import", "admin", "benchmark password".toCharArray()).workspace()) {
                long t = System.nanoTime();
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                new ImportService(ws).importFile(register);
                double s = (System.nanoTime() - t) / 1e9;
                double c = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
                System.out.println(String.format(Locale.ROOT, "run %d: %d rows in %.2f s = %.0f rows/s; %.2f s of CPU"
                        + " in this thread = %.0f rows per CPU second", i, rows, s, rows / s, c, rows / c));
            }
            SyncBenchmark.deleteTree(v);
        }
    }
}
