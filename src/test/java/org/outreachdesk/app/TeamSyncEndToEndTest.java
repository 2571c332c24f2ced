package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.report.Report;
import org.outreachdesk.sync.SyncEngine;
import org.outreachdesk.sync.SyncFormatException;

/**
 * Team sync wired end to end on real encrypted vaults: a hub and members made with team create / invite / join (real
 * join files and codes), records travelling in real bundle files through {@link ChangeFeeds#of} (the change log),
 * and the hub's reports equal to those of one vault into which every record was entered.
 */
class TeamSyncEndToEndTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @TempDir
    Path dir;

    private final List<Workspace> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Workspace::close);
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

    private void join(Workspace hub, Workspace member, String name) {
        Path file = dir.resolve(name + ".odjoin");
        TeamService.Invitation inv = new TeamService(hub).invite(name, file);
        new TeamService(member).join(file, inv.code());
    }

    /** A site and an outreach worker, as the office sets them up. */
    private record Setup(UUID site, UUID staff) {
        static Setup on(Workspace ws) {
            Site ktv = new SiteService(ws).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null,
                    20));
            Staff ow = new StaffService(ws).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
            return new Setup(ktv.meta().id(), ow.meta().id());
        }
    }

    /**
     * What one field worker records: two contacts, three encounters (condoms 5, 3 and 2 for the first, 4 for the
     * second), then the first encounter corrected to 6 condoms and the third voided. Answers the encounters' ids.
     */
    private static List<UUID> fieldWork(Workspace ws, Setup s, String uic1, String uic2) {
        Contact a = new ContactService(ws).create(new NewContact(Uic.parse(uic1), Gender.F, KpType.FEW, null, OCT_1,
                s.site(), s.staff(), null), true);
        Contact b = new ContactService(ws).create(new NewContact(Uic.parse(uic2), Gender.F, KpType.FEW, null, OCT_1,
                s.site(), s.staff(), null), true);
        EncounterService es = new EncounterService(ws);
        List<UUID> ids = new ArrayList<>();
        ids.add(es.save(Draft.of(a.meta().id(), OCT_1.plusDays(4), s.staff(), s.site()).withQuantities(5, 0, 0, 0))
                .encounter().meta().id());
        ids.add(es.save(Draft.of(a.meta().id(), OCT_1.plusDays(11), s.staff(), s.site()).withQuantities(3, 0, 0, 0))
                .encounter().meta().id());
        ids.add(es.save(Draft.of(b.meta().id(), OCT_1.plusDays(12), s.staff(), s.site()).withQuantities(4, 0, 0, 0))
                .encounter().meta().id());
        EncounterCorrectionService ec = new EncounterCorrectionService(ws);
        var first = ec.open(ids.get(0));
        ec.correct(ids.get(0), first.encounter().meta().version(), first.draft().withQuantities(6, 0, 0, 0));
        ec.voidEncounter(ids.get(1), ec.open(ids.get(1)).encounter().meta().version(), VoidReason.ENTERED_TWICE);
        return ids;
    }

    private static Report report(Workspace ws, ReportAudience audience) {
        return new ReportService(ws).report(ReportRequest.of("2026-10", audience));
    }

    private static void assertSameFigures(Workspace actual, Workspace expected) {
        for (ReportAudience audience : ReportAudience.values()) {
            Report a = report(actual, audience);
            Report e = report(expected, audience);
            assertThat(a.tables()).as(audience + " tables").isEqualTo(e.tables());
            assertThat(a.trend()).as(audience + " trend").isEqualTo(e.trend());
        }
    }

    private static long lines(List<String> dump, String prefix) {
        return dump.stream().filter(l -> l.startsWith(prefix)).count();
    }

    @Test
    void aHubAndTwoMembersEndWithTheSameRecordsAndTheFiguresOfOneVault() {
        Workspace hub = vault("hub");
        Workspace m1 = vault("m1");
        Workspace m2 = vault("m2");
        Setup office = Setup.on(hub); // before the team: the backfill carries it
        new TeamService(hub).create("Pursat outreach");
        join(hub, m1, "laptop 1");
        join(hub, m2, "laptop 2");
        for (Workspace m : List.of(m1, m2)) {
            String name = m == m1 ? "laptop 1" : "laptop 2";
            Path down = dir.resolve("setup-" + name + ".odsync");
            sync(hub).export(down, name);
            SyncService.Imported i = sync(m).importBundle(down);
            assertThat(i.counts().applied()).as("the office's site and worker at least").isGreaterThanOrEqualTo(2);
            assertThat(i.counts().inConflict()).isZero();
        }
        assertThat(dump(m1)).isEqualTo(dump(hub));

        fieldWork(m1, office, "SOCH2150398", "DAVI1010190");
        fieldWork(m2, office, "MALI2020285", "SREY2121292");

        Path up1 = dir.resolve("up1.odsync");
        Path up2 = dir.resolve("up2.odsync");
        sync(m1).export(up1, null);
        sync(m2).export(up2, null);
        SyncService.Imported i1 = sync(hub).importBundle(up1);
        assertThat(i1.counts().applied()).isPositive();
        assertThat(i1.counts().inConflict()).isZero();
        assertThat(i1.counts().waiting()).isZero();
        sync(hub).importBundle(up2);

        for (Workspace m : List.of(m1, m2)) {
            String name = m == m1 ? "laptop 1" : "laptop 2";
            Path down = dir.resolve("down-" + name + ".odsync");
            sync(hub).export(down, name);
            SyncService.Imported i = sync(m).importBundle(down);
            assertThat(i.counts().applied()).as(name + " receives the other member's work").isPositive();
        }

        List<String> all = dump(hub);
        assertThat(dump(m1)).isEqualTo(all);
        assertThat(dump(m2)).isEqualTo(all);
        assertThat(vector(m1)).isEqualTo(vector(hub));
        assertThat(vector(m2)).isEqualTo(vector(hub));
        assertThat(lines(all, "contact|")).isEqualTo(4);
        assertThat(lines(all, "encounter|")).isEqualTo(6);
        assertThat(lines(all, "encounter|") - all.stream().filter(l -> l.startsWith("encounter|")
                && l.contains("|voided=true")).count()).as("two voided").isEqualTo(4);

        // one vault into which all the records were entered
        Workspace one = vault("one");
        Setup s = Setup.on(one);
        fieldWork(one, s, "SOCH2150398", "DAVI1010190");
        fieldWork(one, s, "MALI2020285", "SREY2121292");
        assertSameFigures(hub, one);
        assertSameFigures(m2, one);

        // a bundle read again changes nothing
        SyncService.Imported again = sync(hub).importBundle(up1);
        assertThat(again.counts().applied()).isZero();
        assertThat(again.counts().alreadyPresent()).isEqualTo(i1.counts().applied());
        assertThat(dump(hub)).isEqualTo(all);

        // an old bundle read after a newer one changes nothing
        Path old = dir.resolve("old.odsync");
        sync(m1).export(old, null);
        new ContactService(m1).create(new NewContact(Uic.parse("BOPH2030388"), Gender.F, KpType.FEW, null,
                OCT_1.plusDays(2), office.site(), office.staff(), null), true);
        Path newer = dir.resolve("newer.odsync");
        sync(m1).export(newer, null);
        assertThat(sync(hub).importBundle(newer).counts().applied()).isPositive();
        List<String> afterNewer = dump(hub);
        assertThat(lines(afterNewer, "contact|")).isEqualTo(5);
        Map<UUID, Long> vectorAfterNewer = vector(hub);
        SyncService.Imported late = sync(hub).importBundle(old);
        assertThat(late.counts().applied()).isZero();
        assertThat(late.counts().waiting()).isZero();
        assertThat(dump(hub)).isEqualTo(afterNewer);
        assertThat(vector(hub)).isEqualTo(vectorAfterNewer);
    }

    @Test
    void aChangeStreamCutShortAppliesNothing() throws Exception {
        Workspace hub = vault("hub");
        Workspace m = vault("m");
        new TeamService(hub).create("Pursat outreach");
        Setup own = Setup.on(m);
        fieldWork(m, own, "CHAN2111199", "BOPH2030388");
        join(hub, m, "laptop 1");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ChangeFeeds.of(m).writeChanges(new byte[0], stream);
        byte[] whole = stream.toByteArray();
        List<String> before = dump(hub);
        Map<UUID, Long> vectorBefore = vector(hub);
        ChangeFeed feed = ChangeFeeds.of(hub);
        assertThatThrownBy(() -> feed.apply(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 9))))
                .isInstanceOf(SyncFormatException.class);
        assertThat(dump(hub)).isEqualTo(before);
        assertThat(vector(hub)).isEqualTo(vectorBefore);
        ChangeFeed.Applied whole1 = feed.apply(new ByteArrayInputStream(whole));
        assertThat(whole1.applied()).as("the same stream whole applies").isPositive();
        assertThat(lines(dump(hub), "encounter|")).isEqualTo(3);
        assertThat(LogChangeFeed.decode(feed.vector())).isEqualTo(vector(hub));
    }

    @Test
    void aMemberThatHeldRecordsBeforeJoiningSendsThemAllInItsFirstBundle() {
        Workspace hub = vault("hub");
        Workspace m = vault("m");
        new TeamService(hub).create("Pursat outreach");
        Setup own = Setup.on(m);
        fieldWork(m, own, "CHAN2111199", "BOPH2030388");
        List<String> before = dump(m);
        assertThat(lines(before, "contact|")).isEqualTo(2);
        join(hub, m, "laptop 1");
        assertThat(m.read(Permission.RECORDS, SyncEngine::loggingDevice)).contains(m.author().deviceId());
        assertThat(hub.read(Permission.RECORDS, SyncEngine::loggingDevice)).contains(hub.author().deviceId());

        Path up = dir.resolve("up.odsync");
        sync(m).export(up, null);
        SyncService.Imported i = sync(hub).importBundle(up);
        assertThat(i.counts().inConflict()).isZero();
        List<String> atHub = dump(hub);
        assertThat(atHub).containsAll(before);
        assertThat(lines(atHub, "contact|")).isEqualTo(2);
        assertThat(lines(atHub, "encounter|")).isEqualTo(3);
        assertThat(vector(hub)).containsEntry(m.author().deviceId(), vector(m).get(m.author().deviceId()));
        Workspace one = vault("one");
        Setup s = Setup.on(one);
        fieldWork(one, s, "CHAN2111199", "BOPH2030388");
        assertSameFigures(hub, one);
    }
}
