package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.app.EncounterCorrectionService.Corrected;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.app.EncounterService.ReferralRequest;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.vault.TestVaults;

/** Correcting and voiding encounters: history, audit, stock, referrals, the optimistic check and who may. */
class EncounterCorrectionServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);
    static final String TEAM = "Team A";

    /** A clock the test moves on (the 7-day rule). */
    static final class MovableClock extends Clock {
        Instant now = TestVaults.CLOCK.instant();

        @Override
        public ZoneId getZone() {
            return TestVaults.CLOCK.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock();
    final VaultService vaults = new VaultService(clock, TestVaults.FAST_KDF);
    Workspace ws;
    DeskFixtures fx;
    Site ktv;
    Site bar;
    Staff ow1;
    Staff ow2;
    Contact sokha;

    /** A vault whose records are set up (and the first encounter saved) by its admin. */
    private Encounter adminVaultWithEncounter(int maleCondoms) {
        ws = vaults.create(dir, "Test Outreach", "admin", TestWorkspaces.PASSWORD.toCharArray()).workspace();
        fx = new DeskFixtures(ws);
        ktv = fx.site("KTV-03", "Golden KTV");
        bar = fx.site("BAR-01", "Riverside bar");
        ow1 = fx.staff("OW01", TEAM);
        ow2 = fx.staff("OW02", "Team B");
        sokha = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        fx.receive(Commodity.MALE_CONDOM, 500, TEAM);
        fx.receive(Commodity.LUBRICANT, 100, TEAM);
        return save(draft(TODAY.minusDays(1)).withQuantities(maleCondoms, 0, 0, 0));
    }

    private Draft draft(LocalDate date) {
        return Draft.of(sokha.id(), date, ow1.meta().id(), ktv.meta().id());
    }

    private Encounter save(Draft d) {
        return new EncounterService(ws).save(d).encounter();
    }

    private EncounterCorrectionService corrections() {
        return new EncounterCorrectionService(ws);
    }

    /** Signs out and in again as a new user of {@code role}. */
    private void signInAs(Role role) {
        if (role == Role.ADMIN) {
            return;
        }
        new UserService(ws).add(role.code(), role, TestWorkspaces.PASSWORD.toCharArray());
        ws.close();
        ws = vaults.unlock(dir, role.code(), TestWorkspaces.PASSWORD.toCharArray());
    }

    @AfterEach
    void tearDown() {
        if (ws != null) {
            ws.close();
        }
    }

    private int onHand(Commodity c) {
        return ws.read(Permission.RECORDS, tx -> tx.stock().onHand(null)).get(c);
    }

    private Encounter stored(UUID id) {
        return ws.read(Permission.RECORDS, tx -> tx.encounters().findById(id)).orElseThrow();
    }

    private AuditEntry lastAudit() {
        return ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow();
    }

    @Test
    void aWrongQuantityCorrectedKeepsTheOldValueInHistoryAndTheStockFollows() {
        Encounter e = adminVaultWithEncounter(100);
        assertThat(onHand(Commodity.MALE_CONDOM)).isEqualTo(400);

        Corrected c = corrections().correct(e.id(), 1, corrections().open(e.id()).draft().withQuantities(10, 0, 2, 0));

        assertThat(onHand(Commodity.MALE_CONDOM)).as("500 received, 10 handed out").isEqualTo(490);
        assertThat(onHand(Commodity.LUBRICANT)).as("a hand-out added by the correction").isEqualTo(98);
        Encounter now = stored(e.id());
        assertThat(now.quantities().maleCondoms()).isEqualTo(10);
        assertThat(now.meta().version()).isEqualTo(2);
        assertThat(now.meta().updatedAt()).isEqualTo(clock.now);
        assertThat(c.change().fields()).containsExactly(FieldChange.of("maleCondoms", 100, 10),
                FieldChange.of("lubricants", 0, 2));
        AuditEntry audit = lastAudit();
        assertThat(audit.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(audit.recordId()).isEqualTo(e.id().toString());
        assertThat(audit.detail()).as("field names, never values").isEqualTo("maleCondoms,lubricants");

        List<CommodityMovement> handouts = ws.read(Permission.RECORDS, tx -> tx.stock().handoutsOf(e.id()));
        assertThat(handouts).extracting(CommodityMovement::commodity, CommodityMovement::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Commodity.MALE_CONDOM, -10),
                        org.assertj.core.groups.Tuple.tuple(Commodity.LUBRICANT, -2));
        CommodityMovement male = handouts.stream().filter(m -> m.commodity() == Commodity.MALE_CONDOM).findFirst()
                .orElseThrow();
        assertThat(corrections().historyOf(male.meta().id())).singleElement()
                .satisfies(h -> assertThat(h.fields()).containsExactly(FieldChange.of("quantity", -100, -10)));
    }

    @Test
    void theHistoryOfSeveralCorrectionsKeepsEveryVersion() {
        Encounter e = adminVaultWithEncounter(100);
        EncounterCorrectionService s = corrections();
        s.correct(e.id(), 1, s.open(e.id()).draft().withQuantities(10, 0, 0, 0));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        s.correct(e.id(), 2, s.open(e.id()).draft().withServices(e.type(), true, false, HivStatus.DECLINED, true)
                .withNote("met at the market"));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        s.correct(e.id(), 3, s.open(e.id()).draft().toBuilder().date(TODAY.minusDays(2)).site(bar.meta().id()).build());

        List<RecordChange> history = s.historyOf(e.id());
        assertThat(history).extracting(RecordChange::baseVersion, RecordChange::newVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 3),
                        org.assertj.core.groups.Tuple.tuple(3, 4));
        assertThat(history).allSatisfy(h -> {
            assertThat(h.kind()).isEqualTo(ChangeKind.CORRECT);
            assertThat(h.recordType()).isEqualTo(RecordType.ENCOUNTER);
            assertThat(h.byName()).isEqualTo("admin");
        });
        assertThat(history.get(0).fields()).containsExactly(FieldChange.of("maleCondoms", 100, 10));
        assertThat(history.get(1).fields()).containsExactlyInAnyOrder(FieldChange.of("education", false, true),
                FieldChange.of("hivStatus", null, HivStatus.DECLINED), FieldChange.of("stiScreened", false, true),
                FieldChange.of("note", null, "met at the market"));
        assertThat(history.get(2).fields()).containsExactlyInAnyOrder(
                FieldChange.of("date", TODAY.minusDays(1), TODAY.minusDays(2)),
                FieldChange.of("site", ktv.meta().id(), bar.meta().id()));
        assertThat(history.get(2).at()).isEqualTo(TestVaults.CLOCK.instant().plus(Duration.ofMinutes(10)));
        Encounter now = stored(e.id());
        assertThat(now.date()).isEqualTo(TODAY.minusDays(2));
        assertThat(now.meta().version()).isEqualTo(4);
        CommodityMovement m = ws.read(Permission.RECORDS, tx -> tx.stock().handoutsOf(e.id())).get(0);
        assertThat(m.date()).as("the hand-out follows the encounter's date").isEqualTo(TODAY.minusDays(2));
    }

    @Test
    void aVoidedHandoutGoesBackIntoStockAndPendingReferralsAreVoidedWithIt() {
        Encounter first = adminVaultWithEncounter(0);
        fx.org("KHANA", ServiceType.HTS);
        Encounter e = save(draft(TODAY).withQuantities(12, 0, 6, 0)
                .withReferrals(List.of(ReferralRequest.of(ServiceType.HTS))));
        assertThat(onHand(Commodity.MALE_CONDOM)).isEqualTo(488);
        assertThat(onHand(Commodity.LUBRICANT)).isEqualTo(94);
        Referral referral = ws.read(Permission.RECORDS, tx -> tx.referrals().pendingOf(e.id())).get(0);

        Encounter voided = corrections().voidEncounter(e.id(), 1, VoidReason.ENTERED_TWICE);

        assertThat(voided.voided()).isTrue();
        assertThat(stored(e.id()).voidReason()).isEqualTo(VoidReason.ENTERED_TWICE);
        assertThat(stored(e.id()).meta().version()).isEqualTo(2);
        assertThat(onHand(Commodity.MALE_CONDOM)).as("the 12 given back").isEqualTo(500);
        assertThat(onHand(Commodity.LUBRICANT)).isEqualTo(100);
        List<Referral> left = ws.read(Permission.RECORDS, tx -> tx.referrals().liveOf(e.id()));
        assertThat(left).isEmpty();
        assertThat(corrections().historyOf(referral.id())).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(ChangeKind.VOID);
            assertThat(h.reason()).isEqualTo(VoidReason.ENTERED_TWICE);
        });
        assertThat(corrections().historyOf(e.id())).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(ChangeKind.VOID);
            assertThat(h.fields()).containsExactly(FieldChange.of("voided", false, true));
        });
        assertThat(lastAudit().detail()).isEqualTo("voided");
        assertThat(new ContactService(ws).timeline(sokha.id())).as("kept on the timeline, marked")
                .filteredOn(t -> t.encounter() != null && t.encounter().id().equals(e.id()))
                .singleElement().satisfies(t -> assertThat(t.encounter().voidReason()).isEqualTo(VoidReason.ENTERED_TWICE));
        assertThat(stored(first.id()).voided()).as("the other encounter untouched").isFalse();
        assertThatThrownBy(() -> corrections().correct(e.id(), 2, draft(TODAY).withNote("x")))
                .as("a voided encounter is not corrected").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFormOpenedOnAnOlderVersionIsRefusedAsChangedElsewhere() {
        Encounter e = adminVaultWithEncounter(100);
        Draft opened = corrections().open(e.id()).draft();
        corrections().correct(e.id(), 1, opened.withQuantities(10, 0, 0, 0));

        assertThatThrownBy(() -> corrections().correct(e.id(), 1, opened.withQuantities(20, 0, 0, 0)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(x -> assertThat(((AppException) x).problem().key()).isEqualTo("changedElsewhere"));
        assertThatThrownBy(() -> corrections().voidEncounter(e.id(), 1, VoidReason.OTHER))
                .isInstanceOf(InvalidInputException.class);
        assertThat(stored(e.id()).quantities().maleCondoms()).isEqualTo(10);
        assertThat(onHand(Commodity.MALE_CONDOM)).isEqualTo(490);
    }

    @Test
    void aCorrectionIsCheckedAsASaveIs() {
        Encounter e = adminVaultWithEncounter(100);
        Encounter other = save(draft(TODAY));
        EncounterCorrectionService s = corrections();

        assertThatThrownBy(() -> s.correct(e.id(), 1, s.open(e.id()).draft().toBuilder().date(TODAY).build()))
                .as("the natural key of another live encounter")
                .isInstanceOfSatisfying(InvalidFieldsException.class, x -> assertThat(x.problems())
                        .extracting(FieldProblem::code).containsExactly(ProblemCode.ENCOUNTER_DUPLICATE.code()));
        assertThatThrownBy(() -> s.correct(e.id(), 1, s.open(e.id()).draft().withQuantities(-1, 0, 0, 0)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, x -> assertThat(x.problems())
                        .extracting(FieldProblem::field).containsExactly("maleCondoms"));
        assertThatThrownBy(() -> s.correct(e.id(), 1, s.open(e.id()).draft().withQuantities(5000, 0, 0, 0)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, x -> assertThat(x.problems())
                        .extracting(FieldProblem::code).containsExactly(ProblemCode.QUANTITY_CONFIRM.code()));
        Staff gone = fx.staff("OW09", TEAM, false);
        assertThatThrownBy(() -> s.correct(e.id(), 1, s.open(e.id()).draft().toBuilder().staff(gone.meta().id()).build()))
                .isInstanceOfSatisfying(InvalidFieldsException.class, x -> assertThat(x.problems())
                        .extracting(FieldProblem::code).containsExactly(ProblemCode.INACTIVE.code()));
        assertThat(stored(e.id()).meta().version()).as("nothing stored").isEqualTo(1);

        s.voidEncounter(other.id(), 1, VoidReason.ENTERED_TWICE);
        s.correct(e.id(), 1, s.open(e.id()).draft().toBuilder().date(TODAY).build());
        assertThat(stored(e.id()).date()).as("a voided encounter does not block the right one").isEqualTo(TODAY);
    }

    @Test
    void aCorrectionThatRecordsAChildAsASexWorkerNeedsTheSafeguardingProtocol() {
        adminVaultWithEncounter(0);
        Contact young = fx.contact("KOSR2150308", KpType.FEW, 2008, ktv, ow1); // born 15/03/2008: 18 since March
        Encounter e = save(Draft.of(young.id(), TODAY, ow1.meta().id(), ktv.meta().id()));
        EncounterCorrectionService s = corrections();

        assertThatThrownBy(() -> s.correct(e.id(), 1, s.open(e.id()).draft().toBuilder()
                .date(LocalDate.of(2025, 10, 1)).build()))
                .as("on that day the contact was 17").isInstanceOf(SafeguardingRequiredException.class);
        assertThat(stored(e.id()).date()).isEqualTo(TODAY);
    }

    @Test
    void aReferralAddedByACorrectionIsPendingAndNamedInHistory() {
        Encounter e = adminVaultWithEncounter(0);
        fx.org("KHANA", ServiceType.HTS, ServiceType.STI);
        EncounterCorrectionService s = corrections();
        s.correct(e.id(), 1, s.open(e.id()).draft().withReferrals(List.of(ReferralRequest.of(ServiceType.STI))));

        List<Referral> live = ws.read(Permission.RECORDS, tx -> tx.referrals().pendingOf(e.id()));
        assertThat(live).extracting(Referral::serviceType).containsExactly(ServiceType.STI);
        assertThat(live.get(0).dueDate()).isEqualTo(TODAY.minusDays(1).plusDays(EncounterService.FOLLOW_UP_DAYS));
        assertThat(s.historyOf(e.id()).get(0).fields()).containsExactly(FieldChange.of("referrals", null, "STI"));
        assertThatThrownBy(() -> s.correct(e.id(), 2, s.open(e.id()).draft()
                .withReferrals(List.of(ReferralRequest.of(ServiceType.STI)))))
                .as("the same service twice").isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void nothingChangedWritesNothing() {
        Encounter e = adminVaultWithEncounter(100);
        long audits = ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow().seq();
        Corrected c = corrections().correct(e.id(), 1, corrections().open(e.id()).draft());
        assertThat(c.change()).isNull();
        assertThat(lastAudit().seq()).isEqualTo(audits);
        assertThat(stored(e.id()).meta().version()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"COORDINATOR", "MANAGER", "ADMIN"})
    void coordinatorsManagersAndAdminsMayCorrectAndVoidAnyEncounter(Role role) {
        Encounter e = adminVaultWithEncounter(100);
        Encounter old = save(draft(TODAY.minusDays(3)));
        clock.now = clock.now.plus(Duration.ofDays(30));
        signInAs(role);

        assertThat(corrections().open(e.id()).mayChange()).isTrue();
        corrections().correct(e.id(), 1, corrections().open(e.id()).draft().withQuantities(10, 0, 0, 0));
        corrections().voidEncounter(old.id(), 1, VoidReason.WRONG_PERSON);
        assertThat(stored(e.id()).quantities().maleCondoms()).isEqualTo(10);
        assertThat(stored(old.id()).voided()).isTrue();
        assertThat(corrections().historyOf(e.id()).get(0).byName()).isEqualTo(role.code());
    }

    @Test
    void anOutreachWorkerMayChangeOnlyTheirOwnEntriesOfTheLastSevenDays() {
        Encounter admins = adminVaultWithEncounter(100);
        signInAs(Role.OUTREACH_WORKER);
        Encounter own = save(draft(TODAY.minusDays(2)));
        Encounter ownOther = save(draft(TODAY.minusDays(3)));

        assertThat(corrections().open(admins.id()).mayChange()).isFalse();
        assertThatThrownBy(() -> corrections().correct(admins.id(), 1, draft(TODAY.minusDays(1)).withNote("x")))
                .as("someone else's entry").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> corrections().voidEncounter(admins.id(), 1, VoidReason.OTHER))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(corrections().open(own.id()).mayChange()).isTrue();
        corrections().correct(own.id(), 1, corrections().open(own.id()).draft().withNote("checked"));
        assertThat(stored(own.id()).note()).isEqualTo("checked");

        clock.now = clock.now.plus(Duration.ofDays(7)).plusSeconds(1);
        assertThat(corrections().open(ownOther.id()).mayChange()).as("older than 7 days").isFalse();
        assertThatThrownBy(() -> corrections().voidEncounter(ownOther.id(), 1, VoidReason.OTHER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(stored(ownOther.id()).voided()).isFalse();
        assertThat(stored(admins.id()).meta().version()).isEqualTo(1);
    }

    @Test
    void theEncounterListFiltersByDatesSiteAndWorkerAndShowsVoidedOnes() {
        Encounter first = adminVaultWithEncounter(100);                         // 19/10 KTV OW01
        Encounter atBar = save(draft(TODAY).toBuilder().site(bar.meta().id()).build());   // 20/10 BAR OW01
        Encounter byOw2 = save(draft(TODAY.minusDays(5)).toBuilder().staff(ow2.meta().id()).build()); // 15/10 KTV OW02
        corrections().voidEncounter(atBar.id(), 1, VoidReason.ENTERED_TWICE);
        EncounterCorrectionService s = corrections();

        assertThat(s.list(null, null, null, null, 0, 50).rows()).extracting(r -> r.encounter().id())
                .containsExactly(atBar.id(), first.id(), byOw2.id());
        assertThat(s.list(null, null, null, null, 0, 50).rows().get(0).encounter().voided()).isTrue();
        assertThat(s.list(null, null, null, null, 0, 50).rows().get(0).siteCode()).isEqualTo("BAR-01");
        assertThat(s.list(null, null, null, null, 0, 50).rows().get(0).uic()).isEqualTo("SOCH2150398");
        assertThat(s.list(TODAY.minusDays(2), TODAY.minusDays(1), null, null, 0, 50).rows())
                .extracting(r -> r.encounter().id()).containsExactly(first.id());
        assertThat(s.list(null, null, ktv.meta().id(), null, 0, 50).rows())
                .extracting(r -> r.encounter().id()).containsExactly(first.id(), byOw2.id());
        assertThat(s.list(null, null, null, ow2.meta().id(), 0, 50).rows())
                .extracting(r -> r.staffCode()).containsExactly("OW02");
        Paged<?> page = s.list(null, null, null, null, 2, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.rows()).hasSize(1);
    }
}
