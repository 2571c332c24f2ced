package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.DueWindow;
import org.outreachdesk.domain.FollowUpCounts;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.PendingReferral;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;

class ReferralFollowUpServiceTest {

    @TempDir
    Path dir;

    @Test
    void pendingReferralsAreSplitByDueDateAndFilteredByWorkerAndService() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            Staff ow1 = OpsFixtures.staff(ws, "OW01");
            Staff ow2 = OpsFixtures.staff(ws, "OW02");
            Contact a = OpsFixtures.contact(ws, "SOCH2150398", ow1.meta().id());
            Contact b = OpsFixtures.contact(ws, "MALY2010190", ow2.meta().id());
            Contact c = OpsFixtures.contact(ws, "CHDA2121295", null);
            Referral overdue = OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(3));
            Referral today = OpsFixtures.referral(ws, b, ServiceType.STI, TODAY.minusDays(7), TODAY);
            Referral later = OpsFixtures.referral(ws, a, ServiceType.LEGAL, TODAY.minusDays(1), TODAY.plusDays(6));
            Referral noDue = OpsFixtures.referral(ws, c, ServiceType.HTS, TODAY.minusDays(1), null);
            Referral closed = OpsFixtures.referral(ws, b, ServiceType.HTS, TODAY.minusDays(20), TODAY.minusDays(13));
            ReferralFollowUpService followUp = new ReferralFollowUpService(ws);
            followUp.close(closed, ReferralStatus.COMPLETED, TODAY.minusDays(12));

            Paged<PendingReferral> all = followUp.pending(FollowUpFilter.ALL, 0, 50);
            assertThat(all.total()).isEqualTo(4);
            assertThat(all.rows()).extracting(p -> p.referral().id())
                    .containsExactly(overdue.id(), today.id(), later.id(), noDue.id());
            PendingReferral first = all.rows().get(0);
            assertThat(first.uic().value()).isEqualTo("SOCH2150398");
            assertThat(first.workerCode()).isEqualTo("OW01");
            assertThat(all.rows().get(3).workerCode()).isNull();

            assertThat(followUp.counts(FollowUpFilter.ALL)).isEqualTo(new FollowUpCounts(1, 1, 2));
            assertThat(followUp.pending(FollowUpFilter.ALL.withWindow(DueWindow.OVERDUE), 0, 50).rows())
                    .extracting(p -> p.referral().id()).containsExactly(overdue.id());
            assertThat(followUp.pending(FollowUpFilter.ALL.withWindow(DueWindow.DUE_TODAY), 0, 50).rows())
                    .extracting(p -> p.referral().id()).containsExactly(today.id());
            assertThat(followUp.pending(FollowUpFilter.ALL.withWindow(DueWindow.UPCOMING), 0, 50).rows())
                    .extracting(p -> p.referral().id()).containsExactly(later.id(), noDue.id());

            FollowUpFilter byOw1 = new FollowUpFilter(DueWindow.ALL, ow1.meta().id(), null);
            assertThat(followUp.pending(byOw1, 0, 50).rows()).extracting(p -> p.referral().id())
                    .containsExactly(overdue.id(), later.id());
            assertThat(followUp.counts(byOw1)).isEqualTo(new FollowUpCounts(1, 0, 1));
            FollowUpFilter hts = new FollowUpFilter(DueWindow.ALL, null, ServiceType.HTS);
            assertThat(followUp.pending(hts, 0, 50).rows()).extracting(p -> p.referral().id())
                    .containsExactly(overdue.id(), noDue.id());
            assertThat(followUp.pending(new FollowUpFilter(DueWindow.OVERDUE, ow2.meta().id(), null), 0, 50).total())
                    .isZero();

            Paged<PendingReferral> page2 = followUp.pending(FollowUpFilter.ALL, 2, 2);
            assertThat(page2.rows()).extracting(p -> p.referral().id()).containsExactly(later.id(), noDue.id());
            assertThat(page2.pageNumber()).isEqualTo(2);
            assertThat(page2.pageCount()).isEqualTo(2);
            assertThat(page2.hasNext()).isFalse();
        }
    }

    @Test
    void aCoordinatorClosesAReferralWithAnOutcomeAndADate() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            Contact a = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral r = OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(3));
            ReferralFollowUpService followUp = new ReferralFollowUpService(ws);
            Referral closed = followUp.close(r, ReferralStatus.DECLINED, TODAY.minusDays(2));
            Referral stored = OpsFixtures.reload(ws, r);
            assertThat(stored.status()).isEqualTo(ReferralStatus.DECLINED);
            assertThat(stored.closedDate()).isEqualTo(TODAY.minusDays(2));
            assertThat(stored.meta().version()).isEqualTo(2);
            assertThat(closed).isEqualTo(stored);
            assertThat(followUp.pending(FollowUpFilter.ALL, 0, 10).total()).isZero();
            var audit = ws.vault().database().read(tx -> tx.audit().latest(1)).get(0);
            assertThat(audit.recordType()).isEqualTo("referral");
            assertThat(audit.recordId()).isEqualTo(r.id().toString());
            assertThat(audit.detail()).isEqualTo("DECLINED");
            assertThatThrownBy(() -> followUp.close(stored, ReferralStatus.COMPLETED, TODAY))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("already closed");
        }
    }

    @Test
    void theOutcomeDateIsNotInTheFutureNorBeforeTheReferral() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            Contact a = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral r = OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(3));
            ReferralFollowUpService followUp = new ReferralFollowUpService(ws);
            assertThatThrownBy(() -> followUp.close(r, ReferralStatus.COMPLETED, TODAY.plusDays(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
            assertThatThrownBy(() -> followUp.close(r, ReferralStatus.COMPLETED, TODAY.minusDays(11)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the date the referral was made");
            assertThatThrownBy(() -> followUp.close(r, ReferralStatus.PENDING, TODAY))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("completed, declined or lost");
            assertThatThrownBy(() -> followUp.close(r, ReferralStatus.LOST, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("required");
            assertThat(OpsFixtures.reload(ws, r).status()).isEqualTo(ReferralStatus.PENDING);
            // the day it was made and today are both fine
            assertThat(followUp.close(r, ReferralStatus.LOST, TODAY.minusDays(10)).closedDate())
                    .isEqualTo(TODAY.minusDays(10));
        }
    }

    @Test
    void aReferralChangedMeanwhileIsNotOverwritten() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            Contact a = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral r = OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(3));
            ReferralFollowUpService followUp = new ReferralFollowUpService(ws);
            Referral seenByA = OpsFixtures.reload(ws, r);
            followUp.close(r, ReferralStatus.COMPLETED, TODAY);
            // a stale copy that still says pending cannot close it again
            assertThatThrownBy(() -> followUp.close(seenByA, ReferralStatus.LOST, TODAY))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("changed elsewhere");
            assertThat(OpsFixtures.reload(ws, r).status()).isEqualTo(ReferralStatus.COMPLETED);
        }
    }

    @Test
    void anOutreachWorkerSeesReferralsButCannotRecordOutcomes() {
        try (Workspace ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir)) {
            Contact a = OpsFixtures.contact(ws, "SOCH2150398", null);
            Referral r = OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(3));
            ReferralFollowUpService followUp = new ReferralFollowUpService(ws);
            assertThat(followUp.pending(FollowUpFilter.ALL, 0, 10).rows()).hasSize(1);
            assertThat(followUp.counts(FollowUpFilter.ALL).overdue()).isEqualTo(1);
            assertThatThrownBy(() -> followUp.close(r, ReferralStatus.COMPLETED, TODAY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(OpsFixtures.reload(ws, r).status()).isEqualTo(ReferralStatus.PENDING);
        }
    }

    @Test
    void aVoidedReferralIsListedAmongTheClosedOnesWithItsReasonAndNeverAsPending() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            Staff ow1 = OpsFixtures.staff(ws, "OW01");
            Contact a = OpsFixtures.contact(ws, "SOCH2150398", ow1.meta().id());
            ReferralFollowUpService followUp = new ReferralFollowUpService(ws);
            Referral live = OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(3));
            Referral voidedPending = OpsFixtures.referral(ws, a, ServiceType.STI, TODAY.minusDays(9), TODAY.plusDays(2));
            Referral completed = followUp.close(
                    OpsFixtures.referral(ws, a, ServiceType.LEGAL, TODAY.minusDays(20), TODAY.minusDays(13)),
                    ReferralStatus.COMPLETED, TODAY.minusDays(12));
            Referral voidedClosed = followUp.close(
                    OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(8), TODAY.minusDays(1)),
                    ReferralStatus.LOST, TODAY.minusDays(5));
            followUp.voidReferral(voidedPending, VoidReason.ENTERED_TWICE);
            followUp.voidReferral(voidedClosed, VoidReason.WRONG_PERSON);

            Paged<PendingReferral> pending = followUp.pending(FollowUpFilter.ALL, 0, 50);
            assertThat(pending.rows()).extracting(p -> p.referral().id()).containsExactly(live.id());
            assertThat(pending.total()).isEqualTo(1);
            assertThat(followUp.counts(FollowUpFilter.ALL)).isEqualTo(new FollowUpCounts(1, 0, 0));

            Paged<PendingReferral> closed = followUp.closed(FollowUpFilter.ALL, 0, 50);
            // the voided one never closed first, then by closed date, newest first
            assertThat(closed.rows()).extracting(p -> p.referral().id())
                    .containsExactly(voidedPending.id(), voidedClosed.id(), completed.id());
            assertThat(closed.total()).isEqualTo(3);
            assertThat(closed.rows()).extracting(PendingReferral::voidReason)
                    .containsExactly(VoidReason.ENTERED_TWICE, VoidReason.WRONG_PERSON, null);
            assertThat(closed.rows().get(0).referral().status()).isEqualTo(ReferralStatus.PENDING);
            assertThat(closed.rows().get(0).uic().value()).isEqualTo("SOCH2150398");
            assertThat(closed.rows().get(2).voided()).isFalse();
            // filters still apply to voided referrals
            assertThat(followUp.closed(new FollowUpFilter(DueWindow.ALL, null, ServiceType.STI), 0, 50).rows())
                    .extracting(p -> p.referral().id()).containsExactly(voidedPending.id());
            assertThat(followUp.closed(new FollowUpFilter(DueWindow.ALL, null, ServiceType.PREP), 0, 50).total())
                    .isZero();
        }
    }
}
