package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.outreachdesk.app.ContactService.NewContact;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.domain.SyncConflict;
import org.outreachdesk.domain.SyncConflict.Head;
import org.outreachdesk.sync.SyncEngine;
import org.outreachdesk.sync.SyncFormatException;

/** Two or three real vaults exchanging change streams: one person under two ids, conflicts, replayed streams. */
class TeamSyncTest {

    static final String UIC = "SOCH2150398";
    static final LocalDate SEPT_20 = LocalDate.of(2026, 9, 20);
    static final LocalDate OCT_12 = LocalDate.of(2026, 10, 12);

    @TempDir
    Path dir;

    TeamVault hub;
    TeamVault m1;
    TeamVault m2;
    Site ktv;
    Staff ow1;

    @AfterEach
    void close() {
        for (TeamVault v : new TeamVault[] {hub, m1, m2}) {
            if (v != null) {
                v.close();
            }
        }
    }

    /** A hub with a site and a worker, two members that received them. */
    private void team() {
        hub = new TeamVault("hub", dir);
        ktv = new SiteService(hub.ws).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
        ow1 = new StaffService(hub.ws).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
        m1 = new TeamVault("m1", dir);
        m2 = new TeamVault("m2", dir);
        hub.sendTo(m1);
        hub.sendTo(m2);
    }

    private Contact person(TeamVault v, LocalDate first) {
        return new ContactService(v.ws).create(new NewContact(Uic.parse(UIC), Gender.F, KpType.FEW, 1998, first,
                ktv.meta().id(), ow1.meta().id(), null), true);
    }

    private void meet(TeamVault v, Contact c, LocalDate day) {
        new EncounterService(v.ws).save(Draft.of(c.id(), day, ow1.meta().id(), ktv.meta().id()).withQuantities(4, 0, 0, 0));
    }

    private static List<Contact> live(TeamVault v) {
        return v.ws.read(Permission.RECORDS, tx -> tx.contacts().findByUic(Uic.parse(UIC)).stream().toList());
    }

    private static ReportFacts october(TeamVault v) {
        return v.ws.read(Permission.RECORDS, tx -> tx.reports().facts(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 9, 1)));
    }

    @Test
    void onePersonUnderOneUicOnTwoLaptopsIsOneContactEverywhere() {
        team();
        Contact onM1 = person(m1, SEPT_20);
        meet(m1, onM1, SEPT_20);
        Contact onM2 = person(m2, OCT_12);
        meet(m2, onM2, OCT_12);
        UUID smaller = onM1.id().toString().compareTo(onM2.id().toString()) < 0 ? onM1.id() : onM2.id();

        SyncEngine.Applied fromM2 = m2.sendTo(hub);
        assertThat(fromM2.merged()).isZero();
        SyncEngine.Applied fromM1 = m1.sendTo(hub);
        assertThat(fromM1.merged()).as("the second arrival is the same person").isEqualTo(1);
        hub.sendTo(m1);
        hub.sendTo(m2);
        m1.sendTo(hub);
        m2.sendTo(hub);
        hub.sendTo(m1);
        hub.sendTo(m2);

        for (TeamVault v : List.of(hub, m1, m2)) {
            assertThat(live(v)).as(v.name).singleElement().satisfies(c -> {
                assertThat(c.id()).as("the smaller id stays").isEqualTo(smaller);
                assertThat(c.firstContactDate()).as("the earlier first contact").isEqualTo(SEPT_20);
            });
        }
        assertThat(m1.dump()).isEqualTo(hub.dump());
        assertThat(m2.dump()).isEqualTo(hub.dump());
        ReportFacts oct = october(hub);
        long reached = oct.reach().stream().mapToLong(ReportFacts.ReachGroup::contacts).sum();
        long fresh = oct.reach().stream().filter(ReportFacts.ReachGroup::isNew).mapToLong(ReportFacts.ReachGroup::contacts).sum();
        assertThat(reached).as("one person reached in October").isEqualTo(1);
        assertThat(fresh).as("met in September on the other laptop: returning, not new").isZero();
    }

    @Test
    void sameFieldChangedOnTwoLaptopsShowsOneProvisionalValueAndTheResolutionTravels() {
        team();
        Contact c = new ContactService(hub.ws).create(new NewContact(Uic.parse(UIC), Gender.F, KpType.FEW, 1998, OCT_12,
                ktv.meta().id(), ow1.meta().id(), "first"), true);
        hub.sendTo(m1);
        hub.sendTo(m2);
        note(m1, c.id(), "from m1", KpType.FEW);
        note(m2, c.id(), "from m2", KpType.FSW);
        m1.sendTo(hub);
        m2.sendTo(hub);
        hub.sendTo(m1);
        hub.sendTo(m2);

        String shown = stored(hub, c.id()).note();
        assertThat(shown).isIn("from m1", "from m2");
        for (TeamVault v : List.of(hub, m1, m2)) {
            Contact s = stored(v, c.id());
            assertThat(s.note()).as(v.name + ": the same provisional value").isEqualTo(shown);
            assertThat(s.kpType()).as(v.name + ": a field only m2 changed merges without asking").isEqualTo(KpType.FSW);
            assertThat(v.conflicts()).as(v.name).singleElement().satisfies(k -> {
                assertThat(k.field()).isEqualTo("note");
                assertThat(k.heads()).extracting(Head::value).containsExactlyInAnyOrder("from m1", "from m2");
            });
        }
        SyncConflict k = new ConflictService(m2.ws).list().get(0);
        new ConflictService(m2.ws).resolve(k, "agreed");
        m2.sendTo(hub);
        hub.sendTo(m1);
        for (TeamVault v : List.of(hub, m1, m2)) {
            assertThat(stored(v, c.id()).note()).as(v.name).isEqualTo("agreed");
            assertThat(v.conflicts()).as(v.name + ": resolved").isEmpty();
        }
        assertThat(m1.dump()).isEqualTo(hub.dump());
        assertThat(m2.dump()).isEqualTo(hub.dump());
    }

    @Test
    void aCorrectionAgainstAVoidIsAConflictOnVoidedShownAlikeEverywhere() {
        team();
        Contact c = person(hub, OCT_12);
        meet(hub, c, OCT_12);
        hub.sendTo(m1);
        hub.sendTo(m2);
        UUID e = hub.ws.read(Permission.RECORDS, tx -> tx.sync().canonicalDump()).stream()
                .filter(l -> l.startsWith("encounter|id=")).map(l -> UUID.fromString(l.substring(13, 49))).findFirst()
                .orElseThrow();
        EncounterCorrectionService onM1 = new EncounterCorrectionService(m1.ws);
        var opened = onM1.open(e);
        onM1.correct(e, opened.encounter().meta().version(), opened.draft().withNote("corrected on m1"));
        EncounterCorrectionService onM2 = new EncounterCorrectionService(m2.ws);
        onM2.voidEncounter(e, onM2.open(e).encounter().meta().version(), VoidReason.ENTERED_TWICE);
        m1.sendTo(hub);
        m2.sendTo(hub);
        hub.sendTo(m1);
        hub.sendTo(m2);
        for (TeamVault v : List.of(hub, m1, m2)) {
            assertThat(v.conflicts()).as(v.name).anySatisfy(k -> {
                assertThat(k.recordId()).isEqualTo(e.toString());
                assertThat(k.field()).isEqualTo("voided");
                assertThat(k.heads()).extracting(Head::value).containsExactlyInAnyOrder("true", "false");
            });
            assertThat(v.conflicts()).isEqualTo(hub.conflicts());
        }
        assertThat(m1.dump()).isEqualTo(hub.dump());
        assertThat(m2.dump()).isEqualTo(hub.dump());
    }

    @Test
    void anOldStreamReplayedAfterANewerOneChangesNothing() {
        team();
        byte[] old = hub.streamFor(m1.vector());
        Contact c = new ContactService(hub.ws).create(new NewContact(Uic.parse(UIC), Gender.F, KpType.FEW, 1998, OCT_12,
                ktv.meta().id(), ow1.meta().id(), "first"), true);
        meet(hub, c, OCT_12);
        byte[] newer = hub.streamFor(m1.vector());
        SyncAppliedCheck.applied(m1.apply(newer));
        List<String> before = m1.dump();
        SyncEngine.Applied again = m1.apply(old);
        assertThat(again.applied()).isZero();
        SyncEngine.Applied twice = m1.apply(newer);
        assertThat(twice.applied()).isZero();
        assertThat(twice.alreadyPresent()).isPositive();
        assertThat(m1.dump()).isEqualTo(before).isEqualTo(hub.dump());
    }

    @Test
    void aStreamWithAGapAppliesWhatComesBeforeItAndKeepsTheRestWaiting() {
        team();
        Map<UUID, Long> m1Has = m1.vector();
        Contact c = new ContactService(hub.ws).create(new NewContact(Uic.parse(UIC), Gender.F, KpType.FEW, 1998, OCT_12,
                ktv.meta().id(), ow1.meta().id(), "first"), true);
        meet(hub, c, OCT_12);
        // a sender that believes m1 holds one more of the hub's changes than it does: the next one is missing
        Map<UUID, Long> believed = new HashMap<>(m1Has);
        believed.merge(hub.device(), 1L, Long::sum);
        List<String> before = m1.dump();
        SyncEngine.Applied gap = m1.apply(hub.streamFor(believed));
        assertThat(gap.applied()).as("nothing of the hub's after the gap").isZero();
        assertThat(gap.waiting()).isPositive();
        assertThat(m1.dump()).isEqualTo(before);
        assertThat(m1.vector()).isEqualTo(m1Has);
        SyncAppliedCheck.applied(m1.apply(hub.streamFor(m1Has)));
        assertThat(m1.dump()).isEqualTo(hub.dump());
    }

    @Test
    void aDamagedOrCutStreamChangesNothing() {
        team();
        Map<UUID, Long> m1Has = m1.vector();
        Contact c = new ContactService(hub.ws).create(new NewContact(Uic.parse(UIC), Gender.F, KpType.FEW, 1998, OCT_12,
                ktv.meta().id(), ow1.meta().id(), "first"), true);
        meet(hub, c, OCT_12);
        byte[] whole = hub.streamFor(m1Has);
        List<String> before = m1.dump();
        for (int cut : new int[] {3, whole.length / 2, whole.length - 1}) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> m1.apply(part)).as("cut at " + cut).hasCauseInstanceOf(SyncFormatException.class);
        }
        byte[] newer = whole.clone();
        newer[5] = 9; // format 9
        assertThatThrownBy(() -> m1.apply(newer)).hasRootCauseMessage("a change stream of a newer format (9)");
        assertThat(m1.dump()).isEqualTo(before);
        assertThat(m1.vector()).isEqualTo(m1Has);
    }

    private static void note(TeamVault v, UUID id, String note, KpType kp) {
        Contact s = stored(v, id);
        new ContactCorrectionService(v.ws).correctProfile(id, s.meta().version(), new ContactCorrectionService.Profile(
                s.gender(), kp, s.birthYear(), s.homeSiteId(), s.assignedStaffId(), ContactStatus.ACTIVE, null, note));
    }

    private static Contact stored(TeamVault v, UUID id) {
        return v.ws.read(Permission.RECORDS, tx -> tx.contacts().findById(id).orElseThrow());
    }
}
