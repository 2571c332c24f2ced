package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.FollowUpCounts;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.PendingReferral;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.Tx;

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

    /**
     * One page of closed referrals for {@code filter}'s worker and service (its window ignored), most recently
     * closed first: an outcome recorded by mistake is found here and corrected ({@link #correct}). Voided referrals
     * (whatever their status; {@link PendingReferral#voidReason}) are listed here too, so that their history can be
     * read; they are never pending.
     */
    public Paged<PendingReferral> closed(FollowUpFilter filter, int offset, int limit) {
        OpsChecks.required(filter, "The filter");
        OpsChecks.page(offset, limit);
        return ws.read(Permission.RECORDS, tx -> new Paged<>(tx.followUp().closedPage(filter, offset, limit),
                tx.followUp().closedCount(filter), offset, limit));
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

    // --- corrections and voids (issue 14, ADR 13) ---------------------------------------------------

    /**
     * What a correction of a referral may change, as the correction form shows it: service, destination (null for
     * none), made date, due date (null for none), note, and the outcome (status, with its closed date when closed).
     */
    public record ReferralCorrection(ServiceType serviceType, UUID directoryEntryId, LocalDate madeDate,
                                     LocalDate dueDate, String note, ReferralStatus status, LocalDate closedDate) {

        /** The form filled with the referral as it is. */
        public static ReferralCorrection of(Referral r) {
            return new ReferralCorrection(r.serviceType(), r.directoryEntryId(), r.madeDate(), r.dueDate(), r.note(),
                    r.status(), r.closedDate());
        }

        @Override
        public String toString() {
            return "ReferralCorrection[" + serviceType + ", " + status + "]";
        }
    }

    /**
     * Corrects a referral ({@code original} as the form read it): the user who entered it within
     * {@link Corrections#OWN_ENTRY_DAYS} days, or a coordinator or above; its outcome (status, closed date — a
     * closed outcome may be set back to pending) only by those who record outcomes (COORDINATE). Refused when
     * nothing changed, and "changed elsewhere" when the referral moved on or was voided since.
     */
    public Referral correct(Referral original, ReferralCorrection c) {
        ws.require(Permission.RECORDS);
        OpsChecks.required(original, "The referral");
        OpsChecks.required(c, "The referral");
        ServiceType service = OpsChecks.required(c.serviceType(), "The service");
        ReferralStatus status = OpsChecks.required(c.status(), "The outcome");
        LocalDate today = ws.today();
        LocalDate made = OpsChecks.pastOrToday(c.madeDate(), today, "The made date");
        if (c.dueDate() != null && c.dueDate().isBefore(made)) {
            throw new InvalidInputException("The follow-up date cannot be before the date the referral was made")
                    .keyed("referral.dueBeforeMade");
        }
        LocalDate closed = null;
        if (status.isClosed()) {
            closed = OpsChecks.pastOrToday(c.closedDate(), today, "The outcome date");
            if (closed.isBefore(made)) {
                throw new InvalidInputException("The outcome date cannot be before the date the referral was made")
                        .keyed("referral.outcomeBeforeMade");
            }
        }
        String note = OpsChecks.optionalText(c.note(), 500, "The note");
        Referral corrected = new Referral(ws.touch(original.meta()), original.contactId(), original.encounterId(),
                service, c.directoryEntryId(), made, c.dueDate(), status, closed, note);
        List<FieldChange> fields = CorrectionWrites.diff(
                "serviceType", original.serviceType(), corrected.serviceType(),
                "directoryEntryId", original.directoryEntryId(), corrected.directoryEntryId(),
                "madeDate", original.madeDate(), corrected.madeDate(),
                "dueDate", original.dueDate(), corrected.dueDate(),
                "note", original.note(), corrected.note(),
                "status", original.status(), corrected.status(),
                "closedDate", original.closedDate(), corrected.closedDate());
        CorrectionWrites.requireSomeChange(fields);
        if (fields.stream().anyMatch(f -> f.field().equals("status") || f.field().equals("closedDate"))) {
            ws.require(Permission.COORDINATE);
        }
        boolean destinationToCheck = corrected.directoryEntryId() != null
                && fields.stream().anyMatch(f -> f.field().equals("serviceType") || f.field().equals("directoryEntryId"));
        return CorrectionWrites.write(ws, Permission.RECORDS, RecordType.REFERRAL, RECORD_TYPE, "referral",
                original.meta(), ChangeKind.CORRECT, null, fields, null, tx -> stored(tx, original.id()),
                (tx, after) -> {
                    if (destinationToCheck) {
                        checkDestination(tx, corrected.directoryEntryId(), service);
                    }
                    tx.referrals().correct(corrected);
                    return corrected;
                });
    }

    /** The destination of a corrected referral: an active organisation of the directory offering the service. */
    static void checkDestination(Tx tx, UUID directoryEntryId, ServiceType service) {
        DirectoryEntry d = tx.directory().findById(directoryEntryId).filter(DirectoryEntry::active)
                .orElseThrow(() -> new InvalidInputException("The organisation chosen is not in the directory")
                        .keyed("incident.orgGone"));
        if (!d.services().contains(service)) {
            throw new InvalidInputException("The organisation chosen does not offer this service")
                    .keyed("incident.orgLacksService");
        }
    }

    /**
     * Voids a referral ({@code original} as read) with a reason: kept, off the follow-up list and out of every
     * count. Who may: as {@link #correct}.
     */
    public RecordMeta voidReferral(Referral original, VoidReason reason) {
        ws.require(Permission.RECORDS);
        OpsChecks.required(original, "The referral");
        return CorrectionWrites.voidRecord(ws, Permission.RECORDS, RecordType.REFERRAL, RECORD_TYPE, "referral",
                original.meta(), reason, null, tx -> stored(tx, original.id()), null);
    }

    /** The referral as stored now (to check who may change it). */
    private static Optional<RecordMeta> stored(Tx tx, UUID id) {
        return tx.referrals().findById(id).map(Referral::meta);
    }

    /** Every correction and void of a referral, oldest first (as reading the referral: RECORDS). */
    public List<RecordChange> history(UUID referralId) {
        Objects.requireNonNull(referralId, "referralId");
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(referralId));
    }
}
