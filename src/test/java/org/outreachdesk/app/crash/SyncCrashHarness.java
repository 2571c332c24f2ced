package org.outreachdesk.app.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.crash.ImportCrashHarness.Outcome;
import org.outreachdesk.app.demo.DemoGenerator;
import org.outreachdesk.app.demo.DemoSpec;
import org.outreachdesk.vault.TestVaults;

/**
 * The crash test of reading a sync bundle (issue 15, ADR 21), outside the normal test run, as {@link ImportCrashHarness}
 * does for the register import: a hub with a demo team's records ({@code contacts}, {@code encounters}) writes the
 * first full bundle for a member that has just joined; the member reads it with the real command line
 * ({@code Main sync import FILE --vault V --user U}) in a child JVM, killed ({@code SIGKILL}) at a chosen moment; then
 * another child JVM unlocks the member's vault with a deadline, verifies the audit chain and counts contacts and
 * encounters. Every kill must leave a vault that opens, an intact chain, and the whole bundle applied or none of it.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.outreachdesk.app.crash.SyncCrashHarness \
 *      WORK_DIR [contacts=2000] [encounters=30000] [kills=60] [seed=1]
 * </pre>
 *
 * Kill moments: an uninterrupted read first measures its length T (JVM start to exit); a third of the kills spread
 * evenly over [0, T], two thirds at random over [0.5 T, 1.02 T] (the apply transaction, its commit and checkpoint).
 * A line per kill and the totals go to standard output and {@code WORK_DIR/sync-crash-results.txt}.
 */
public final class SyncCrashHarness {

    private SyncCrashHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int contacts = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int encounters = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
        int kills = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        System.exit(run(work, contacts, encounters, kills, seed) == 0 ? 0 : 1);
    }

    static int run(Path work, int contacts, int encounters, int kills, long seed) throws Exception {
        Files.createDirectories(work);
        Path pristine = work.resolve("pristine-member");
        Path bundle = work.resolve("full.odbundle");
        List<String> lines = new ArrayList<>();
        if (!Files.exists(bundle)) {
            prepare(work, pristine, bundle, contacts, encounters, seed);
        }
        Outcome before = ImportCrashHarness.check(pristine);
        Path full = work.resolve("full");
        ImportCrashHarness.deleteTree(full);
        ImportCrashHarness.copyTree(pristine, full);
        long t0 = System.nanoTime();
        int rc = startRead(bundle, full).waitFor();
        double fullSeconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("the uninterrupted read failed with exit code " + rc);
        }
        Outcome whole = ImportCrashHarness.check(full);
        if (!whole.opened() || !whole.auditIntact() || whole.encounters() == 0) {
            throw new IllegalStateException("the uninterrupted read left " + whole);
        }
        log(lines, String.format(Locale.ROOT, "bundle %d bytes; before: %d contacts, %d encounters; uninterrupted read "
                + "%.2f s (JVM start to exit); after: %d contacts, %d encounters; opened in %.2f s", Files.size(bundle),
                before.contacts(), before.encounters(), fullSeconds, whole.contacts(), whole.encounters(),
                whole.openSeconds()));
        Random random = new Random(seed);
        long fullMillis = Math.round(fullSeconds * 1000);
        int failures = 0;
        int none = 0;
        int all = 0;
        double worstOpen = 0;
        for (int k = 0; k < kills; k++) {
            long at = k % 3 == 0 ? fullMillis * (k / 3) / Math.max(1, (kills + 2) / 3)
                    : Math.round(fullMillis * (0.50 + 0.52 * random.nextDouble()));
            Path v = work.resolve("kill");
            ImportCrashHarness.deleteTree(v);
            ImportCrashHarness.copyTree(pristine, v);
            Process child = startRead(bundle, v);
            boolean exited = child.waitFor(at, TimeUnit.MILLISECONDS);
            if (!exited) {
                child.destroyForcibly();
                child.waitFor();
            }
            Outcome o = ImportCrashHarness.check(v);
            boolean nothing = o.contacts() == before.contacts() && o.encounters() == before.encounters();
            boolean everything = o.contacts() == whole.contacts() && o.encounters() == whole.encounters();
            boolean good = o.opened() && o.auditIntact() && (nothing || everything);
            if (!good) {
                failures++;
                Path keep = work.resolve("failed-" + k);
                ImportCrashHarness.deleteTree(keep);
                ImportCrashHarness.copyTree(v, keep);
            }
            none += nothing ? 1 : 0;
            all += everything ? 1 : 0;
            worstOpen = Math.max(worstOpen, o.openSeconds());
            log(lines, String.format(Locale.ROOT, "kill %3d at %6d ms%s: %s, opened %.2f s, audit %s, contacts %d, "
                    + "encounters %d%s", k, at, exited ? " (already done)" : "", good ? "ok" : "FAILED", o.openSeconds(),
                    o.auditIntact() ? "intact" : "BROKEN", o.contacts(), o.encounters(),
                    o.detail() == null ? "" : " (" + o.detail() + ")"));
            Files.write(work.resolve("sync-crash-results.txt"), lines, StandardCharsets.UTF_8);
        }
        log(lines, String.format(Locale.ROOT, "%d kills: %d failed; %d left nothing, %d the whole bundle; slowest open "
                + "%.2f s", kills, failures, none, all, worstOpen));
        Files.write(work.resolve("sync-crash-results.txt"), lines, StandardCharsets.UTF_8);
        return failures;
    }

    /** The hub with its records, the member just joined (its vault: {@code pristine}), the hub's full bundle for it. */
    private static void prepare(Path work, Path pristine, Path bundle, int contacts, int encounters, long seed) {
        VaultService vaults = new VaultService(Clock.systemDefaultZone(), TestVaults.FAST_KDF);
        char[] password = ImportCrashHarness.PASSWORD.toCharArray();
        Path hubDir = work.resolve("hub");
        ImportCrashHarness.deleteTree(hubDir);
        ImportCrashHarness.deleteTree(pristine);
        Path join = work.resolve("member.odjoin");
        try (Workspace hub = vaults.create(hubDir, "Hub", ImportCrashHarness.USER, password).workspace()) {
            new DemoGenerator(hub, new DemoSpec(contacts, 12, seed, 8, encounters)).generate();
            new TeamService(hub).create("Crash team");
            TeamService.Invitation inv = new TeamService(hub).invite("member", join);
            try (Workspace member = vaults.create(pristine, "Member", ImportCrashHarness.USER, password).workspace()) {
                new TeamService(member).join(join, inv.code());
            }
            new SyncService(hub, ChangeFeeds.of(hub)).export(bundle, "member");
        }
    }

    private static Process startRead(Path bundle, Path vault) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Doutreachdesk.logdir=" + vault.resolveSibling(vault.getFileName() + "-logs"),
                "org.outreachdesk.Main", "sync", "import", bundle.toString(), "--vault", vault.toString(), "--user",
                ImportCrashHarness.USER)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OUTREACH_DESK_PASSWORD", ImportCrashHarness.PASSWORD);
        return pb.start();
    }

    private static void log(List<String> lines, String line) {
        System.out.println(line);
        System.out.flush();
        lines.add(line);
    }
}
