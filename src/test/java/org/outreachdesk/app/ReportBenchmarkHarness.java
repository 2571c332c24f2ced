package org.outreachdesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.store.Database;
import org.outreachdesk.vault.TestVaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throwaway benchmark harness (not a timed test; skipped unless {@code -Doutreachdesk.bench=DIR}). Generates
 * {@code outreachdesk.bench.contacts} contacts (default 50 000) and {@code outreachdesk.bench.encounters}
 * encounters (default 1 000 000) over 24 months ending 2026-10 twice with the same seed, into an encrypted vault
 * and into a plain database (reused when DIR already has them), then measures reports and writes the numbers to
 * DIR/results.txt.
 */
@EnabledIfSystemProperty(named = "outreachdesk.bench", matches = ".+")
class ReportBenchmarkHarness {

    private static final Logger LOG = LoggerFactory.getLogger(ReportBenchmarkHarness.class);

    @Test
    void measure() throws Exception {
        Path dir = Path.of(System.getProperty("outreachdesk.bench"));
        int contacts = Integer.getInteger("outreachdesk.bench.contacts", 50_000);
        int encounters = Integer.getInteger("outreachdesk.bench.encounters", 1_000_000);
        int runs = Integer.getInteger("outreachdesk.bench.runs", 5);
        Files.createDirectories(dir);
        Path vaultDir = dir.resolve("vault");
        Path plainDir = dir.resolve("plain");
        boolean fresh = !Files.exists(vaultDir);
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        Workspace ws = fresh ? TestWorkspaces.admin(vaultDir)
                : TestWorkspaces.vaults().unlock(vaultDir, "admin", TestWorkspaces.PASSWORD.toCharArray());
        try (ws) {
            if (fresh) {
                RecordMeta.Author author = new RecordMeta.Author(ws.user().id(), ws.newMeta().originDevice());
                SyntheticData.generate(work -> ws.write(Permission.RECORDS, AuditAction.IMPORT, "bench", null, null,
                        work), contacts, encounters, YearMonth.of(2026, 10), 24, 42, author, ws.clock().instant());
                lines.add(String.format("generated %d contacts, %d encounters into the vault in %.0f s", contacts,
                        encounters, (System.nanoTime() - t0) / 1e9));
            }
            Database vaultDb = ReportBenchmark.database(ws);
            for (String p : List.of("2026-10", "2025")) {
                lines.add("plans " + p + ":");
                ReportBenchmark.plans(vaultDb, p).forEach(x -> lines.add("  " + x.replace("\n", "\n  ")));
            }
            Clock clock = TestVaults.CLOCK;
            for (String p : List.of("2026-10", "2025-06", "2026-Q3", "2025")) {
                ReportBenchmark.measure(vaultDb, p, 2, runs, clock).forEach(t -> lines.add("encrypted " + t));
                lines.add("encrypted " + ReportBenchmark.measureExport(ws, p, ReportAudience.DONOR, dir, 1, runs));
                lines.add("encrypted " + ReportBenchmark.measureExport(ws, p, ReportAudience.INTERNAL, dir, 1, runs));
            }
        }
        long t1 = System.nanoTime();
        boolean plainFresh = !Files.exists(plainDir);
        try (Database plain = Database.openPlain(plainDir)) {
            if (plainFresh) {
                RecordMeta.Author author = new RecordMeta.Author(new java.util.UUID(1, 1), new java.util.UUID(2, 2));
                SyntheticData.generate(plain::write, contacts, encounters, YearMonth.of(2026, 10), 24, 42, author,
                        TestVaults.CLOCK.instant());
                lines.add(String.format("generated the plain copy in %.0f s", (System.nanoTime() - t1) / 1e9));
            }
            for (String p : List.of("2026-10", "2025-06", "2026-Q3", "2025")) {
                ReportBenchmark.measure(plain, p, 2, runs, TestVaults.CLOCK).forEach(t -> lines.add("plain     " + t));
            }
        }
        lines.forEach(l -> LOG.info(l));
        Files.write(dir.resolve("results.txt"), lines);
    }
}
