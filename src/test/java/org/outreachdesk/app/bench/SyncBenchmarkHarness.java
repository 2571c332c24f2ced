package org.outreachdesk.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.demo.DemoGenerator;
import org.outreachdesk.app.demo.DemoSpec;
import org.outreachdesk.store.Database;

/**
 * Throwaway harness for team sync's speed (not a timed test; skipped unless {@code -Doutreachdesk.syncbench=DIR}):
 * a demo vault of {@code outreachdesk.syncbench.contacts} contacts (default 2,000) and
 * {@code outreachdesk.syncbench.encounters} encounters (default 20,000), kept in DIR/vault and reused, then
 * {@link SyncBenchmark}; the figures go to DIR/sync-results.txt.
 */
@EnabledIfSystemProperty(named = "outreachdesk.syncbench", matches = ".+")
class SyncBenchmarkHarness {

    private static final char[] PASSWORD = "benchmark password".toCharArray();

    /** Runs outside Maven: {@code java -cp … -Doutreachdesk.syncbench=DIR …SyncBenchmarkHarness}. */
    public static void main(String[] args) throws Exception {
        new SyncBenchmarkHarness().measure();
    }

    @Test
    void measure() throws Exception {
        Path dir = Path.of(System.getProperty("outreachdesk.syncbench"));
        int contacts = Integer.getInteger("outreachdesk.syncbench.contacts", 2_000);
        int encounters = Integer.getInteger("outreachdesk.syncbench.encounters", 20_000);
        Files.createDirectories(dir);
        VaultService vaults = new VaultService(Clock.systemDefaultZone());
        // outreachdesk.syncbench.vault: a vault (a copy: it is made the hub) to use instead of a generated one
        String given = System.getProperty("outreachdesk.syncbench.vault");
        Path vault = given != null ? Path.of(given) : dir.resolve("vault");
        if (!Files.isRegularFile(vault.resolve(Database.FILE_NAME))) {
            try (Workspace ws = vaults.create(vault, "Benchmark", "admin", PASSWORD).workspace()) {
                new DemoGenerator(ws, new DemoSpec(contacts, 12, 20261129L, 8, encounters)).generate();
            }
        }
        BenchResult result = new BenchResult();
        SyncBenchmark bench = new SyncBenchmark(vaults, PASSWORD, m -> System.out.println(LocalTime.now()
                + " syncbench: " + m));
        if (given != null) {
            bench.measureOn(vault, dir, result);
        } else {
            bench.measure(vault, dir, result);
        }
        Files.writeString(dir.resolve("sync-results.txt"), result.toTable());
        System.out.println(result.toTable());
    }
}
