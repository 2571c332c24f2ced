package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.app.EncounterService.Draft;
import org.outreachdesk.app.EncounterService.ReferralRequest;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;

class EncounterServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    Workspace ws;
    DeskFixtures fx;
    EncounterService encounters;
    Site ktv;
    Staff ow1;
    Contact sokha;

    @BeforeEach
    void setUp() {
        open(TestWorkspaces.admin(dir));
    }

    private void open(Workspace w) {
        ws = w;
        fx = new DeskFixtures(ws);
        encounters = new EncounterService(ws);
        ktv = fx.site("KTV-03", "Golden KTV");
        ow1 = fx.staff("OW01", "Team A");
        sokha = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Draft draft(LocalDate date) {
        return Draft.of(sokha.id(), date, ow1.meta().id(), ktv.meta().id());
    }

    @Test
    void savesTheEncounterItsReferralsAndItsHandoutsInOneAuditedTransaction() {
        DirectoryEntry khana = fx.org("KHANA", ServiceType.HTS, ServiceType.STI);
        fx.receive(Commodity.MALE_CONDOM, 500, "Team A");
        fx.receive(Commodity.LUBRICANT, 100, "Team A");

        EncounterService.Saved saved = encounters.save(draft(TODAY.minusDays(1))
                .withQuantities(12, 0, 6, 1)
                .withServices(EncounterType.SMALL_GROUP, true, true, HivStatus.REFERRED_FOR_TEST, true)
                .withReferrals(List.of(new ReferralRequest(ServiceType.HTS, khana.meta().id(), null),
                        new ReferralRequest(ServiceType.LEGAL, null, TODAY.plusDays(2))))
                .withNote("  asked about PrEP  "));

        var stored = ws.read(Permission.RECORDS, tx -> tx.encounters().findById(saved.encounter().id())).orElseThrow();
        assertThat(stored.quantities()).isEqualTo(new org.outreachdesk.domain.Encounter.Quantities(12, 0, 6, 1));
        assertThat(stored.type()).isEqualTo(EncounterType.SMALL_GROUP);
        assertThat(stored.hivStatus()).isEqualTo(HivStatus.REFERRED_FOR_TEST);
        assertThat(stored.education()).isTrue();
        assertThat(stored.condomDemo()).isTrue();
        assertThat(stored.stiScreened()).isTrue();
        assertThat(stored.note()).isEqualTo("asked about PrEP");

        List<Referral> refs = ws.read(Permission.RECORDS, tx -> tx.referrals().forEncounter(saved.encounter().id()));
        assertThat(refs).extracting(Referral::serviceType).containsExactly(ServiceType.HTS, ServiceType.LEGAL);
        Referral hts = refs.get(0);
        assertThat(hts.status()).isEqualTo(ReferralStatus.PENDING);
        assertThat(hts.directoryEntryId()).isEqualTo(khana.meta().id());
        assertThat(hts.madeDate()).isEqualTo(TODAY.minusDays(1));
        assertThat(hts.dueDate()).isEqualTo(TODAY.minusDays(1).plusDays(7));
        assertThat(hts.contactId()).isEqualTo(sokha.id());
        assertThat(refs.get(1).dueDate()).isEqualTo(TODAY.plusDays(2));
        assertThat(refs.get(1).directoryEntryId()).isNull();

        // stock drawn down by the hand-outs, on the worker's team
        Map<Commodity, Integer> onHand = ws.read(Permission.RECORDS, tx -> tx.stock().onHand("Team A"));
        assertThat(onHand).containsEntry(Commodity.MALE_CONDOM, 488).containsEntry(Commodity.LUBRICANT, 94)
                .containsEntry(Commodity.HIV_SELF_TEST, -1).containsEntry(Commodity.FEMALE_CONDOM, 0);
        List<CommodityMovement> ledger = ws.read(Permission.RECORDS, tx -> tx.stock().ledger(null, 0, 10));
        assertThat(ledger).filteredOn(m -> m.kind() == MovementKind.HANDOUT)
                .hasSize(3)
                .allSatisfy(m -> {
                    assertThat(m.encounterId()).isEqualTo(saved.encounter().id());
                    assertThat(m.quantity()).isNegative();
                    assertThat(m.date()).isEqualTo(TODAY.minusDays(1));
                });

        AuditEntry last = ws.read(Permission.RECORDS, tx -> tx.audit().last()).orElseThrow();
        assertThat(last.action()).isEqualTo(AuditAction.CREATE);
        assertThat(last.recordType()).isEqualTo("encounter");
        assertThat(last.recordId()).isEqualTo(saved.encounter().id().toString());
        assertThat(last.detail()).isEqualTo("referrals=2 handouts=3").doesNotContain("PrEP");
    }

    @Test
    void aFutureDateIsRefusedNamingTheDate() {
        assertThatThrownBy(() -> encounters.save(draft(TODAY.plusDays(1))))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("date", "date.future")))
                .hasMessage("The date of the encounter is in the future");
        assertThat(count()).isZero();
    }

    @Test
    void negativeQuantitiesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> encounters.save(draft(TODAY).withQuantities(-1, 0, -5, 0)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("maleCondoms", "lubricants"))
                .hasMessageContaining("Male condoms cannot be a negative number")
                .hasMessageContaining("Lubricants cannot be a negative number");
        assertThat(count()).isZero();
    }

    @Test
    void moreThanAThousandOfOneCommodityNeedsConfirming() {
        Draft big = draft(TODAY).withQuantities(1_001, 0, 0, 0);
        assertThatThrownBy(() -> encounters.save(big))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> {
                    assertThat(e.onlyNeedsConfirmation()).isTrue();
                    assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("maleCondoms");
                });
        assertThat(count()).isZero();
        // exactly 1,000 needs no confirmation
        assertThat(encounters.check(draft(TODAY).withQuantities(1_000, 1_000, 1_000, 1_000))).isEmpty();

        encounters.save(big.withLargeQuantitiesConfirmed(true));
        assertThat(count()).isEqualTo(1);
        // beyond the maximum, not even a confirmation helps
        assertThatThrownBy(() -> encounters.save(draft(TODAY.minusDays(1)).withQuantities(0, 0, 0, 100_001)
                .withLargeQuantitiesConfirmed(true)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("quantity.tooMany"));
    }

    @Test
    void theSameContactDateWorkerAndSiteTwiceIsRefusedWithAClearMessage() {
        encounters.save(draft(TODAY).withQuantities(5, 0, 0, 0));
        assertThatThrownBy(() -> encounters.save(draft(TODAY).withQuantities(7, 0, 0, 0)
                .withReferrals(List.of(ReferralRequest.of(ServiceType.HTS)))))
                .isInstanceOf(InvalidFieldsException.class)
                .hasMessage("This contact already has an encounter on this date with this worker at this site");
        assertThat(count()).isEqualTo(1);
        assertThat(referralsOf(sokha)).isEmpty();
        assertThat(onHand())
                .containsEntry(Commodity.MALE_CONDOM, -5);
        // another worker, site or date is another encounter
        Staff ow2 = fx.staff("OW02", "Team A");
        encounters.save(Draft.of(sokha.id(), TODAY, ow2.meta().id(), ktv.meta().id()));
        encounters.save(draft(TODAY.minusDays(1)));
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void anUnder18SexWorkerIsNeverSavedTheProtocolIsRequired() {
        // born 05/03/2010: 16 on the day
        Contact child = fx.contact("NAVI2050310", KpType.FSW, 2010, ktv, ow1);
        assertThatThrownBy(() -> encounters.save(Draft.of(child.id(), TODAY, ow1.meta().id(), ktv.meta().id())
                .withQuantities(10, 0, 0, 0)))
                .isInstanceOfSatisfying(SafeguardingRequiredException.class,
                        e -> assertThat(e.contactId()).isEqualTo(child.id()));
        assertThat(count()).isZero();
        assertThat(onHand()).containsEntry(Commodity.MALE_CONDOM, 0);
        // the full birth date decides: 18 tomorrow is still a child today; 18 today is not
        Contact almost = fx.contact("BOPH2211008", KpType.FEW, 2008, ktv, ow1);
        assertThatThrownBy(() -> encounters.save(Draft.of(almost.id(), TODAY, ow1.meta().id(), ktv.meta().id())))
                .isInstanceOf(SafeguardingRequiredException.class);
        Contact adult = fx.contact("BOPH2201008", KpType.FEW, 2008, ktv, ow1);
        encounters.save(Draft.of(adult.id(), TODAY, ow1.meta().id(), ktv.meta().id()).withQuantities(4, 0, 0, 0));
        assertThat(count()).isEqualTo(1);
        // a child recorded with another key-population type is met like anyone
        Contact other = fx.contact("KACH1050312", KpType.OTHER, 2012, ktv, ow1);
        encounters.save(Draft.of(other.id(), TODAY, ow1.meta().id(), ktv.meta().id()));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void theDestinationMustOfferTheServiceAndTheDueDateFollowTheEncounter() {
        DirectoryEntry licadho = fx.org("LICADHO", ServiceType.LEGAL);
        Draft wrong = draft(TODAY).withQuantities(3, 0, 0, 0)
                .withReferrals(List.of(new ReferralRequest(ServiceType.HTS, licadho.meta().id(), null),
                        new ReferralRequest(ServiceType.LEGAL, licadho.meta().id(), TODAY.minusDays(1))));
        assertThatThrownBy(() -> encounters.save(wrong))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("referral.LEGAL", "referral.dueBeforeMade")));
        assertThatThrownBy(() -> encounters.save(wrong.withReferrals(List.of(
                new ReferralRequest(ServiceType.HTS, licadho.meta().id(), null)))))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("referral.destination"));
        // nothing of the refused saves remains
        assertThat(count()).isZero();
        assertThat(onHand()).containsEntry(Commodity.MALE_CONDOM, 0);
    }

    @Test
    void missingContactSiteAndWorkerAreNamed() {
        assertThatThrownBy(() -> encounters.save(Draft.of(null, TODAY, null, null)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("uic", "site", "worker"));
        Site closed = fx.site("BG-01", "Closed beer garden", false);
        assertThatThrownBy(() -> encounters.save(Draft.of(sokha.id(), TODAY, ow1.meta().id(), closed.meta().id())))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("inactive"));
    }

    private EncounterService.Form form(String uic, String male, String lube) {
        return new EncounterService.Form(uic, Map.of(Commodity.MALE_CONDOM, male, Commodity.LUBRICANT, lube),
                Draft.builder().date(TODAY).staff(ow1.meta().id()).site(ktv.meta().id()).build());
    }

    @Test
    void whatTheFormHoldsIsAnsweredInOneTrip() {
        // typed with blanks and in lower case, quantities as typed: found and saved at once
        EncounterService.Answer saved = encounters.save(form(" soch-215 0398 ", "12", " "));
        assertThat(saved).isInstanceOfSatisfying(EncounterService.Recorded.class, r -> {
            assertThat(r.contact().contact().id()).isEqualTo(sokha.id());
            assertThat(r.saved().encounter().quantities())
                    .isEqualTo(new org.outreachdesk.domain.Encounter.Quantities(12, 0, 0, 0));
        });
        assertThat(count()).isEqualTo(1);

        // what is typed wrong is named at its field, nothing is looked up or stored
        assertThat(encounters.save(form("SOCH215", "twelve", "3")))
                .isInstanceOfSatisfying(EncounterService.Refused.class, r -> assertThat(r.problems())
                        .extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("maleCondoms", "quantity.notNumber"),
                                org.assertj.core.groups.Tuple.tuple("uic", "uic.length")));
        // an unknown UIC asks for a new contact; the audit trail holds no entry for it
        long auditBefore = ws.read(Permission.RECORDS, tx -> tx.audit().latest(1000)).size();
        assertThat(encounters.save(form("ZZZZ2010101", "1", "")))
                .isInstanceOfSatisfying(EncounterService.NewContactNeeded.class,
                        n -> assertThat(n.problem().code()).isEqualTo("contact.missing"));
        List<AuditEntry> auditAfter = ws.read(Permission.RECORDS, tx -> tx.audit().latest(1000));
        assertThat(auditAfter).hasSize((int) auditBefore);
        // the same encounter again, and one of 1,500 not confirmed: refused at their fields
        assertThat(encounters.save(form("SOCH2150398", "3", ""))).isInstanceOfSatisfying(
                EncounterService.Refused.class, r -> assertThat(r.problems()).extracting(FieldProblem::code)
                        .containsExactly("encounter.duplicate"));
        fx.contact("DAVI2010190", KpType.FEW, 1990, ktv, ow1);
        assertThat(encounters.save(form("DAVI2010190", "1500", ""))).isInstanceOfSatisfying(
                EncounterService.Refused.class, r -> assertThat(r.onlyNeedsConfirmation()).isTrue());
        // a child recorded as a sex worker: the protocol, nothing stored
        Contact child = fx.contact("NAVI2050310", KpType.FSW, 2010, ktv, ow1);
        assertThat(encounters.save(form("NAVI2050310", "", ""))).isInstanceOfSatisfying(
                EncounterService.SafeguardingNeeded.class, n -> assertThat(n.contactId()).isEqualTo(child.id()));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void theFormOffersActiveSitesStaffAndDestinationsByService() {
        fx.site("ZZ-99", "Old site", false);
        fx.staff("OW99", "Team B", false);
        DirectoryEntry khana = fx.org("KHANA", ServiceType.HTS, ServiceType.ART);
        fx.org("Closed NGO", false, ServiceType.HTS);
        EncounterService.FormChoices c = encounters.formChoices();
        assertThat(c.sites()).extracting(Site::code).containsExactly("KTV-03");
        assertThat(c.staff()).extracting(Staff::code).containsExactly("OW01");
        assertThat(c.destinationsFor(ServiceType.HTS)).extracting(DirectoryEntry::name).containsExactly("KHANA");
        assertThat(c.destinationsFor(ServiceType.ART)).containsExactly(khana);
        assertThat(c.destinationsFor(ServiceType.LEGAL)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleMayRecordEncounters(Role role, @TempDir Path other) {
        ws.close();
        open(DeskFixtures.as(role, other));
        EncounterService.Saved s = encounters.save(draft(TODAY).withQuantities(2, 0, 0, 0)
                .withReferrals(List.of(ReferralRequest.of(ServiceType.STI))));
        assertThat(s.referrals()).hasSize(1);
        assertThat(s.encounter().meta().createdBy()).isEqualTo(ws.user().id());
    }

    private Map<Commodity, Integer> onHand() {
        return ws.read(Permission.RECORDS, tx -> tx.stock().onHand(null));
    }

    private List<Referral> referralsOf(Contact c) {
        return ws.read(Permission.RECORDS, tx -> tx.referrals().forContact(c.id()));
    }

    private long count() {
        return ws.read(Permission.RECORDS, tx -> tx.encounters().count());
    }
}
