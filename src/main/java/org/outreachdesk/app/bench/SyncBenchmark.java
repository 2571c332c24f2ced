package org.outreachdesk.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.ContactService;
import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.EncounterService.ReferralRequest;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.StaffService;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;

/**
 * Team sync's speed (issue 15, ADR 21): a copy of the benchmark's vault made a team hub, a member's month of work
 * (2,000 encounters with referrals, 40 corrections) written on the member and read by the hub, and the first full
 * bundle for a new laptop written on the hub and read by that laptop. The benchmark's own vault is left outside any
 * team (its later runs measure a vault that logs nothing).
 */
public final class SyncBenchmark {

    /** Encounters in a member's month. */
    static final int MONTH_ENCOUNTERS = 2_000;
    /** Corrections in a member's month. */
    static final int MONTH_CORRECTIONS = 40;
    private static final int VISITS_PER_CONTACT = 4;

    private final VaultService vaults;
    private final char[] password;
    private final Consumer<String> progress;

    public SyncBenchmark(VaultService vaults, char[] password, Consumer<String> progress) {
        this.vaults = vaults;
        this.password = password.clone();
        this.progress = progress;
    }

    /** Measures on a copy of the (closed) vault {@code source}; the vaults it makes stay in {@code workDir}. */
    public void measure(Path source, Path workDir, BenchResult result) throws IOException {
        progress.accept("team sync: copying the vault to make it a team hub");
        Path hubDir = workDir.resolve("sync-hub");
        deleteTree(hubDir);
        copyTree(source, hubDir);
        measureOn(hubDir, workDir, result);
    }

    /** Measures with {@code hubDir} itself made the hub (a vault outside any team; harnesses, on a copy). */
    public void measureOn(Path hubDir, Path workDir, BenchResult result) throws IOException {
        Path memberDir = workDir.resolve("sync-member");
        Path newcomerDir = workDir.resolve("sync-newcomer");
        for (Path p : List.of(memberDir, newcomerDir)) {
            deleteTree(p);
        }
        try (Workspace hub = vaults.unlock(hubDir, "admin", password)) {
            progress.accept("team sync: making the copy a team hub (every record into the change log)");
            Stopwatch t = new Stopwatch();
            new TeamService(hub).create("Benchmark team");
            note(result, "sync hub", String.format(Locale.ROOT, "the vault's copy made a team hub (every record into"
                    + " the change log) in %.0f s (%.0f s of CPU)", t.seconds(), t.cpuSeconds()));
            monthOfWork(hub, workDir, memberDir, result);
            firstFullBundle(hub, workDir, newcomerDir, result);
        }
    }

    private void monthOfWork(Workspace hub, Path workDir, Path memberDir, BenchResult result) throws IOException {
        Path join = workDir.resolve("sync-member.odjoin");
        TeamService.Invitation inv = new TeamService(hub).invite("member", join);
        Path bundle = workDir.resolve("sync-month.odbundle");
        try (Workspace member = vaults.create(memberDir, "Member", "admin", password).workspace()) {
            new TeamService(member).join(join, inv.code());
            progress.accept("team sync: a member's month of work (" + MONTH_ENCOUNTERS + " encounters, "
                    + MONTH_CORRECTIONS + " corrections)");
            YearMonth month = YearMonth.from(member.today()).minusMonths(1);
            recordMonth(member, month);
            Stopwatch t = new Stopwatch();
            SyncService.Exported out = new SyncService(member, ChangeFeeds.of(member)).export(bundle, null);
            timed(result, "sync_month_export_s", t);
            note(result, "sync month bundle", out.bytes() + " bytes for " + MONTH_ENCOUNTERS + " encounters ("
                    + out.bytes() / MONTH_ENCOUNTERS + " bytes each with contacts, referrals, hand-outs, history)");
        }
        progress.accept("team sync: the hub reads the member's month");
        Stopwatch t = new Stopwatch();
        SyncService.Imported in = new SyncService(hub, ChangeFeeds.of(hub)).importBundle(bundle);
        timed(result, "sync_month_import_s", t);
        note(result, "sync month import", in.counts().applied() + " changes applied, "
                + in.counts().alreadyPresent() + " already held");
    }

    private void firstFullBundle(Workspace hub, Path workDir, Path newcomerDir, BenchResult result) throws IOException {
        Path join = workDir.resolve("sync-newcomer.odjoin");
        TeamService.Invitation inv = new TeamService(hub).invite("newcomer", join);
        long encounters = hub.read(Permission.RECORDS, tx -> tx.encounters().count());
        Path bundle = workDir.resolve("sync-full.odbundle");
        progress.accept("team sync: the first full bundle for a new laptop");
        Stopwatch t = new Stopwatch();
        SyncService.Exported out = new SyncService(hub, ChangeFeeds.of(hub)).export(bundle, "newcomer");
        timed(result, "sync_full_write_s", t);
        put(result, "sync_bytes_per_encounter", (double) out.bytes() / Math.max(1, encounters));
        note(result, "sync full bundle", out.bytes() + " bytes, " + encounters + " encounters on the hub");
        try (Workspace newcomer = vaults.create(newcomerDir, "Newcomer", "admin", password).workspace();
             HeapWatch heap = new HeapWatch()) {
            new TeamService(newcomer).join(join, inv.code());
            progress.accept("team sync: the new laptop reads the full bundle");
            heap.sample();
            Stopwatch a = new Stopwatch();
            SyncService.Imported in = new SyncService(newcomer, ChangeFeeds.of(newcomer)).importBundle(bundle);
            timed(result, "sync_full_apply_s", a);
            heap.sample();
            put(result, "sync_full_apply_heap_mb", heap.maxLiveMb());
            note(result, "sync full apply", in.counts().applied() + " changes applied");
        }
    }

    /** The member's month: contacts of its own, four visits each with a referral, then corrections. */
    static void recordMonth(Workspace ws, YearMonth month) {
        UUID site = new SiteService(ws).add(new SiteService.Draft("SYNC-01", "Sync benchmark KTV", VenueType.KTV,
                null, null, 20)).meta().id();
        UUID staff = new StaffService(ws).add(new StaffService.Draft("SYNC01", StaffKind.OUTREACH_WORKER, "Sync"))
                .meta().id();
        ContactService contacts = new ContactService(ws);
        EncounterService encounters = new EncounterService(ws);
        List<UUID> saved = new ArrayList<>();
        int people = MONTH_ENCOUNTERS / VISITS_PER_CONTACT;
        for (int i = 0; i < people; i++) {
            int first = 1 + i % 7;
            Contact c = contacts.create(new NewContact(Uic.parse(uic(i)), Gender.F, KpType.FEW, null,
                    month.atDay(first), site, staff, null), true);
            for (int v = 0; v < VISITS_PER_CONTACT; v++) {
                LocalDate day = month.atDay(first + 7 * v);
                saved.add(encounters.save(EncounterService.Draft.of(c.meta().id(), day, staff, site)
                        .withQuantities(10 + v, 0, 5, 0)
                        .withReferrals(List.of(ReferralRequest.of(ServiceType.HTS))))
                        .encounter().meta().id());
            }
        }
        EncounterCorrectionService corrections = new EncounterCorrectionService(ws);
        for (int i = 0; i < MONTH_CORRECTIONS; i++) {
            UUID id = saved.get(i * (saved.size() / MONTH_CORRECTIONS));
            EncounterCorrectionService.Opened o = corrections.open(id);
            corrections.correct(id, o.encounter().meta().version(), o.draft().withQuantities(20, 0, 5, 0));
        }
    }

    /** A code no demo contact has: letters S, Y and two from the index, born on a day of 1990. */
    private static String uic(int i) {
        return "SY" + (char) ('A' + (i / 26) % 26) + (char) ('A' + i % 26) + "2"
                + String.format(Locale.ROOT, "%02d%02d90", 1 + (i / 676) % 28, 1 + i % 12);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A figure, also told as progress (a long run cut short keeps what it measured). */
    private void put(BenchResult result, String key, double value) {
        result.put(key, value);
        progress.accept("team sync: " + key + " = " + BenchResult.format(value));
    }

    private void note(BenchResult result, String key, String text) {
        result.note(key, text);
        progress.accept("team sync: " + key + ": " + text);
    }

    /**
     * A time measured on the wall clock (the figure), with the CPU time of this thread beside it (H2 works in the
     * caller's thread): on a loaded machine the two differ by the time the thread waited for a processor.
     */
    private void timed(BenchResult result, String key, Stopwatch w) {
        double wall = w.seconds();
        double cpu = w.cpuSeconds();
        put(result, key, wall);
        note(result, key + " cpu", String.format(Locale.ROOT, "%.3f s of CPU in this thread", cpu));
    }

    /** Wall-clock and thread CPU time since it was made. */
    private static final class Stopwatch {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = THREADS.getCurrentThreadCpuTime();

        double seconds() {
            return (System.nanoTime() - wall) / 1e9;
        }

        double cpuSeconds() {
            return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        }
    }
}
