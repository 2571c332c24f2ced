package org.outreachdesk.app;

import java.time.LocalDate;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.FollowUpCounts;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.PendingReferral;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;

/**
 * The coordinators' follow-up of referrals: pending referrals by due date (everyone may look, RECORDS) and
 * their outcome — completed, declined or lost, with a date (COORDINATE).
 *
 * <p>"By worker" means the contact's assigned outreach worker: the person who will meet her again and
 * ask whether she reached the service. Referrals of contacts without an assigned worker show under "any
 * worker" only.
 */
public final class ReferralFollowUpService {

    static final String RECORD_TYPE = "referral";

    private final Workspace ws;

    public ReferralFollowUpService(Workspace ws) {
        this.ws = ws;
    }

    /** One page of pending referrals matching {@code filter}, soonest due first. */
    public Paged<PendingReferral> pending(FollowUpFilter filter, int offset, int limit) {
        OpsChecks.required(filter, "The filter");
        OpsChecks.page(offset, limit);
        LocalDate today = ws.today();
        return ws.read(Permission.RECORDS, tx -> new Paged<>(tx.followUp().page(filter, today, offset, limit),
                tx.followUp().count(filter, today), offset, limit));
    }

    /** Pending referrals overdue, due today and upcoming, for {@code filter}'s worker and service. */
    public FollowUpCounts counts(FollowUpFilter filter) {
        OpsChecks.required(filter, "The filter");
        LocalDate today = ws.today();
        return ws.read(Permission.RECORDS, tx -> tx.followUp().counts(filter, today));
    }

    /**
     * Closes a pending referral with its outcome on {@code date}: not in the future and not before the
     * referral was made. {@code original} is the referral as read; if someone changed it since, nothing is
     * stored and the message says to reload.
     */
    public Referral close(Referral original, ReferralStatus outcome, LocalDate date) {
        ws.require(Permission.COORDINATE);
        OpsChecks.required(original, "The referral");
        OpsChecks.required(outcome, "The outcome");
        if (!outcome.isClosed()) {
            throw new InvalidInputException("The outcome must be completed, declined or lost").keyed("referral.outcome");
        }
        OpsChecks.pastOrToday(date, ws.today(), "The outcome date");
        if (date.isBefore(original.madeDate())) {
            throw new InvalidInputException("The outcome date cannot be before the date the referral was made")
                    .keyed("referral.outcomeBeforeMade");
        }
        if (original.status().isClosed()) {
            throw new InvalidInputException("This referral is already closed").keyed("referral.closed");
        }
        Referral closed = new Referral(ws.touch(original.meta()), original.contactId(), original.encounterId(),
                original.serviceType(), original.directoryEntryId(), original.madeDate(), original.dueDate(),
                outcome, date, original.note());
        return OpsChecks.concurrently(() -> ws.write(Permission.COORDINATE, AuditAction.UPDATE, RECORD_TYPE,
                closed.id().toString(), outcome.code(), tx -> {
                    tx.referrals().update(closed);
                    return closed;
                }));
    }
}
