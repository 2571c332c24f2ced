package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.InvalidUicException;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.Tx;

/**
 * Safety incidents: anonymised records of harm, recorded and listed by every role (RECORDS). An incident
 * may name a contact by UIC and may carry a referral (for example VIOLENCE or LEGAL to an organisation of
 * the directory), made in the same transaction.
 */
public final class IncidentService {

    static final String RECORD_TYPE = "incident";
    /** Follow-up due this many days after the referral, unless a due date is given. */
    public static final int DEFAULT_FOLLOW_UP_DAYS = 7;

    private final Workspace ws;

    public IncidentService(Workspace ws) {
        this.ws = ws;
    }

    /** A referral made for an incident: service, destination (optional) and follow-up due date (optional). */
    public record ReferralRequest(ServiceType service, UUID directoryEntryId, LocalDate dueDate) {
    }

    /**
     * What the incident form holds. {@code contactUic} is optional (blank for none); {@code referral} is
     * optional and needs a contact.
     */
    public record NewIncident(LocalDate date, UUID siteId, String contactUic, IncidentType type,
                              Perpetrator perpetrator, boolean supportGiven, String supportNote,
                              ReferralRequest referral) {
        @Override
        public String toString() {
            return "NewIncident[" + type + "]";
        }
    }

    public Incident record(NewIncident in) {
        ws.require(Permission.RECORDS);
        OpsChecks.required(in, "The incident");
        LocalDate date = OpsChecks.pastOrToday(in.date(), ws.today(), "The incident date");
        IncidentType type = OpsChecks.required(in.type(), "The incident type");
        Perpetrator perpetrator = OpsChecks.required(in.perpetrator(), "The perpetrator");
        String note = OpsChecks.optionalText(in.supportNote(), 500, "The support note");
        Uic uic = uic(in.contactUic());
        ReferralRequest rr = in.referral();
        if (rr != null) {
            OpsChecks.required(rr.service(), "The referral's service");
            if (uic == null) {
                throw new InvalidInputException("A referral needs a contact: enter the contact's UIC")
                        .keyed("incident.referralNeedsContact");
            }
            if (rr.dueDate() != null && rr.dueDate().isBefore(date)) {
                throw new InvalidInputException("The follow-up date cannot be before the incident date")
                        .keyed("incident.followUpBeforeIncident");
            }
        }
        RecordMeta incidentMeta = ws.newMeta();
        RecordMeta referralMeta = rr == null ? null : ws.newMeta();
        Uic contactUic = uic;
        return ws.write(Permission.RECORDS, AuditAction.CREATE, RECORD_TYPE, incidentMeta.id().toString(),
                referralMeta == null ? null : "referral " + referralMeta.id(), tx -> {
                    UUID contactId = contactId(tx, contactUic);
                    if (in.siteId() != null) {
                        checkSite(tx, in.siteId());
                    }
                    UUID referralId = null;
                    if (rr != null) {
                        referralId = makeReferral(tx, referralMeta, rr, contactId, date);
                    }
                    Incident incident = new Incident(incidentMeta, date, in.siteId(), contactId, type, perpetrator,
                            in.supportGiven(), note, referralId);
                    tx.incidents().insert(incident);
                    return incident;
                });
    }

    /** The UIC typed in the form, or null when blank. */
    private static Uic uic(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Uic.parse(typed);
        } catch (InvalidUicException e) {
            throw new InvalidInputException(e.getMessage()).keyed("uic.invalid", e.getMessage());
        }
    }

    /** The contact with this UIC (null for none). */
    private static UUID contactId(Tx tx, Uic uic) {
        if (uic == null) {
            return null;
        }
        return tx.contacts().findByUic(uic).map(Contact::id).orElseThrow(() ->
                new InvalidInputException("No contact has this UIC; add the contact at the encounter "
                        + "desk first, or leave the UIC empty").keyed("incident.noContact"));
    }

    private static void checkSite(Tx tx, UUID siteId) {
        tx.sites().findById(siteId).filter(Site::active).orElseThrow(() ->
                new InvalidInputException("The site chosen is not an active site").keyed("incident.siteInactive"));
    }

    private static UUID makeReferral(Tx tx, RecordMeta meta, ReferralRequest rr, UUID contactId, LocalDate date) {
        if (rr.directoryEntryId() != null) {
            DirectoryEntry d = tx.directory().findById(rr.directoryEntryId()).filter(DirectoryEntry::active)
                    .orElseThrow(() -> new InvalidInputException("The organisation chosen is not in the directory")
                            .keyed("incident.orgGone"));
            if (!d.services().contains(rr.service())) {
                throw new InvalidInputException("The organisation chosen does not offer this service")
                        .keyed("incident.orgLacksService");
            }
        }
        LocalDate due = rr.dueDate() != null ? rr.dueDate() : date.plusDays(DEFAULT_FOLLOW_UP_DAYS);
        Referral r = new Referral(meta, contactId, null, rr.service(), rr.directoryEntryId(), date, due,
                ReferralStatus.PENDING, null, null);
        tx.referrals().insert(r);
        return r.id();
    }

    /** One page of incidents, newest first. */
    public Paged<IncidentListing> list(int offset, int limit) {
        OpsChecks.page(offset, limit);
        return ws.read(Permission.RECORDS, tx -> new Paged<>(tx.incidents().listing(offset, limit),
                tx.incidents().count(), offset, limit));
    }

    // --- corrections and voids (issue 14, ADR 13) ---------------------------------------------------

    /**
     * What a correction of an incident may change: every field of the incident form but its referral (a referral,
     * once made, is corrected or voided as a referral). {@code contactUic} blank for none.
     */
    public record IncidentCorrection(LocalDate date, UUID siteId, String contactUic, IncidentType type,
                                     Perpetrator perpetrator, boolean supportGiven, String supportNote) {

        /** The form filled with the incident as listed. */
        public static IncidentCorrection of(IncidentListing l) {
            Incident i = l.incident();
            return new IncidentCorrection(i.date(), i.siteId(), l.contactUic() == null ? null : l.contactUic().value(),
                    i.type(), i.perpetrator(), i.supportGiven(), i.supportNote());
        }

        @Override
        public String toString() {
            return "IncidentCorrection[" + type + "]";
        }
    }

    /**
     * Corrects an incident ({@code original} as the form read it): the user who recorded it within
     * {@link Corrections#OWN_ENTRY_DAYS} days, or a coordinator or above. A site or contact that changed must
     * exist (the site active); the contact of an incident with a live referral stays (the referral is hers: void it
     * first). Refused when nothing changed; "changed elsewhere" when it moved on or was voided since.
     */
    public Incident correct(Incident original, IncidentCorrection c) {
        ws.require(Permission.RECORDS);
        OpsChecks.required(original, "The incident");
        OpsChecks.required(c, "The incident");
        LocalDate date = OpsChecks.pastOrToday(c.date(), ws.today(), "The incident date");
        IncidentType type = OpsChecks.required(c.type(), "The incident type");
        Perpetrator perpetrator = OpsChecks.required(c.perpetrator(), "The perpetrator");
        String note = OpsChecks.optionalText(c.supportNote(), 500, "The support note");
        Uic uic = uic(c.contactUic());
        UUID contactId = uic == null ? null : ws.read(Permission.RECORDS, tx -> contactId(tx, uic));
        Incident corrected = new Incident(ws.touch(original.meta()), date, c.siteId(), contactId, type, perpetrator,
                c.supportGiven(), note, original.referralId());
        List<FieldChange> fields = CorrectionWrites.diff(
                "date", original.date(), corrected.date(),
                "siteId", original.siteId(), corrected.siteId(),
                "contactId", original.contactId(), corrected.contactId(),
                "type", original.type(), corrected.type(),
                "perpetrator", original.perpetrator(), corrected.perpetrator(),
                "supportGiven", original.supportGiven(), corrected.supportGiven(),
                "supportNote", original.supportNote(), corrected.supportNote());
        CorrectionWrites.requireSomeChange(fields);
        boolean siteChanged = fields.stream().anyMatch(f -> f.field().equals("siteId"));
        boolean contactChanged = fields.stream().anyMatch(f -> f.field().equals("contactId"));
        return CorrectionWrites.write(ws, Permission.RECORDS, RecordType.INCIDENT, RECORD_TYPE, "incident",
                original.meta(), ChangeKind.CORRECT, null, fields, null, tx -> stored(tx, original.meta().id()),
                (tx, after) -> {
                    if (siteChanged && corrected.siteId() != null) {
                        checkSite(tx, corrected.siteId());
                    }
                    if (contactChanged && original.referralId() != null
                            && !tx.referrals().isVoided(original.referralId())) {
                        throw new InvalidInputException("This incident's referral belongs to its contact: void the "
                                + "referral first to change the contact").keyed("incident.contactHasReferral");
                    }
                    tx.incidents().correct(corrected);
                    return corrected;
                });
    }

    /**
     * Voids an incident ({@code original} as read) with a reason: kept in the register, struck through, out of
     * every count. Its referral, when still pending, is voided with it (with its own history row). Who may: as
     * {@link #correct}.
     */
    public RecordMeta voidIncident(Incident original, VoidReason reason) {
        ws.require(Permission.RECORDS);
        OpsChecks.required(original, "The incident");
        UUID referralId = original.referralId();
        return CorrectionWrites.voidRecord(ws, Permission.RECORDS, RecordType.INCIDENT, RECORD_TYPE, "incident",
                original.meta(), reason, referralId == null ? null : "pending referral voided with it",
                tx -> stored(tx, original.meta().id()), tx -> {
                    if (referralId == null) {
                        return;
                    }
                    tx.referrals().findById(referralId)
                            .filter(r -> r.status() == ReferralStatus.PENDING && !tx.referrals().isVoided(r.id()))
                            .ifPresent(r -> {
                                RecordMeta after = ws.touch(r.meta());
                                tx.voids().mark(RecordType.REFERRAL, after, reason);
                                Corrections.keep(ws, tx, RecordType.REFERRAL, r.meta(), after, ChangeKind.VOID, reason,
                                        List.of(FieldChange.of("voided", false, true)));
                            });
                });
    }

    private static Optional<RecordMeta> stored(Tx tx, UUID id) {
        return tx.incidents().findById(id).map(Incident::meta);
    }

    /** Every correction and void of an incident, oldest first (as reading it: RECORDS). */
    public List<RecordChange> history(UUID incidentId) {
        Objects.requireNonNull(incidentId, "incidentId");
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(incidentId));
    }
}
