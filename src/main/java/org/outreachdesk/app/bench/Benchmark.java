package org.outreachdesk.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.InvalidInputException;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.ReportBenchmark;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.app.ReportRequest;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.demo.DemoGenerator;
import org.outreachdesk.app.demo.DemoSpec;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.store.Database;

/**
 * The speed targets of the issues, measured on vaults the benchmark builds itself with the demo generator
 * (real encrypted H2 files, default Argon2id cost). Used by the {@code bench} command; not a test.
 */
public final class Benchmark {

    private static final char[] PASSWORD = "benchmark password".toCharArray();

    private final Clock clock;
    private final Consumer<String> progress;
    private final List<Extra> extras = new ArrayList<>();

    /** A further measurement run on the filled vault (the reports add theirs). */
    public interface Extra {
        void measure(Workspace ws, Path workDir, BenchResult result) throws Exception;
    }

    public Benchmark(Clock clock, Consumer<String> progress) {
        this.clock = clock;
        this.progress = progress;
    }

    public Benchmark with(Extra extra) {
        extras.add(extra);
        return this;
    }

    public BenchResult run(BenchSize size, Path workDir) throws Exception {
        BenchResult result = new BenchResult();
        long started = System.nanoTime();
        describeRun(size, result);
        VaultService vaults = new VaultService(clock);
        Path main = workDir.resolve("vault");
        boolean reuse = createAndUnlock(vaults, main, result);
        HeapWatch heap;
        try (Workspace ws = vaults.unlock(main, "admin", PASSWORD)) {
            demoData(ws, size, reuse, result);
            firstReportPrepared(ws, result);
            heap = new HeapWatch();
            heap.sample();
            List<String> uics = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            ws.read(Permission.RECORDS, tx -> {
                tx.contacts().forEach(c -> {
                    uics.add(c.uic().value());
                    ids.add(c.id());
                });
                return null;
            });
            lookupsAndRegister(ws, uics, heap, result);
            encounterSaves(ws, ids, result);
            YearMonth lastMonth = YearMonth.from(ws.today()).minusMonths(1);
            workbooks(ws, lastMonth, workDir, result);
            floorAndPlainCopy(ws, lastMonth, workDir, result);
            for (Extra extra : extras) {
                extra.measure(ws, workDir, result);
            }
            heap.sample();
        }
        new SyncBenchmark(vaults, PASSWORD, progress).measure(main, workDir, result);
        registerImport(vaults, size, workDir, result);
        heap.sample();
        heap.close();
        result.put("heap_peak_mb", heap.maxLiveMb());
        result.note("heap", "largest heap in use after a garbage collection, from the unlocked vault with its data"
                + " onwards (register browsed, saves, reports, import); the demo data's generation is not counted"
                + (Runtime.getRuntime().maxMemory() > (600L << 20) ? "; with this large a maximum heap few full"
                + " collections happen, so run with -Xmx512m to check the 512 MB target" : ""));
        result.note("total time", String.format(Locale.ROOT, "%.0f s, load average %.1f at the end", seconds(started),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return result;
    }

    private static void describeRun(BenchSize size, BenchResult result) {
        result.note("size", size.name().toLowerCase(Locale.ROOT) + ": " + size.contacts + " contacts, ~"
                + size.encounters + " encounters, " + size.months + " months, " + size.sites + " sites");
        result.note("machine", Runtime.getRuntime().availableProcessors() + " processors, load average "
                + String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " at start, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }

    /** Creates the vault (unless the work folder holds one) and times three unlocks; answers whether it was kept. */
    private boolean createAndUnlock(VaultService vaults, Path main, BenchResult result) {
        progress.accept("creating the vault and measuring unlock");
        boolean reuse = Files.isRegularFile(main.resolve(Database.FILE_NAME));
        if (!reuse) {
            vaults.create(main, "Benchmark", "admin", PASSWORD).workspace().close();
        }
        double[] unlocks = new double[3];
        for (int i = 0; i < unlocks.length; i++) {
            long t = System.nanoTime();
            Workspace unlocked = vaults.unlock(main, "admin", PASSWORD);
            unlocks[i] = (System.nanoTime() - t) / 1e9;
            unlocked.close();
        }
        Arrays.sort(unlocks);
        result.put("unlock_s", unlocks[1]);
        return reuse;
    }

    private void demoData(Workspace ws, BenchSize size, boolean reuse, BenchResult result) {
        if (reuse) {
            result.note("demo data", "the vault kept in the work folder from an earlier run (not generated again)");
        } else {
            progress.accept("generating demo data (" + size.contacts + " contacts, ~" + size.encounters
                    + " encounters)");
            long t = System.nanoTime();
            DemoGenerator.Summary s = new DemoGenerator(ws, new DemoSpec(size.contacts, size.months, 20261129L,
                    size.sites, size.encounters)).generate();
            result.note("demo data", s.contacts() + " contacts, " + s.encounters() + " encounters, "
                    + s.referrals() + " referrals, generated in " + String.format(Locale.ROOT, "%.0f", seconds(t))
                    + " s");
        }
    }

    /**
     * What the app does in the background right after unlock for managers and coordinators (ADR 23): the last
     * complete month's workbook made once in memory. Timed, since a manager who asks for a workbook sooner waits
     * for the rest of it.
     */
    private void firstReportPrepared(Workspace ws, BenchResult result) {
        progress.accept("preparing the first report, as the app does after unlock");
        long ms = new ReportService(ws).prepareFirstReport();
        result.note("first report prepared", String.format(Locale.ROOT, "%.2f s in the background after unlock"
                + " (POI loaded, the last month's workbook made in memory and thrown away)", ms / 1000.0));
    }

    private void lookupsAndRegister(Workspace ws, List<String> uics, HeapWatch heap, BenchResult result)
            throws Exception {
        Random rnd = new Random(7);
        progress.accept("measuring UIC lookups");
        ContactService contacts = new ContactService(ws);
        for (int i = 0; i < 200; i++) {
            contacts.lookup(uics.get(rnd.nextInt(uics.size())));
        }
        double[] lookups = time(1000, () -> contacts.lookup(uics.get(rnd.nextInt(uics.size()))));
        result.put("uic_lookup_p95_ms", percentile(lookups, 95) * 1000);

        progress.accept("measuring the contact register's first page");
        double[] register = time(10, () -> {
            contacts.count(ContactFilter.ALL);
            return contacts.page(ContactFilter.ALL, null, 100);
        });
        result.put("register_open_s", percentile(register, 50));
        progress.accept("browsing the whole register, page by page");
        long browsed = 0;
        ContactService.Page page = contacts.page(ContactFilter.ALL, null, 100);
        while (true) {
            browsed += page.rows().size();
            if (!page.more()) {
                break;
            }
            page = contacts.page(ContactFilter.ALL, page.rows().get(page.rows().size() - 1), 100);
        }
        heap.sample();
        result.note("register browsed", browsed + " contacts in pages of 100");
    }

    private void encounterSaves(Workspace ws, List<UUID> ids, BenchResult result) {
        progress.accept("measuring encounter saves");
        EncounterService encounters = new EncounterService(ws);
        Site site = ws.read(Permission.RECORDS, tx -> tx.sites().list(true).get(0));
        Staff staff = ws.read(Permission.RECORDS, tx -> tx.staff().list(true).get(0));
        LocalDate today = ws.today();
        int[] next = {0};
        List<Double> saves = new ArrayList<>();
        while (saves.size() < 300 && next[0] < ids.size()) {
            UUID contact = ids.get(next[0]++);
            long s0 = System.nanoTime();
            try {
                encounters.save(EncounterService.Draft.of(contact, today, staff.meta().id(), site.meta().id())
                        .withQuantities(10, 0, 5, 0));
            } catch (InvalidInputException alreadyMetToday) {
                continue;
            }
            saves.add((System.nanoTime() - s0) / 1e9);
        }
        double[] saved = saves.stream().mapToDouble(Double::doubleValue).toArray();
        result.put("encounter_save_p95_ms", percentile(saved, 95) * 1000);
        result.note("encounter save p50", String.format(Locale.ROOT, "%.1f ms", percentile(saved, 50) * 1000));
    }

    private void workbooks(Workspace ws, YearMonth lastMonth, Path workDir, BenchResult result) throws Exception {
        progress.accept("measuring the month's and the year's donor workbooks");
        ReportService reports = new ReportService(ws);
        // the first export of the session comes after the app's preparation at unlock (firstReportPrepared); the
        // figure is the usual one, warm (median of 5 after it), and the first is reported beside it
        Callable<?> monthReport = () -> reports.export(ReportRequest.of(ReportPeriod.month(lastMonth), ReportAudience.DONOR),
                workDir.resolve("month.xlsx"), null);
        double first = time(1, monthReport)[0];
        double[] month = time(5, monthReport);
        result.put("report_month_s", percentile(month, 50));
        result.put("report_month_first_s", first);
        double[] year = time(3, () -> reports.export(ReportRequest.of(ReportPeriod.year(lastMonth.getYear()),
                ReportAudience.DONOR), workDir.resolve("year.xlsx"), null));
        result.put("report_year_s", percentile(year, 50));
    }

    /** The report's bare SQL on the vault, and the same report on an unencrypted copy of it. */
    private void floorAndPlainCopy(Workspace ws, YearMonth lastMonth, Path workDir, BenchResult result)
            throws Exception {
        progress.accept("measuring the bare SQL floor and the same report on an unencrypted copy");
        Database encrypted = ReportBenchmark.database(ws);
        String period = lastMonth.toString();
        List<ReportBenchmark.Timing> onVault = ReportBenchmark.measure(encrypted, period, 2, 5, clock);
        double floor = seconds(onVault, "floor");
        result.put("report_vs_sql_ratio", result.get("report_month_s") / floor);
        result.note("report floor", String.format(Locale.ROOT, "month %s: %.3f s the report's SQL run bare (the"
                + " floor), %.3f s through jOOQ into records, %.3f s with rules, suppression and the workbook in"
                + " memory; %.3f s the bare scan of the month (distinct people and encounters)", period, floor,
                seconds(onVault, "queries"), seconds(onVault, "workbook"), seconds(onVault, "scan")));
        Path plainFolder = workDir.resolve("plain-copy");
        long t0 = System.nanoTime();
        try (Database plain = Database.openPlain(plainFolder)) {
            long rows = encrypted.copyRowsTo(plain);
            result.note("plain copy", rows + " rows copied in " + String.format(Locale.ROOT, "%.0f", seconds(t0))
                    + " s, then closed (compacted like the vault) and opened again");
        }
        try (Database plain = Database.openPlain(plainFolder)) {
            List<ReportBenchmark.Timing> onPlain = ReportBenchmark.measure(plain, period, 2, 5, clock);
            result.put("encrypted_vs_plain_ratio", seconds(onVault, "workbook") / seconds(onPlain, "workbook"));
            result.note("plain report", String.format(Locale.ROOT, "%.3f s queries + rules + workbook on the"
                    + " unencrypted copy (its floor %.3f s)", seconds(onPlain, "workbook"),
                    seconds(onPlain, "floor")));
        }
        deleteTree(plainFolder);
    }

    private void registerImport(VaultService vaults, BenchSize size, Path workDir, BenchResult result)
            throws Exception {
        progress.accept("measuring a register import of " + size.importRows + " rows");
        Path register = writeRegister(workDir.resolve("register.csv"), size.importRows, clock);
        Path importVault = workDir.resolve("import-vault");
        deleteTree(importVault);
        try (Workspace ws = vaults.create(importVault, "Import benchmark", "admin", PASSWORD).workspace()) {
            long t = System.nanoTime();
            new ImportService(ws).importFile(register);
            double s = seconds(t);
            result.put("import_rows_per_s", size.importRows / s);
            result.note("import", size.importRows + " rows in " + String.format(Locale.ROOT, "%.1f", s) + " s");
        }
    }

    /** A register as teams keep it: about five visits per person over the last year. */
    static Path writeRegister(Path file, int rows, Clock clock) {
        Random rnd = new Random(11);
        LocalDate today = LocalDate.now(clock);
        int people = Math.max(1, rows / 5);
        String[] kp = {"FEW", "FEW", "FEW", "FSW", "FSW", "MSM", "TG", "PWID"};
        String[] gender = {"F", "F", "F", "F", "F", "M", "TGW", "F"};
        String[] hiv = {"", "", "tested", "referred_for_test", "declined", "not_required", "not_required"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("date,uic,worker,site,gender,birth_year,kp_type,male_condoms,female_condoms,lubricants,"
                    + "hiv_self_tests,hiv_status,referrals,notes\r\n");
            for (int i = 0; i < rows; i++) {
                int person = i % people;
                int visit = i / people;
                Random p = new Random(person * 31L + 5);
                String letters = "" + (char) ('A' + p.nextInt(26)) + (char) ('A' + p.nextInt(26))
                        + (char) ('A' + p.nextInt(26)) + (char) ('A' + p.nextInt(26));
                int birthYear = today.getYear() - 19 - p.nextInt(25);
                String uic = letters + "2" + String.format(Locale.ROOT, "%02d%02d%02d", 1 + person % 28,
                        1 + (person / 28) % 12, birthYear % 100);
                int type = p.nextInt(kp.length);
                LocalDate date = today.minusDays(visit * 60L + p.nextInt(50));
                w.write(date + "," + uic + ",OW" + String.format(Locale.ROOT, "%02d", 1 + person % 12) + ",KTV-"
                        + String.format(Locale.ROOT, "%02d", 1 + person % 30) + "," + gender[type] + "," + birthYear + ","
                        + kp[type] + "," + (rnd.nextInt(4) * 10) + "," + (rnd.nextInt(10) == 0 ? 2 : 0) + ","
                        + (rnd.nextBoolean() ? 5 : 0) + ",0," + hiv[rnd.nextInt(hiv.length)] + ","
                        + (rnd.nextInt(15) == 0 ? "HTS" : "") + ",\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static double[] time(int runs, Callable<?> work) throws Exception {
        double[] out = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.call();
            out[i] = (System.nanoTime() - t) / 1e9;
        }
        return out;
    }

    /** The {@code p}th percentile (nearest rank) of the samples, in their unit. */
    static double percentile(double[] samples, int p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    private static double seconds(List<ReportBenchmark.Timing> timings, String name) {
        return timings.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().median().toNanos() / 1e9;
    }

    /** Removes the unencrypted copy at once: it is synthetic, but nothing unencrypted should linger. */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
