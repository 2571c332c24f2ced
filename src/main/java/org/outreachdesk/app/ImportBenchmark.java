package org.outreachdesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.importer.RegisterGenerator;
import org.outreachdesk.vault.KdfParams;

/**
 * Measures register import on a fresh vault: a synthetic register of {@code rows} visits (CSV or XLSX) is
 * generated, checked (dry run), imported, and imported again (which must add nothing), while a sampler
 * records the peak heap in use. For the {@code bench} command and for people tuning the import; it
 * prints nothing (callers report the {@link Result}).
 */
public final class ImportBenchmark {

    /**
     * What one run measured. Times are wall-clock seconds, except {@code importCpuSeconds} (CPU time of the
     * importing thread: what the import costs on a machine nobody else is using); heap figures are bytes:
     * {@code peakHeapUsed} the most ever in use (garbage included, so it follows the heap limit), and
     * {@code peakLiveHeap} the most still in use just after a garbage collection (what the work needs).
     */
    public record Result(String format, int rows, long fileBytes, double checkSeconds, double checkCpuSeconds,
                         double importSeconds,
                         double importCpuSeconds, double reimportSeconds, double rowsPerSecond, long peakHeapUsed,
                         long peakLiveHeap, long maxHeap,
                         int contactsNew, int encountersNew, int referralsNew, int encountersPresentOnReimport) {
    }

    private ImportBenchmark() {
    }

    /**
     * Runs one measurement in {@code workDir} (a vault and the register are created there).
     *
     * @param format {@code csv} or {@code xlsx}
     */
    public static Result run(Path workDir, String format, int rows, long seed) {
        Clock clock = Clock.systemDefaultZone();
        Path register = workDir.resolve("register-" + rows + "." + format);
        RegisterGenerator.write(register, rows, LocalDate.now(clock), seed);
        // the cheapest key-derivation cost the slots accept: the benchmark measures the import, not the unlock
        VaultService vaults = new VaultService(clock, new KdfParams(19 * 1024, 2, 1));
        char[] password = "benchmark password 1".toCharArray();
        try (Workspace ws = vaults.create(workDir.resolve("vault"), "Benchmark", "bench", password).workspace()) {
            System.gc();
            try (HeapSampler heap = new HeapSampler()) {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long t0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                ImportPlan checked = new ImportService(ws).dryRun(register);
                long t1 = System.nanoTime();
                if (!checked.isValid()) {
                    throw new IllegalStateException("the generated register has " + checked.problemCount() + " problems");
                }
                long cpu1 = threads.getCurrentThreadCpuTime();
                // as the import command runs it: read, check and import in one call (the wizard, which imports
                // the file it has just checked, skips the reading and the first check)
                ImportPlan done = new ImportService(ws).importFile(register);
                long t2 = System.nanoTime();
                long cpu2 = threads.getCurrentThreadCpuTime();
                ImportPlan again = new ImportService(ws).importFile(register);
                long t3 = System.nanoTime();
                double importSeconds = (t2 - t1) / 1e9;
                return new Result(format, rows, Files.size(register), (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, importSeconds,
                        (cpu2 - cpu1) / 1e9, (t3 - t2) / 1e9,
                        rows / importSeconds, heap.peak(), heap.peakLive(), Runtime.getRuntime().maxMemory(), done.contactsNew(),
                        done.encountersNew(), done.referralsNew(), again.encountersPresent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Samples the heap every few milliseconds on a daemon thread: {@link #peak()} is the most in use,
     * {@link #peakLive()} the most left in use after a collection (summed over the heap's pools).
     */
    private static final class HeapSampler implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> pools = ManagementFactory
                .getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                .toList();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running.get()) {
                    sample();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            long live = 0;
            for (MemoryPoolMXBean p : pools) {
                live += p.getCollectionUsage().getUsed();
            }
            peakLive.accumulateAndGet(live, Math::max);
        }

        long peak() {
            sample();
            return peak.get();
        }

        long peakLive() {
            sample();
            return peakLive.get();
        }

        @Override
        public void close() {
            running.set(false);
            thread.interrupt();
        }
    }
}
