package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.UUID;

import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.InvalidUicException;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Uic;
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
        Uic uic = null;
        if (in.contactUic() != null && !in.contactUic().isBlank()) {
            try {
                uic = Uic.parse(in.contactUic());
            } catch (InvalidUicException e) {
                throw new InvalidInputException(e.getMessage()).keyed("uic.invalid", e.getMessage());
            }
        }
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
                    UUID contactId = null;
                    if (contactUic != null) {
                        contactId = tx.contacts().findByUic(contactUic).map(Contact::id).orElseThrow(() ->
                                new InvalidInputException("No contact has this UIC; add the contact at the encounter "
                                        + "desk first, or leave the UIC empty").keyed("incident.noContact"));
                    }
                    if (in.siteId() != null) {
                        tx.sites().findById(in.siteId()).filter(Site::active).orElseThrow(() ->
                                new InvalidInputException("The site chosen is not an active site")
                                        .keyed("incident.siteInactive"));
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
}
