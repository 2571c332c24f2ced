package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.sync.SyncEngine;
import org.outreachdesk.vault.TestVaults;

/**
 * The rules of team sync that ADR 22 settles, on real encrypted vaults exchanging real bundle files: a restored member
 * logs under a new id and loses nothing; an automatic merge made on two laptops is one merge in the history; hand-outs
 * on a member draw down its team's stock on the hub; the hub's donor workbook equals that of one vault with every
 * record.
 */
class TeamSyncRulesTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @TempDir
    Path dir;

    private final List<Workspace> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(w -> {
            if (w.isOpen()) {
                w.close();
            }
        });
    }

    private Workspace vault(String name) {
        Workspace ws = TestWorkspaces.as(Role.ADMIN, dir.resolve(name));
        open.add(ws);
        return ws;
    }

    private static SyncService sync(Workspace ws) {
        return new SyncService(ws, ChangeFeeds.of(ws));
    }

    private static List<String> dump(Workspace ws) {
        return ws.read(Permission.RECORDS, SyncEngine::canonicalDump);
    }

    private static Map<UUID, Long> vector(Workspace ws) {
        return ws.read(Permission.RECORDS, SyncEngine::vector);
    }

    private static List<SyncConflict> conflicts(Workspace ws) {
        return ws.read(Permission.RECORDS, SyncEngine::conflicts);
    }

    private static long lines(List<String> dump, String prefix) {
        return dump.stream().filter(l -> l.startsWith(prefix)).count();
    }

    private void join(Workspace hub, Workspace member, String name) {
        Path file = dir.resolve(name + ".odjoin");
        TeamService.Invitation inv = new TeamService(hub).invite(name, file);
        new TeamService(member).join(file, inv.code());
    }

    private int bundles;

    /** A member writes a bundle for the hub and the hub reads it. */
    private SyncService.Imported up(Workspace member, Workspace hub) {
        Path f = dir.resolve("up-" + (++bundles) + ".odsync");
        sync(member).export(f, null);
        return sync(hub).importBundle(f);
    }

    /** The hub writes a bundle for the member named {@code name} and the member reads it. */
    private SyncService.Imported down(Workspace hub, Workspace member, String name) {
        Path f = dir.resolve("down-" + (++bundles) + ".odsync");
        sync(hub).export(f, name);
        return sync(member).importBundle(f);
    }

    /** The office's site and workers: OW01 of Team A, OW02 of Team B. */
    private record Setup(UUID site, UUID teamA, UUID teamB) {
        static Setup on(Workspace ws) {
            Site ktv = new SiteService(ws).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null,
                    20));
            Staff a = new StaffService(ws).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
            Staff b = new StaffService(ws).add(new StaffService.Draft("OW02", StaffKind.OUTREACH_WORKER, "Team B"));
            return new Setup(ktv.meta().id(), a.meta().id(), b.meta().id());
        }
    }

    private static Contact contact(Workspace ws, Setup s, String uic, LocalDate first) {
        return new ContactService(ws).create(new NewContact(Uic.parse(uic), Gender.F, KpType.FEW,
                Integer.valueOf("19" + uic.substring(9)), first,
                s.site(), s.teamA(), null), true);
    }

    private static UUID encounter(Workspace ws, Setup s, UUID contact, LocalDate date, UUID worker, int condoms) {
        return new EncounterService(ws).save(Draft.of(contact, date, worker, s.site()).withQuantities(condoms, 0, 0, 0))
                .encounter().meta().id();
    }

    private static void correctCondoms(Workspace ws, UUID encounter, int condoms) {
        EncounterCorrectionService ec = new EncounterCorrectionService(ws);
        var opened = ec.open(encounter);
        ec.correct(encounter, opened.encounter().meta().version(), opened.draft().withQuantities(condoms, 0, 0, 0));
    }

    private static List<RecordChange> history(Workspace ws, UUID record) {
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(record));
    }

    private static long count(List<RecordChange> history, ChangeKind kind) {
        return history.stream().filter(c -> c.kind() == kind).count();
    }

    /** A hub and members joined to it, each holding the office's setup. */
    private Setup team(Workspace hub, Map<String, Workspace> members) {
        Setup office = Setup.on(hub);
        new TeamService(hub).create("Pursat outreach");
        members.forEach((name, m) -> {
            join(hub, m, name);
            down(hub, m, name);
        });
        return office;
    }

    // ------------------------------------------------------------------------------------------------ restore

    @Test
    void aRestoredMemberLogsUnderANewIdSoNothingItRecordsCollidesAndNothingIsLost() {
        Workspace hub = vault("hub");
        Workspace m1 = vault("m1");
        Setup s = team(hub, Map.of("laptop 1", m1));
        UUID oldLog = m1.read(Permission.RECORDS, SyncEngine::loggingDevice).orElseThrow();

        Contact a = contact(m1, s, "SOCH2150398", OCT_1);
        UUID aMet = encounter(m1, s, a.meta().id(), OCT_1.plusDays(4), s.teamA(), 5);
        up(m1, hub);
        Path backup = dir.resolve("m1.odbackup");
        new BackupService(m1).backup(backup);

        // after the backup: more work, sent to the hub, then the laptop is lost
        Contact b = contact(m1, s, "DAVI1010190", OCT_1.plusDays(1));
        encounter(m1, s, b.meta().id(), OCT_1.plusDays(5), s.teamA(), 4);
        correctCondoms(m1, aMet, 6);
        up(m1, hub);
        long sentUnderOldLog = vector(hub).get(oldLog);
        m1.close();

        BackupService.restore(backup, dir.resolve("m1"), "admin", TestWorkspaces.PASSWORD.toCharArray(), true,
                TestVaults.CLOCK);
        Workspace restored = TestWorkspaces.vaults().unlock(dir.resolve("m1"), "admin",
                TestWorkspaces.PASSWORD.toCharArray());
        open.add(restored);
        UUID newLog = restored.read(Permission.RECORDS, SyncEngine::loggingDevice).orElseThrow();
        assertThat(newLog).as("a restored replica is a new replica").isNotEqualTo(oldLog)
                .isNotIn(vector(hub).keySet());
        assertThat(vector(restored).get(oldLog)).as("the backup holds less than was sent")
                .isLessThan(sentUnderOldLog);

        // the restored laptop records more: a new contact, and the encounter its earlier self corrected to 6, to 8
        Contact c = contact(restored, s, "MALI2020285", OCT_1.plusDays(2));
        encounter(restored, s, c.meta().id(), OCT_1.plusDays(6), s.teamA(), 7);
        correctCondoms(restored, aMet, 8);
        SyncService.Imported i = up(restored, hub);
        assertThat(i.sender()).as("the same laptop of the team").isEqualTo("laptop 1");
        assertThat(i.counts().applied()).as("nothing it wrote is taken for a change the hub holds").isPositive();
        assertThat(i.counts().waiting()).isZero();
        assertThat(vector(hub).get(oldLog)).as("nothing new under the old id").isEqualTo(sentUnderOldLog);
        assertThat(vector(hub)).containsKey(newLog);
        List<String> onHub = dump(hub);
        assertThat(lines(onHub, "contact|")).as("a, b and c").isEqualTo(3);
        assertThat(onHub.stream().anyMatch(l -> l.startsWith("contact|id=" + c.meta().id()))).isTrue();

        // no silent overwrite: 6 (sent before the loss) and 8 (after the restore) are both kept, one provisional
        List<SyncConflict> maleCondoms = conflicts(hub).stream()
                .filter(x -> x.recordType().equals("encounter") && x.recordId().equals(aMet.toString())
                        && x.field().equals("male_condoms")).toList();
        assertThat(maleCondoms).hasSize(1);
        assertThat(maleCondoms.get(0).heads().stream().map(SyncConflict.Head::value).collect(Collectors.toSet()))
                .isEqualTo(Set.of("6", "8"));

        // the hub sends back what the restored laptop lacks: its earlier self's last work
        SyncService.Imported back = down(hub, restored, "laptop 1");
        assertThat(back.counts().applied()).isPositive();
        assertThat(dump(restored)).isEqualTo(dump(hub));
        assertThat(vector(restored)).isEqualTo(vector(hub));
        assertThat(conflicts(restored)).isEqualTo(conflicts(hub));
        assertThat(dump(restored).stream().anyMatch(l -> l.startsWith("contact|id=" + b.meta().id()))).isTrue();

        // and goes on syncing as before
        encounter(restored, s, c.meta().id(), OCT_1.plusDays(9), s.teamA(), 1);
        assertThat(up(restored, hub).counts().applied()).isPositive();
        assertThat(dump(hub)).isEqualTo(dump(restored));
    }

    // ------------------------------------------------------------------------------------------------ merges

    @Test
    void oneAutomaticMergeMadeOnTwoLaptopsIsOneMergeInTheHistoryEverywhere() {
        Workspace hub = vault("hub");
        Workspace m1 = vault("m1");
        Workspace m2 = vault("m2");
        Setup s = team(hub, Map.of("laptop 1", m1, "laptop 2", m2));
        Contact x1 = contact(m1, s, "SOCH2150398", OCT_1);
        UUID met1 = encounter(m1, s, x1.meta().id(), OCT_1.plusDays(4), s.teamA(), 5);
        Contact x2 = contact(m2, s, "SOCH2150398", OCT_1.plusDays(3));
        UUID met2 = encounter(m2, s, x2.meta().id(), OCT_1.plusDays(6), s.teamA(), 2);

        up(m1, hub);
        Path up2 = dir.resolve("m2-first.odsync");
        sync(m2).export(up2, null);
        Path down2 = dir.resolve("hub-to-m2-first.odsync");
        sync(hub).export(down2, "laptop 2"); // holds x1, not yet x2
        assertThat(sync(hub).importBundle(up2).counts().merged()).as("the hub merges").isEqualTo(1);
        assertThat(sync(m2).importBundle(down2).counts().merged()).as("and so does laptop 2, on its own")
                .isEqualTo(1);
        for (int round = 0; round < 2; round++) {
            up(m1, hub);
            up(m2, hub);
            down(hub, m1, "laptop 1");
            down(hub, m2, "laptop 2");
        }

        UUID keep = x1.meta().id().toString().compareTo(x2.meta().id().toString()) < 0 ? x1.meta().id()
                : x2.meta().id();
        UUID gone = keep.equals(x1.meta().id()) ? x2.meta().id() : x1.meta().id();
        UUID movedEncounter = gone.equals(x1.meta().id()) ? met1 : met2;
        List<String> all = dump(hub);
        for (Workspace ws : List.of(hub, m1, m2)) {
            assertThat(count(history(ws, keep), ChangeKind.MERGE)).as("one merge on the contact kept").isEqualTo(1);
            assertThat(count(history(ws, gone), ChangeKind.MERGE)).as("one merge on the contact merged").isEqualTo(1);
            assertThat(count(history(ws, movedEncounter), ChangeKind.MOVE)).as("one move of its encounter")
                    .isEqualTo(1);
            assertThat(dump(ws)).isEqualTo(all);
            assertThat(conflicts(ws)).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------ stock

    private static int onHand(Workspace ws, String team, Commodity c) {
        return new StockService(ws).levels(team).stream().filter(l -> l.commodity() == c).findFirst().orElseThrow()
                .onHand();
    }

    @Test
    void handOutsOnAMemberDrawDownItsTeamsStockOnTheHubAndMovementsNeverConflict() {
        Workspace hub = vault("hub");
        Workspace m1 = vault("m1");
        Setup office = Setup.on(hub);
        StockService hubStock = new StockService(hub);
        hubStock.receive(Commodity.MALE_CONDOM, 100, OCT_1, "Team A", null);
        hubStock.receive(Commodity.MALE_CONDOM, 200, OCT_1, "Team B", null);
        new TeamService(hub).create("Pursat outreach");
        join(hub, m1, "laptop 1");
        down(hub, m1, "laptop 1");
        assertThat(onHand(m1, "Team B", Commodity.MALE_CONDOM)).isEqualTo(200);

        // at the same time: laptop 1 hands out 30 for Team B and takes in 50 for it; the office issues 10 of Team A's
        Contact x = contact(m1, office, "SOCH2150398", OCT_1);
        encounter(m1, office, x.meta().id(), OCT_1.plusDays(4), office.teamB(), 30);
        new StockService(m1).receive(Commodity.MALE_CONDOM, 50, OCT_1.plusDays(5), "Team B", null);
        hubStock.issue(Commodity.MALE_CONDOM, 10, OCT_1.plusDays(5), "Team A", null);
        assertThat(onHand(m1, "Team B", Commodity.MALE_CONDOM)).isEqualTo(220);

        SyncService.Imported i = up(m1, hub);
        assertThat(i.counts().inConflict()).isZero();
        assertThat(onHand(hub, "Team B", Commodity.MALE_CONDOM)).as("200 - 30 + 50").isEqualTo(220);
        assertThat(onHand(hub, "Team A", Commodity.MALE_CONDOM)).as("100 - 10, untouched by laptop 1")
                .isEqualTo(90);
        assertThat(onHand(hub, null, Commodity.MALE_CONDOM)).isEqualTo(310);

        down(hub, m1, "laptop 1");
        for (Workspace ws : List.of(hub, m1)) {
            assertThat(onHand(ws, "Team A", Commodity.MALE_CONDOM)).isEqualTo(90);
            assertThat(onHand(ws, "Team B", Commodity.MALE_CONDOM)).isEqualTo(220);
            assertThat(conflicts(ws)).isEmpty();
        }
        List<String> all = dump(hub);
        assertThat(dump(m1)).isEqualTo(all);
        assertThat(lines(all, "commodity_movement|")).as("two receipts, one issue, one hand-out, one receipt")
                .isEqualTo(5);
    }

    // ------------------------------------------------------------------------------------------------ report

    /** Every cell of the October workbook of {@code ws} as shown, read back from the file (the About sheet aside). */
    private List<String> workbook(Workspace ws, ReportAudience audience, String name) throws IOException {
        Path file = dir.resolve(name + ".xlsx");
        new ReportService(ws).export(ReportRequest.of("2026-10", audience), file, null);
        List<String> cells = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                if (sheet.getSheetName().equals("About")) {
                    continue; // when it was made
                }
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + f.formatCellValue(cell));
                    }
                }
            }
        }
        cells.sort(Comparator.naturalOrder());
        return cells;
    }

    private static String summary(List<String> cells, String indicator) {
        String at = cells.stream().filter(c -> c.startsWith("Summary!A") && c.endsWith("=" + indicator)).findFirst()
                .orElseThrow().split("=")[0].substring("Summary!A".length());
        return cells.stream().filter(c -> c.startsWith("Summary!B" + at + "=")).findFirst().orElseThrow()
                .split("=", 2)[1];
    }

    /** Laptop 1's month: X met twice (5 condoms corrected to 6; a second meeting voided), Y once (4). */
    private static void laptop1(Workspace ws, Setup s) {
        Contact x = contact(ws, s, "SOCH2150398", OCT_1);
        Contact y = contact(ws, s, "DAVI1010190", OCT_1);
        UUID first = encounter(ws, s, x.meta().id(), OCT_1.plusDays(4), s.teamA(), 5);
        UUID twice = encounter(ws, s, x.meta().id(), OCT_1.plusDays(12), s.teamA(), 3);
        encounter(ws, s, y.meta().id(), OCT_1.plusDays(11), s.teamA(), 4);
        correctCondoms(ws, first, 6);
        EncounterCorrectionService ec = new EncounterCorrectionService(ws);
        ec.voidEncounter(twice, ec.open(twice).encounter().meta().version(), VoidReason.ENTERED_TWICE);
    }

    /** Laptop 2's month: X again (the same UIC, met on 16 October, 2 condoms), Z (7). */
    private static void laptop2(Workspace ws, Setup s, Contact xIfKnown) {
        Contact x = xIfKnown != null ? xIfKnown : contact(ws, s, "SOCH2150398", OCT_1.plusDays(15));
        Contact z = contact(ws, s, "MALI2020285", OCT_1.plusDays(2));
        encounter(ws, s, x.meta().id(), OCT_1.plusDays(15), s.teamB(), 2);
        encounter(ws, s, z.meta().id(), OCT_1.plusDays(17), s.teamB(), 7);
    }

    @Test
    void theHubsWorkbooksEqualThoseOfOneVaultIntoWhichEveryRecordWasEntered() throws IOException {
        Workspace hub = vault("hub");
        Workspace m1 = vault("m1");
        Workspace m2 = vault("m2");
        Setup s = team(hub, Map.of("laptop 1", m1, "laptop 2", m2));
        laptop1(m1, s);
        laptop2(m2, s, null);
        for (int round = 0; round < 2; round++) {
            up(m1, hub);
            up(m2, hub);
            down(hub, m1, "laptop 1");
            down(hub, m2, "laptop 2");
        }
        assertThat(dump(m1)).isEqualTo(dump(hub));
        assertThat(dump(m2)).isEqualTo(dump(hub));

        Workspace one = vault("one");
        Setup so = Setup.on(one);
        laptop1(one, so);
        Contact x = one.read(Permission.RECORDS, tx -> tx.contacts().findByUic(Uic.parse("SOCH2150398")))
                .orElseThrow();
        laptop2(one, so, x);

        List<String> internal = workbook(hub, ReportAudience.INTERNAL, "hub-internal");
        // independent truths: X, Y and Z reached; 4 live encounters; 6 + 4 + 2 + 7 condoms
        assertThat(summary(internal, "Unique individuals reached")).isEqualTo("3");
        assertThat(summary(internal, "Encounters")).isEqualTo("4");
        assertThat(summary(internal, "Male condoms")).isEqualTo("19");
        assertThat(internal).isEqualTo(workbook(one, ReportAudience.INTERNAL, "one-internal"));
        assertThat(workbook(hub, ReportAudience.DONOR, "hub-donor"))
                .isEqualTo(workbook(one, ReportAudience.DONOR, "one-donor"));
    }
}
