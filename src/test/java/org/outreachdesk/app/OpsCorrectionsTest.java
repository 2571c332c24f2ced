package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.IncidentService.IncidentCorrection;
import org.outreachdesk.app.ReferralFollowUpService.ReferralCorrection;
import org.outreachdesk.app.StockService.MovementCorrection;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.FollowUpCounts;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.LedgerLine;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.vault.TestVaults;

/**
 * Corrections and voids of referrals, incidents and stock movements, and stock counts (issue 14, ADR 13): what each
 * action stores, its history and audit entry, and who may do it.
 */
class OpsCorrectionsTest {

    @TempDir
    Path dir;

    private static final Instant NOW = TestVaults.CLOCK.instant();

    private static String key(Throwable t) {
        return ((AppException) t).key();
    }

    private static AuditEntry lastAudit(Workspace ws) {
        return ws.vault().database().read(tx -> tx.audit().latest(1)).get(0);
    }

    private static Map<Commodity, Integer> onHand(Workspace ws, String team) {
        Map<Commodity, Integer> out = new EnumMap<>(Commodity.class);
        new StockService(ws).levels(team).forEach(l -> out.put(l.commodity(), l.onHand()));
        return out;
    }

    /** A referral entered by the signed-in user {@code daysAgo} days ago. */
    private static Referral referralEntered(Workspace ws, Contact c, long daysAgo) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        RecordMeta meta = new RecordMeta(UUID.randomUUID(), at, at, ws.user().id(), ws.user().id(),
                ws.author().deviceId(), 1);
        Referral r = new Referral(meta, c.id(), null, ServiceType.HTS, null, TODAY.minusDays(daysAgo),
                TODAY.plusDays(3), ReferralStatus.PENDING, null, null);
        ws.write(Permission.RECORDS, AuditAction.CREATE, "referral", r.id().toString(), null, tx -> {
            tx.referrals().insert(r);
            return null;
        });
        return r;
    }

    // --- referrals ---------------------------------------------------------------------------------------

    @Test
    void aCoordinatorCorrectsAReferralAndItsOutcomeAndTheHistoryKeepsEveryVersion() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral r = OpsFixtures.referral(ws, c, ServiceType.HTS, TODAY.minusDays(4), TODAY.plusDays(3));
            ReferralFollowUpService service = new ReferralFollowUpService(ws);

            ReferralCorrection first = new ReferralCorrection(ServiceType.HTS, null, TODAY.minusDays(5),
                    TODAY.plusDays(1), "went with peer", ReferralStatus.PENDING, null);
            Referral v2 = service.correct(r, first);
            assertThat(v2.meta().version()).isEqualTo(2);
            AuditEntry audit = lastAudit(ws);
            assertThat(audit.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(audit.recordId()).isEqualTo(r.id().toString());
            assertThat(audit.detail()).isEqualTo("madeDate,dueDate,note").doesNotContain("peer");

            Referral v3 = service.close(OpsFixtures.reload(ws, r), ReferralStatus.COMPLETED, TODAY);
            // found among the closed referrals, where a mistaken outcome is corrected
            assertThat(service.closed(FollowUpFilter.ALL, 0, 10).rows()).singleElement()
                    .satisfies(p -> assertThat(p.referral().id()).isEqualTo(r.id()));
            assertThat(service.pending(FollowUpFilter.ALL, 0, 10).total()).isZero();
            // "completed" was recorded by mistake: the outcome is corrected back to pending
            Referral v4 = service.correct(v3, new ReferralCorrection(ServiceType.STI, null, TODAY.minusDays(5),
                    TODAY.plusDays(1), "went with peer", ReferralStatus.PENDING, null));
            Referral stored = OpsFixtures.reload(ws, r);
            assertThat(stored.status()).isEqualTo(ReferralStatus.PENDING);
            assertThat(stored.closedDate()).isNull();
            assertThat(stored.serviceType()).isEqualTo(ServiceType.STI);
            assertThat(stored.madeDate()).isEqualTo(TODAY.minusDays(5));
            assertThat(stored.meta().version()).isEqualTo(4);
            assertThat(v4.meta().version()).isEqualTo(4);

            List<RecordChange> history = service.history(r.id());
            assertThat(history).extracting(RecordChange::kind, RecordChange::baseVersion, RecordChange::newVersion)
                    .containsExactly(tuple(ChangeKind.CORRECT, 1, 2), tuple(ChangeKind.CORRECT, 3, 4));
            assertThat(history.get(0).fields()).containsExactlyInAnyOrder(
                    new FieldChange("madeDate", "2026-10-16", "2026-10-15"),
                    new FieldChange("dueDate", "2026-10-23", "2026-10-21"),
                    new FieldChange("note", null, "went with peer"));
            assertThat(history.get(1).fields()).containsExactlyInAnyOrder(
                    new FieldChange("serviceType", "HTS", "STI"),
                    new FieldChange("status", "COMPLETED", "PENDING"),
                    new FieldChange("closedDate", "2026-10-20", null));
            assertThat(history.get(1).byName()).isEqualTo("coordinator");
            assertThat(history).allMatch(h -> h.recordType() == RecordType.REFERRAL);
            // back on the follow-up list
            assertThat(service.pending(FollowUpFilter.ALL, 0, 10).total()).isEqualTo(1);
            assertThat(service.closed(FollowUpFilter.ALL, 0, 10).total()).isZero();
        }
    }

    @Test
    void aReferralCorrectionIsRefusedWhenItChangedElsewhereOrNothingChangedOrTheDatesDisagree() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral r = OpsFixtures.referral(ws, c, ServiceType.HTS, TODAY.minusDays(4), TODAY.plusDays(3));
            ReferralFollowUpService service = new ReferralFollowUpService(ws);
            ReferralCorrection same = ReferralCorrection.of(r);
            assertThatThrownBy(() -> service.correct(r, same)).satisfies(e ->
                    assertThat(key(e)).isEqualTo("correction.nothingChanged"));
            ReferralCorrection later = new ReferralCorrection(ServiceType.HTS, null, TODAY.minusDays(4),
                    TODAY.plusDays(9), null, ReferralStatus.PENDING, null);
            service.correct(r, later);
            // r is the form opened before that correction
            ReferralCorrection other = new ReferralCorrection(ServiceType.HTS, null, TODAY.minusDays(4),
                    TODAY.plusDays(2), null, ReferralStatus.PENDING, null);
            assertThatThrownBy(() -> service.correct(r, other)).satisfies(e ->
                    assertThat(key(e)).isEqualTo("changedElsewhere"));
            Referral now = OpsFixtures.reload(ws, r);
            assertThatThrownBy(() -> service.correct(now, new ReferralCorrection(ServiceType.HTS, null,
                    TODAY.minusDays(4), TODAY.minusDays(5), null, ReferralStatus.PENDING, null)))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("referral.dueBeforeMade"));
            assertThat(service.history(r.id())).hasSize(1);
            assertThat(OpsFixtures.reload(ws, r).dueDate()).isEqualTo(TODAY.plusDays(9));
        }
    }

    @Test
    void aVoidedReferralLeavesTheFollowUpListAndItsCounts() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral overdue = OpsFixtures.referral(ws, c, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(2));
            OpsFixtures.referral(ws, c, ServiceType.STI, TODAY.minusDays(3), TODAY);
            OpsFixtures.referral(ws, c, ServiceType.LEGAL, TODAY.minusDays(1), TODAY.plusDays(4));
            ReferralFollowUpService service = new ReferralFollowUpService(ws);
            assertThat(service.counts(FollowUpFilter.ALL)).isEqualTo(new FollowUpCounts(1, 1, 1));

            RecordMeta after = service.voidReferral(overdue, VoidReason.ENTERED_TWICE);

            assertThat(after.version()).isEqualTo(2);
            assertThat(service.counts(FollowUpFilter.ALL)).isEqualTo(new FollowUpCounts(0, 1, 1));
            Paged<?> page = service.pending(FollowUpFilter.ALL, 0, 10);
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.rows()).hasSize(2);
            assertThat(service.history(overdue.id())).singleElement().satisfies(h -> {
                assertThat(h.kind()).isEqualTo(ChangeKind.VOID);
                assertThat(h.reason()).isEqualTo(VoidReason.ENTERED_TWICE);
                assertThat(h.fields()).containsExactly(new FieldChange("voided", "false", "true"));
            });
            assertThat(lastAudit(ws).detail()).isEqualTo("voided");
            // voided once is voided: a second void or a correction finds it changed
            Referral stored = OpsFixtures.reload(ws, overdue);
            assertThatThrownBy(() -> service.voidReferral(stored, VoidReason.OTHER))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("changedElsewhere"));
            assertThatThrownBy(() -> service.correct(stored, new ReferralCorrection(ServiceType.STI, null,
                    TODAY.minusDays(10), TODAY.minusDays(2), null, ReferralStatus.PENDING, null)))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("changedElsewhere"));
        }
    }

    @Test
    void anOutreachWorkerCorrectsAndVoidsOnlyHerOwnReferralsOfTheLastSevenDaysAndNeverAnOutcome() {
        Referral ownRecent;
        Referral ownOld;
        Referral othersRecent;
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            new UserService(admin).add("ow1", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            new UserService(admin).add("ow2", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
        }
        Contact c;
        try (Workspace ow2 = TestWorkspaces.vaults().unlock(dir, "ow2", TestWorkspaces.PASSWORD.toCharArray())) {
            c = OpsFixtures.contact(ow2, "SOCH2150398", null);
            othersRecent = referralEntered(ow2, c, 1);
        }
        try (Workspace ow1 = TestWorkspaces.vaults().unlock(dir, "ow1", TestWorkspaces.PASSWORD.toCharArray())) {
            ownRecent = referralEntered(ow1, c, 7);
            ownOld = referralEntered(ow1, c, 8);
            ReferralFollowUpService service = new ReferralFollowUpService(ow1);
            ReferralCorrection note = new ReferralCorrection(ServiceType.HTS, null, ownRecent.madeDate(),
                    ownRecent.dueDate(), "asked twice", ReferralStatus.PENDING, null);
            assertThat(service.correct(ownRecent, note).note()).isEqualTo("asked twice");
            assertThatThrownBy(() -> service.correct(ownOld, new ReferralCorrection(ServiceType.HTS, null,
                    ownOld.madeDate(), ownOld.dueDate(), "late", ReferralStatus.PENDING, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.voidReferral(othersRecent, VoidReason.WRONG_PERSON))
                    .isInstanceOf(AccessDeniedException.class);
            Referral current = OpsFixtures.reload(ow1, ownRecent);
            assertThatThrownBy(() -> service.correct(current, new ReferralCorrection(ServiceType.HTS, null,
                    current.madeDate(), current.dueDate(), "asked twice", ReferralStatus.COMPLETED, TODAY)))
                    .isInstanceOf(AccessDeniedException.class);
            service.voidReferral(current, VoidReason.ENTERED_TWICE);
            assertThat(service.history(othersRecent.id())).isEmpty();
            assertThat(service.history(ownOld.id())).isEmpty();
            assertThat(service.history(ownRecent.id())).extracting(RecordChange::kind)
                    .containsExactly(ChangeKind.CORRECT, ChangeKind.VOID);
        }
        // a manager may change anything, old or not, whoever entered it
        try (Workspace admin = TestWorkspaces.vaults().unlock(dir, "admin", TestWorkspaces.PASSWORD.toCharArray())) {
            new ReferralFollowUpService(admin).voidReferral(ownOld, VoidReason.OTHER);
            assertThat(new ReferralFollowUpService(admin).history(ownOld.id())).hasSize(1);
        }
    }

    // --- incidents ---------------------------------------------------------------------------------------

    private static IncidentService.NewIncident incident(String uic, IncidentService.ReferralRequest referral) {
        return new IncidentService.NewIncident(TODAY.minusDays(1), null, uic, IncidentType.POLICE_HARASSMENT,
                Perpetrator.POLICE, true, "accompanied to the commune office", referral);
    }

    @Test
    void anIncidentIsCorrectedFieldByFieldWithItsHistoryAndAnAuditEntryWithoutValues() {
        try (Workspace ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir)) {
            OpsFixtures.contact(ws, "SOCH2150398", null);
            IncidentService service = new IncidentService(ws);
            Incident i = service.record(incident(null, null));
            IncidentCorrection c = new IncidentCorrection(TODAY.minusDays(2), null, "SOCH2150398",
                    IncidentType.EXTORTION, Perpetrator.POLICE, false, null);
            Incident v2 = service.correct(i, c);
            assertThat(v2.meta().version()).isEqualTo(2);
            IncidentListing listed = service.list(0, 10).rows().get(0);
            assertThat(listed.incident().type()).isEqualTo(IncidentType.EXTORTION);
            assertThat(listed.incident().date()).isEqualTo(TODAY.minusDays(2));
            assertThat(listed.incident().supportGiven()).isFalse();
            assertThat(listed.incident().supportNote()).isNull();
            assertThat(listed.contactUic().value()).isEqualTo("SOCH2150398");
            assertThat(listed.voided()).isFalse();
            AuditEntry audit = lastAudit(ws);
            assertThat(audit.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(audit.recordType()).isEqualTo("incident");
            assertThat(audit.detail()).isEqualTo("date,contactId,type,supportGiven,supportNote")
                    .doesNotContain("commune").doesNotContain("SOCH");
            RecordChange h = service.history(i.meta().id()).get(0);
            assertThat(h.fields()).extracting(FieldChange::field, FieldChange::oldValue)
                    .contains(tuple("type", "POLICE_HARASSMENT"), tuple("supportNote", "accompanied to the commune office"),
                            tuple("supportGiven", "true"), tuple("date", "2026-10-19"), tuple("contactId", null));
            // the same form again: nothing to change
            assertThatThrownBy(() -> service.correct(v2, IncidentCorrection.of(listed)))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("correction.nothingChanged"));
        }
    }

    @Test
    void aVoidedIncidentStaysInTheRegisterStruckThroughAndTakesItsPendingReferralWithIt() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            OpsFixtures.contact(ws, "SOCH2150398", null);
            IncidentService service = new IncidentService(ws);
            Incident i = service.record(incident("SOCH2150398",
                    new IncidentService.ReferralRequest(ServiceType.LEGAL, null, null)));
            service.record(incident(null, null));
            ReferralFollowUpService followUp = new ReferralFollowUpService(ws);
            assertThat(followUp.pending(FollowUpFilter.ALL, 0, 10).total()).isEqualTo(1);

            // the contact of an incident with a live referral stays with it
            assertThatThrownBy(() -> service.correct(i, new IncidentCorrection(i.date(), null, null, i.type(),
                    i.perpetrator(), true, i.supportNote())))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("incident.contactHasReferral"));

            service.voidIncident(i, VoidReason.WRONG_DETAILS);

            Paged<IncidentListing> list = service.list(0, 10);
            assertThat(list.total()).isEqualTo(2);
            IncidentListing voided = list.rows().stream().filter(l -> l.incident().meta().id().equals(i.meta().id()))
                    .findFirst().orElseThrow();
            assertThat(voided.voidReason()).isEqualTo(VoidReason.WRONG_DETAILS);
            assertThat(voided.referralService()).isNull();
            assertThat(followUp.pending(FollowUpFilter.ALL, 0, 10).total()).isZero();
            assertThat(followUp.counts(FollowUpFilter.ALL)).isEqualTo(new FollowUpCounts(0, 0, 0));
            assertThat(service.history(i.meta().id())).singleElement()
                    .extracting(RecordChange::kind, RecordChange::reason)
                    .containsExactly(ChangeKind.VOID, VoidReason.WRONG_DETAILS);
            assertThat(followUp.history(i.referralId())).singleElement()
                    .extracting(RecordChange::kind, RecordChange::recordType)
                    .containsExactly(ChangeKind.VOID, RecordType.REFERRAL);
            assertThat(lastAudit(ws).detail()).isEqualTo("voided; pending referral voided with it");
        }
    }

    @Test
    void anOutreachWorkerMayNotCorrectAnIncidentSomeoneElseRecorded() {
        Incident byCoordinator;
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            new UserService(admin).add("ow1", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            byCoordinator = new IncidentService(admin).record(incident(null, null));
        }
        try (Workspace ow = TestWorkspaces.vaults().unlock(dir, "ow1", TestWorkspaces.PASSWORD.toCharArray())) {
            IncidentService service = new IncidentService(ow);
            assertThatThrownBy(() -> service.voidIncident(byCoordinator, VoidReason.OTHER))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.correct(byCoordinator, new IncidentCorrection(TODAY, null, null,
                    IncidentType.THEFT, Perpetrator.POLICE, true, null))).isInstanceOf(AccessDeniedException.class);
            Incident own = service.record(incident(null, null));
            service.voidIncident(own, VoidReason.ENTERED_TWICE);
            assertThat(service.list(0, 10).rows()).filteredOn(IncidentListing::voided).hasSize(1);
            assertThat(service.history(byCoordinator.meta().id())).isEmpty();
        }
    }

    // --- stock -------------------------------------------------------------------------------------------

    @Test
    void stockOnHandAfterAVoidedReceiptAndACorrectedIssue() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            StockService stock = new StockService(ws);
            stock.receive(Commodity.MALE_CONDOM, 500, TODAY.minusDays(5), "Team A", null);
            CommodityMovement twice = stock.receive(Commodity.MALE_CONDOM, 300, TODAY.minusDays(5), "Team A", null);
            CommodityMovement issue = stock.issue(Commodity.MALE_CONDOM, 100, TODAY.minusDays(1), "Team A", "expired");
            assertThat(onHand(ws, "Team A").get(Commodity.MALE_CONDOM)).isEqualTo(700);

            stock.voidMovement(twice, VoidReason.ENTERED_TWICE);
            // 500 - 100
            assertThat(onHand(ws, "Team A").get(Commodity.MALE_CONDOM)).isEqualTo(400);
            assertThat(onHand(ws, null).get(Commodity.MALE_CONDOM)).isEqualTo(400);
            Paged<LedgerLine> ledger = stock.ledger(null, "Team A", 0, 10);
            assertThat(ledger.total()).isEqualTo(3);
            assertThat(ledger.rows()).filteredOn(LedgerLine::voided).singleElement()
                    .satisfies(l -> {
                        assertThat(l.movement().meta().id()).isEqualTo(twice.meta().id());
                        assertThat(l.voidReason()).isEqualTo(VoidReason.ENTERED_TWICE);
                    });

            // the issue was 10, not 100: 500 - 10; and it was lubricant's… no: only the quantity and the note
            CommodityMovement v2 = stock.correct(issue, new MovementCorrection(issue.date(), Commodity.MALE_CONDOM, 10,
                    "Team A", null));
            assertThat(v2.quantity()).isEqualTo(-10);
            assertThat(onHand(ws, "Team A").get(Commodity.MALE_CONDOM)).isEqualTo(490);
            assertThat(stock.history(issue.meta().id())).singleElement().satisfies(h ->
                    assertThat(h.fields()).containsExactlyInAnyOrder(new FieldChange("quantity", "-100", "-10"),
                            new FieldChange("note", "expired", null)));
            assertThat(lastAudit(ws).detail()).isEqualTo("quantity,note");
            assertThat(lastAudit(ws).recordType()).isEqualTo("commodity_movement");
        }
    }

    @Test
    void aCorrectionOrVoidThatWouldLeaveLessThanNothingIsRefusedAndHandOutsFollowTheirEncounter() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            StockService stock = new StockService(ws);
            CommodityMovement receipt = stock.receive(Commodity.LUBRICANT, 1000, TODAY.minusDays(3), "Team A", null);
            stock.issue(Commodity.LUBRICANT, 300, TODAY.minusDays(1), "Team A", null);
            assertThatThrownBy(() -> stock.correct(receipt, new MovementCorrection(receipt.date(), Commodity.LUBRICANT,
                    100, "Team A", null))).satisfies(e -> assertThat(key(e)).isEqualTo("stock.belowZero"));
            // moving the receipt to another team takes it from Team A, which has issued 300 of it
            assertThatThrownBy(() -> stock.correct(receipt, new MovementCorrection(receipt.date(), Commodity.LUBRICANT,
                    1000, "Team B", null))).satisfies(e -> assertThat(key(e)).isEqualTo("stock.belowZero"));
            assertThatThrownBy(() -> stock.voidMovement(receipt, VoidReason.OTHER))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("stock.belowZero"));
            assertThat(onHand(ws, "Team A").get(Commodity.LUBRICANT)).isEqualTo(700);
            assertThat(stock.history(receipt.meta().id())).isEmpty();
            stock.correct(receipt, new MovementCorrection(receipt.date(), Commodity.LUBRICANT, 400, "Team A", null));
            assertThat(onHand(ws, "Team A").get(Commodity.LUBRICANT)).isEqualTo(100);

            CommodityMovement handout = new CommodityMovement(ws.newMeta(), TODAY, Commodity.LUBRICANT,
                    MovementKind.HANDOUT, -5, "Team A", null, null);
            ws.write(Permission.RECORDS, AuditAction.CREATE, "commodity_movement", null, null, tx -> {
                tx.stock().insert(handout);
                return null;
            });
            assertThatThrownBy(() -> stock.voidMovement(handout, VoidReason.OTHER))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("stock.handoutFollowsEncounter"));
            assertThatThrownBy(() -> stock.correct(handout, new MovementCorrection(TODAY, Commodity.LUBRICANT, 2,
                    "Team A", null))).satisfies(e -> assertThat(key(e)).isEqualTo("stock.handoutFollowsEncounter"));
            // the form was opened on version 1 of the receipt
            assertThatThrownBy(() -> stock.correct(receipt, new MovementCorrection(receipt.date(), Commodity.LUBRICANT,
                    900, "Team A", null))).satisfies(e -> assertThat(key(e)).isEqualTo("changedElsewhere"));
        }
    }

    @Test
    void aStockCountRecordsAnAdjustmentForEachDifferenceAndTheAdjustmentIsAMovementLikeAnyOther() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            StockService stock = new StockService(ws);
            stock.receive(Commodity.MALE_CONDOM, 400, TODAY.minusDays(9), "Team A", null);
            stock.receive(Commodity.LUBRICANT, 50, TODAY.minusDays(9), "Team A", null);
            stock.issue(Commodity.LUBRICANT, 10, TODAY.minusDays(8), "Team A", null);
            stock.receive(Commodity.MALE_CONDOM, 70, TODAY.minusDays(9), "Team B", null);

            Map<Commodity, Integer> counted = new EnumMap<>(Commodity.class);
            counted.put(Commodity.MALE_CONDOM, 385);
            counted.put(Commodity.LUBRICANT, 40);
            counted.put(Commodity.FEMALE_CONDOM, 12);
            List<CommodityMovement> adjustments = stock.count("Team A", TODAY, counted, "monthly count");

            // 385 - 400 = -15; 40 - 40 = nothing; 12 - 0 = +12; self-tests not counted
            assertThat(adjustments).extracting(CommodityMovement::commodity, CommodityMovement::kind,
                            CommodityMovement::quantity, CommodityMovement::team, CommodityMovement::note)
                    .containsExactlyInAnyOrder(
                            tuple(Commodity.MALE_CONDOM, MovementKind.ADJUSTMENT, -15, "Team A", "monthly count"),
                            tuple(Commodity.FEMALE_CONDOM, MovementKind.ADJUSTMENT, 12, "Team A", "monthly count"));
            Map<Commodity, Integer> a = onHand(ws, "Team A");
            assertThat(a).containsEntry(Commodity.MALE_CONDOM, 385).containsEntry(Commodity.LUBRICANT, 40)
                    .containsEntry(Commodity.FEMALE_CONDOM, 12).containsEntry(Commodity.HIV_SELF_TEST, 0);
            assertThat(onHand(ws, "Team B").get(Commodity.MALE_CONDOM)).isEqualTo(70);
            assertThat(lastAudit(ws).detail()).isEqualTo("stock count");

            CommodityMovement male = adjustments.stream().filter(m -> m.commodity() == Commodity.MALE_CONDOM)
                    .findFirst().orElseThrow();
            CommodityMovement female = adjustments.stream().filter(m -> m.commodity() == Commodity.FEMALE_CONDOM)
                    .findFirst().orElseThrow();
            // 395 were counted, not 385: 400 - 5
            stock.correct(male, new MovementCorrection(TODAY, Commodity.MALE_CONDOM, -5, "Team A", "monthly count"));
            stock.voidMovement(female, VoidReason.WRONG_DETAILS);
            assertThat(onHand(ws, "Team A")).containsEntry(Commodity.MALE_CONDOM, 395)
                    .containsEntry(Commodity.FEMALE_CONDOM, 0);
            assertThat(stock.history(male.meta().id())).singleElement().extracting(RecordChange::fields)
                    .isEqualTo(List.of(new FieldChange("quantity", "-15", "-5")));

            // a count that matches records nothing
            assertThat(stock.count("Team A", TODAY, Map.of(Commodity.MALE_CONDOM, 395), "check")).isEmpty();
            assertThatThrownBy(() -> stock.count("Team A", TODAY, Map.of(Commodity.MALE_CONDOM, 395), " "))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("ops.required"));
            assertThatThrownBy(() -> stock.count(null, TODAY, Map.of(Commodity.MALE_CONDOM, 395), "check"))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("ops.required"));
        }
    }

    @Test
    void onlyCoordinatorsAndAboveCorrectStockAndCountIt() {
        CommodityMovement receipt;
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            new UserService(admin).add("ow1", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            new UserService(admin).add("mgr", Role.MANAGER, TestWorkspaces.PASSWORD.toCharArray());
            receipt = new StockService(admin).receive(Commodity.HIV_SELF_TEST, 60, TODAY, "Team A", null);
        }
        try (Workspace ow = TestWorkspaces.vaults().unlock(dir, "ow1", TestWorkspaces.PASSWORD.toCharArray())) {
            StockService stock = new StockService(ow);
            assertThatThrownBy(() -> stock.voidMovement(receipt, VoidReason.OTHER))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> stock.correct(receipt, new MovementCorrection(TODAY, Commodity.HIV_SELF_TEST, 6,
                    "Team A", null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> stock.count("Team A", TODAY, Map.of(Commodity.HIV_SELF_TEST, 6), "count"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(stock.history(receipt.meta().id())).isEmpty();
        }
        try (Workspace mgr = TestWorkspaces.vaults().unlock(dir, "mgr", TestWorkspaces.PASSWORD.toCharArray())) {
            new StockService(mgr).correct(receipt, new MovementCorrection(TODAY, Commodity.HIV_SELF_TEST, 6,
                    "Team A", null));
            assertThat(onHand(mgr, "Team A").get(Commodity.HIV_SELF_TEST)).isEqualTo(6);
        }
    }
}
