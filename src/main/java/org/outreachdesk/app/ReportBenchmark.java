package org.outreachdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.report.Report;
import org.outreachdesk.report.ReportBuilder;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.report.ReportWorkbook;
import org.outreachdesk.report.Suppression;
import org.outreachdesk.store.Database;

/**
 * Measures how long reports take (for the {@code bench} command and the notes). Each measurement runs a few
 * warm-up rounds, then times several runs and reports the median and the fastest.
 *
 * <ul>
 *   <li>{@code scan}: the least any report must do: distinct contacts and encounters of the period, one range scan;</li>
 *   <li>{@code floor}: the report's own SQL statements run bare over JDBC (no mapping, rules or workbook);</li>
 *   <li>{@code queries}: every query of the report (the facts), no rules, no workbook;</li>
 *   <li>{@code workbook}: queries, rules, suppression and the .xlsx bytes (in memory);</li>
 *   <li>{@code export}: the whole service call on an unlocked vault: permission, queries, rules, workbook, audit
 *       entry, atomic file.</li>
 * </ul>
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    /** One timed operation. */
    public record Timing(String name, String period, List<Duration> runs) {
        public Duration median() {
            List<Duration> s = runs.stream().sorted().toList();
            return s.get(s.size() / 2);
        }

        public Duration fastest() {
            return runs.stream().min(Comparator.naturalOrder()).orElseThrow();
        }

        public double medianMillis() {
            return median().toNanos() / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-9s %-8s median %8.1f ms  fastest %8.1f ms  (%d runs)", name,
                    period, medianMillis(), fastest().toNanos() / 1e6, runs.size());
        }
    }

    /**
     * Times scan, floor, queries and workbook for {@code period} on a bare database (an encrypted vault's or a plain
     * copy's), as a donor report with the default threshold.
     */
    public static List<Timing> measure(Database db, String period, int warmups, int runs, Clock clock) {
        ReportPeriod p = ReportPeriod.parse(period);
        List<Timing> out = new ArrayList<>();
        out.add(time("scan", period, warmups, runs, () -> db.read(tx -> tx.reports().totals(p.start(), p.end()))));
        out.add(time("floor", period, warmups, runs,
                () -> db.read(tx -> tx.reports().runBare(p.start(), p.end(), p.trendStart()))));
        out.add(time("queries", period, warmups, runs, () -> db.read(tx -> ReportService.facts(tx, p))));
        out.add(time("workbook", period, warmups, runs, () -> {
            ReportFacts f = db.read(tx -> ReportService.facts(tx, p));
            Report r = ReportBuilder.build(f, p, ReportAudience.DONOR, Suppression.DEFAULT_THRESHOLD, "Benchmark",
                    clock.instant(), clock.getZone(), AppInfo.version());
            return ReportWorkbook.bytes(r, null);
        }));
        return out;
    }

    /** Times the full export on an unlocked vault, writing into {@code dir}. */
    public static Timing measureExport(Workspace ws, String period, ReportAudience audience, Path dir, int warmups,
                                       int runs) {
        ReportService s = new ReportService(ws);
        Path file = dir.resolve("bench-" + period + "-" + audience.code() + ".xlsx");
        Timing t = time("export", period, warmups, runs, () -> s.export(ReportRequest.of(period, audience), file, null));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover benchmark file is harmless
        }
        return t;
    }

    /** The database's plans for the report queries of {@code period} (read them when a measurement is slow). */
    public static List<String> plans(Database db, String period) {
        ReportPeriod p = ReportPeriod.parse(period);
        return db.read(tx -> tx.reports().explain(p.start(), p.end(), p.trendStart()));
    }

    /** The vault's database (for measuring it bare). */
    public static Database database(Workspace ws) {
        return ws.vault().database();
    }

    private static Timing time(String name, String period, int warmups, int runs, Supplier<?> work) {
        for (int i = 0; i < warmups; i++) {
            work.get();
        }
        List<Duration> d = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            d.add(Duration.ofNanos(System.nanoTime() - t0));
        }
        return new Timing(name, period, d);
    }
}
