package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.report.Cell;
import org.outreachdesk.report.ReportTable;
import org.outreachdesk.report.ReportTables;
import org.outreachdesk.store.Tx;

/**
 * Merging two contacts on real vaults: what moves, what is kept, who may, what the history and the audit say; the
 * donor report's new/returning figures before and after a merge across the period edge (computed by hand); and the
 * register import after a merge or a UIC correction.
 */
class MergeServiceTest {

    static final String KEEP = "SOCH2150398";
    static final String GONE = "SOHC2150398";

    @TempDir
    Path dir;

    Workspace ws;
    DeskFixtures fx;
    Site ktv;
    Staff ow1;

    @AfterEach
    void lock() {
        if (ws != null && ws.isOpen()) {
            ws.close();
        }
    }

    private MergeService as(Role role) {
        ws = DeskFixtures.as(role, dir.resolve("vault"));
        fx = new DeskFixtures(ws);
        ktv = fx.site("KTV-03", "Golden KTV");
        ow1 = fx.staff("OW01", "Team A");
        return new MergeService(ws);
    }

    private Contact contact(String uic, KpType kp, LocalDate first) {
        return fx.contact(uic, kp, null, ktv, ow1, first, ContactStatus.ACTIVE);
    }

    private Encounter encounter(Contact c, LocalDate date) {
        Encounter e = new Encounter(ws.newMeta(), c.id(), date, ow1.meta().id(), ktv.meta().id(),
                EncounterType.INDIVIDUAL, true, false, Encounter.Quantities.NONE, HivStatus.DECLINED, false, null);
        write("encounter", tx -> tx.encounters().insert(e));
        return e;
    }

    private void write(String type, Consumer<Tx> work) {
        ws.write(Permission.RECORDS, AuditAction.CREATE, type, null, null, tx -> {
            work.accept(tx);
            return null;
        });
    }

    private Contact stored(UUID id) {
        return ws.read(Permission.RECORDS, tx -> tx.contacts().findById(id)).orElseThrow();
    }

    private List<RecordChange> history(UUID id) {
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(id));
    }

    private AuditEntry lastAudit() {
        return ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow();
    }

    @Test
    void aFormLeftOpenOnAContactMergedAwaySinceSavesNothingOnIt() {
        MergeService merges = as(Role.COORDINATOR);
        Contact keep = contact(KEEP, KpType.FEW, LocalDate.of(2026, 9, 20));
        Contact gone = contact(GONE, KpType.FEW, LocalDate.of(2026, 9, 1));
        EncounterService.Draft opened = EncounterService.Draft.of(gone.id(), LocalDate.of(2026, 10, 3),
                ow1.meta().id(), ktv.meta().id());
        merges.merge(keep.id(), 1, gone.id(), 1);

        EncounterService encounters = new EncounterService(ws);
        assertThatThrownBy(() -> encounters.save(opened)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((AppException) e).problem().key()).isEqualTo("contact.merged"));
        long stored = ws.read(Permission.RECORDS, tx -> tx.encounters().count());
        assertThat(stored).isZero();
    }

    @Test
    void aMergeMovesEveryRecordWithItsHistoryAndTheOldCodesFindTheContactThatStayed() {
        MergeService merges = as(Role.COORDINATOR);
        Contact keep = contact(KEEP, KpType.FEW, LocalDate.of(2026, 9, 20));
        Contact gone = contact(GONE, KpType.FEW, LocalDate.of(2026, 9, 1));
        Encounter kept = encounter(keep, LocalDate.of(2026, 9, 20));
        Encounter e1 = encounter(gone, LocalDate.of(2026, 9, 1));
        Encounter e2 = encounter(gone, LocalDate.of(2026, 10, 2));
        Referral r = new Referral(ws.newMeta(), gone.id(), e2.id(), ServiceType.HTS, null, e2.date(),
                e2.date().plusDays(7), ReferralStatus.PENDING, null, null);
        Incident i = new Incident(ws.newMeta(), e2.date(), ktv.meta().id(), gone.id(), IncidentType.POLICE_HARASSMENT,
                Perpetrator.POLICE, true, null, null);
        SafeguardingScreen s = new SafeguardingScreen(ws.newMeta(), e2.date(), gone.id(), ktv.meta().id(),
                ow1.meta().id(), false, false, false, false, false, false, null);
        write("referral", tx -> {
            tx.referrals().insert(r);
            tx.incidents().insert(i);
            tx.safeguarding().insert(s);
        });
        // the contact that goes once had another code, corrected: that alias moves too
        new ContactCorrectionService(ws).correctUic(gone.id(), 1, "SOHC2150399");
        new ContactCorrectionService(ws).correctUic(gone.id(), 2, GONE);
        ContactService contacts = new ContactService(ws);
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(2);

        MergeService.Merged m = merges.merge(keep.id(), 1, gone.id(), 3);
        assertThat(m.recordsMoved()).isEqualTo(5);

        // the contact that stayed: its UIC, the earlier first contact, a MERGE history row
        Contact k = stored(keep.id());
        assertThat(k.uic().value()).isEqualTo(KEEP);
        assertThat(k.firstContactDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(k.meta().version()).isEqualTo(2);
        assertThat(history(keep.id())).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MERGE);
            assertThat(c.fields()).containsExactly(new FieldChange("firstContactDate", "2026-09-20", "2026-09-01"),
                    new FieldChange("mergedFrom", null, gone.id().toString()));
        });
        // the one that went: kept, marked, its version bumped, a MERGE history row
        Optional<UUID> into = ws.read(Permission.RECORDS, tx -> tx.merges().mergedInto(gone.id()));
        assertThat(into).contains(keep.id());
        assertThat(stored(gone.id()).meta().version()).isEqualTo(4);
        assertThat(history(gone.id())).last().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MERGE);
            assertThat(c.baseVersion()).isEqualTo(3);
            assertThat(c.fields()).containsExactly(new FieldChange("mergedInto", null, keep.id().toString()));
        });
        // every record moved, version 2, with a MOVE row in its history
        List<Encounter> encounters = ws.read(Permission.RECORDS, tx -> tx.encounters().forContact(keep.id()));
        assertThat(encounters).extracting(Encounter::id).containsExactlyInAnyOrder(kept.id(), e1.id(), e2.id());
        for (UUID moved : List.of(e1.id(), e2.id(), r.id(), i.meta().id(), s.meta().id())) {
            assertThat(history(moved)).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ChangeKind.MOVE);
                assertThat(c.baseVersion()).isEqualTo(1);
                assertThat(c.newVersion()).isEqualTo(2);
                assertThat(c.fields()).containsExactly(new FieldChange("contactId", gone.id().toString(),
                        keep.id().toString()));
            });
        }
        assertThat(history(s.meta().id()).get(0).recordType()).isEqualTo(RecordType.SAFEGUARDING);
        assertThat(ws.read(Permission.RECORDS, tx -> tx.encounters().findById(e1.id())).orElseThrow().meta().version())
                .isEqualTo(2);
        List<Referral> referrals = ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(keep.id()));
        List<Incident> incidents = ws.read(Permission.RECORDS, tx -> tx.incidents().forContact(keep.id()));
        List<SafeguardingScreen> screens = ws.read(Permission.RECORDS, tx -> tx.safeguarding().forContact(keep.id()));
        assertThat(referrals).hasSize(1);
        assertThat(incidents).hasSize(1);
        assertThat(screens).hasSize(1);
        assertThat(contacts.timeline(gone.id())).isEmpty();
        assertThat(contacts.timeline(keep.id())).hasSize(6);

        // every code of the person finds the contact that stayed; the register counts one person
        for (String code : List.of(KEEP, GONE, "SOHC2150399")) {
            assertThat(contacts.lookup(code).orElseThrow().contact().id()).as(code).isEqualTo(keep.id());
        }
        assertThat(contacts.count(ContactFilter.ALL)).isEqualTo(1);
        // the merged-away code is not a new person
        assertThatThrownBy(() -> contacts.create(new ContactService.NewContact(Uic.parse(GONE), Gender.F, KpType.FEW,
                null, LocalDate.of(2026, 10, 1), null, null, null), true))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("uic.taken"));
        assertThat(contacts.page(ContactFilter.ALL, null, 10).rows()).extracting(l -> l.contact().id())
                .containsExactly(keep.id());
        assertThat(contacts.page(ContactFilter.ALL.withUicPrefix("SOHC"), null, 10).rows())
                .extracting(l -> l.contact().id()).containsExactly(keep.id());
        // a near-duplicate check offers the contact that stayed, never the merged-away one
        assertThat(contacts.nearDuplicates(Uic.parse("SOCI2150398"))).extracting(l -> l.contact().id())
                .containsExactly(keep.id());
        assertThat(contacts.nearDuplicates(Uic.parse("SOHD2150398"))).isEmpty();

        AuditEntry a = lastAudit();
        assertThat(a.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(a.recordId()).isEqualTo(keep.id().toString());
        assertThat(a.detail()).contains(gone.id().toString()).contains("firstContactDate")
                .doesNotContain("SOCH").doesNotContain("SOHC").doesNotContain("2026");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"COORDINATOR", "MANAGER", "ADMIN"})
    void coordinatorsAndAboveMerge(Role role) {
        MergeService merges = as(role);
        Contact keep = contact(KEEP, KpType.FEW, LocalDate.of(2026, 10, 1));
        Contact gone = contact(GONE, KpType.FEW, LocalDate.of(2026, 10, 1));
        merges.merge(keep.id(), 1, gone.id(), 1);
        assertThat(new ContactService(ws).count(ContactFilter.ALL)).isEqualTo(1);
    }

    @Test
    void anOutreachWorkerMayNotMergeNorSeeThePossibleDuplicates() {
        MergeService merges = as(Role.OUTREACH_WORKER);
        Contact keep = contact(KEEP, KpType.FEW, LocalDate.of(2026, 10, 1));
        Contact gone = contact(GONE, KpType.FEW, LocalDate.of(2026, 10, 1));
        assertThatThrownBy(() -> merges.merge(keep.id(), 1, gone.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(merges::possibleDuplicates).isInstanceOf(AccessDeniedException.class);
        assertThat(new ContactService(ws).count(ContactFilter.ALL)).isEqualTo(2);
        assertThat(history(gone.id())).isEmpty();
    }

    @Test
    void aMergeOnAnOlderVersionOrOfAMergedContactIsRefusedAndChangesNothing() {
        MergeService merges = as(Role.ADMIN);
        Contact keep = contact(KEEP, KpType.FEW, LocalDate.of(2026, 10, 1));
        Contact gone = contact(GONE, KpType.FEW, LocalDate.of(2026, 10, 1));
        Encounter e = encounter(gone, LocalDate.of(2026, 10, 2));
        assertThatThrownBy(() -> merges.merge(keep.id(), 1, gone.id(), 2))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        x -> assertThat(x.problem().key()).isEqualTo("contact.changed"));
        assertThat(ws.read(Permission.RECORDS, tx -> tx.encounters().findById(e.id())).orElseThrow().contactId())
                .isEqualTo(gone.id());
        assertThat(history(e.id())).isEmpty();
        merges.merge(keep.id(), 1, gone.id(), 1);
        Contact third = contact("DAVI2010101", KpType.FEW, LocalDate.of(2026, 10, 1));
        assertThatThrownBy(() -> merges.merge(third.id(), 1, gone.id(), 2))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        x -> assertThat(x.problem().key()).isEqualTo("contact.merged"));
    }

    private static long n(ReportTable t, String row, String column) {
        Cell c = t.cell(row, column);
        assertThat(c).as("%s %s/%s", t.name(), row, column).isInstanceOf(Cell.Count.class);
        return ((Cell.Count) c).value();
    }

    /**
     * A (FEW) met 2026-09-15 only; B (FEW) met 2026-10-05 only — the same person under two codes; C (FEW) met
     * 2026-10-07 only; D (MSM) met 2026-08-01 and 2026-10-09. October by hand: before the merge FSW new = B, C (2),
     * returning 0, MSM returning = D; reached 3. After B is merged into A, the person was met in September, so FSW
     * new = C (1), returning = A (1); still 3 reached. September: A new before and after.
     */
    @ParameterizedTest
    @EnumSource(value = Keep.class)
    void aMergeAcrossThePeriodEdgeTurnsNewIntoReturning(Keep which) {
        MergeService merges = as(Role.MANAGER);
        Contact a = contact(KEEP, KpType.FEW, LocalDate.of(2026, 9, 15));
        Contact b = contact(GONE, KpType.FEW, LocalDate.of(2026, 10, 5));
        Contact c = contact("DAVI2010101", KpType.FEW, LocalDate.of(2026, 10, 7));
        Contact d = contact("ROMA1120590", KpType.MSM, LocalDate.of(2026, 8, 1));
        encounter(a, LocalDate.of(2026, 9, 15));
        encounter(b, LocalDate.of(2026, 10, 5));
        encounter(c, LocalDate.of(2026, 10, 7));
        encounter(d, LocalDate.of(2026, 8, 1));
        encounter(d, LocalDate.of(2026, 10, 9));
        ReportService reports = new ReportService(ws);

        ReportTable before = reports.report(ReportRequest.of("2026-10", ReportAudience.INTERNAL))
                .table(ReportTables.REACH_BY_KP_TYPE);
        assertThat(n(before, "FSW", "New")).isEqualTo(2);
        assertThat(n(before, "FSW", "Returning")).isZero();
        assertThat(n(before, "MSM", "Returning")).isEqualTo(1);
        assertThat(n(before, "Total", "New")).isEqualTo(2);
        assertThat(n(before, "Total", "Returning")).isEqualTo(1);
        assertThat(n(before, "Total", "Total")).isEqualTo(3);

        if (which == Keep.EARLIER) {
            merges.merge(a.id(), 1, b.id(), 1);
        } else {
            merges.merge(b.id(), 1, a.id(), 1);
        }

        ReportTable after = reports.report(ReportRequest.of("2026-10", ReportAudience.INTERNAL))
                .table(ReportTables.REACH_BY_KP_TYPE);
        assertThat(n(after, "FSW", "New")).isEqualTo(1);
        assertThat(n(after, "FSW", "Returning")).isEqualTo(1);
        assertThat(n(after, "MSM", "Returning")).isEqualTo(1);
        assertThat(n(after, "Total", "New")).isEqualTo(1);
        assertThat(n(after, "Total", "Returning")).isEqualTo(2);
        assertThat(n(after, "Total", "Total")).isEqualTo(3);
        ReportTable september = reports.report(ReportRequest.of("2026-09", ReportAudience.INTERNAL))
                .table(ReportTables.REACH_BY_KP_TYPE);
        assertThat(n(september, "FSW", "New")).isEqualTo(1);
        assertThat(n(september, "Total", "Total")).isEqualTo(1);
        // whichever code stayed, the person's first contact is the earlier one
        UUID stayed = which == Keep.EARLIER ? a.id() : b.id();
        assertThat(stored(stayed).firstContactDate()).isEqualTo(LocalDate.of(2026, 9, 15));
    }

    enum Keep { EARLIER, LATER }

    @Test
    void anImportedRowWithACorrectedCodeLandsOnTheContact() throws IOException {
        as(Role.COORDINATOR);
        Contact c = fx.contact(KEEP, KpType.FEW, 1998, ktv, ow1);
        new ContactCorrectionService(ws).correctUic(c.id(), 1, "SOCH2150399");
        Path file = TestRegisters.csv(dir, "old-code.csv", List.of(TestRegisters.HEADER,
                "2026-10-01," + KEEP + ",OW01,KTV-03,F,1998,FEW,10,2,5,1,tested,,first visit"), "\n", false);
        ImportPlan plan = new ImportService(ws).importFile(file);
        assertThat(plan.isValid()).isTrue();
        assertThat(plan.contactsNew()).isZero();
        assertThat(plan.contactsMatched()).isEqualTo(1);
        assertThat(plan.encountersNew()).isEqualTo(1);
        List<Encounter> met = ws.read(Permission.RECORDS, tx -> tx.encounters().forContact(c.id()));
        long people = ws.read(Permission.RECORDS, tx -> tx.contacts().count());
        assertThat(met).hasSize(1);
        assertThat(people).isEqualTo(1);
    }

    @Test
    void reImportingAFileAfterAMergeAddsNothing() throws IOException {
        MergeService merges = as(Role.COORDINATOR);
        ImportService imports = new ImportService(ws);
        Path file = TestRegisters.goodCsv(dir);
        ImportPlan first = imports.importFile(file);
        assertThat(first.contactsNew()).isEqualTo(2);
        Contact soch = ws.read(Permission.RECORDS, tx -> tx.contacts().findByUic(Uic.parse("SOCH2150398"))).orElseThrow();
        Contact daka = ws.read(Permission.RECORDS, tx -> tx.contacts().findByUic(Uic.parse("DAKA2010195"))).orElseThrow();
        long[] once = counts();
        merges.merge(soch.id(), soch.meta().version(), daka.id(), daka.meta().version());

        ImportPlan again = imports.importFile(file);
        assertThat(again.isValid()).isTrue();
        assertThat(again.contactsNew()).isZero();
        assertThat(again.encountersNew()).isZero();
        assertThat(again.encountersPresent()).isEqualTo(4);
        assertThat(again.referralsNew()).isZero();
        assertThat(counts()).containsExactly(once);
        List<Encounter> met = ws.read(Permission.RECORDS, tx -> tx.encounters().forContact(soch.id()));
        assertThat(met).hasSize(3);
    }

    private long[] counts() {
        return ws.read(Permission.RECORDS, tx -> new long[] {tx.contacts().count(), tx.encounters().count(),
            tx.referrals().count()});
    }
}
