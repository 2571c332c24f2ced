package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.outreachdesk.domain.Age;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.store.Tx;

/**
 * The trafficking and child-protection screen and its protocol: any indicator (debt bondage, confinement,
 * documents confiscated, extreme control, under 18) brings up the NCCT hotline 1288, the organisations of the
 * directory that offer anti-trafficking and child-protection services, and a one-step referral. Screens are
 * counted in reports and never exported as rows; this service has no way to list them outside a contact's
 * timeline.
 *
 * <p>A person under 18 is never recorded as a sex worker: a new person is recorded (only when a referral needs
 * a contact) with key-population type OTHER, and an existing contact recorded as FSW or FEW is changed to OTHER.
 */
public final class SafeguardingService {

    /** The National Committee for Counter Trafficking hotline. */
    public static final String NCCT_HOTLINE = "1288";
    /** Follow-up of a safeguarding referral is due this many days after it is made (like any referral). */
    public static final int FOLLOW_UP_DAYS = EncounterService.FOLLOW_UP_DAYS;

    private final Workspace ws;

    public SafeguardingService(Workspace ws) {
        this.ws = ws;
    }

    /** What the protocol shows: the hotline and the organisations to refer to (active ones, by name). */
    public record Protocol(String hotline, List<DirectoryEntry> trafficking, List<DirectoryEntry> childProtection) {
    }

    /**
     * A screen as the form holds it. The person is an existing contact ({@code contactId}), a person not yet
     * recorded ({@code newPerson}, created only when a referral is made), or unknown (both null: the screen is
     * saved without a contact and no referral can be made).
     */
    public record Draft(LocalDate date, UUID contactId, ContactService.NewContact newPerson, UUID siteId,
                        UUID staffId, boolean debtBondage, boolean confinement, boolean documentsConfiscated,
                        boolean extremeControl, boolean under18, boolean referTrafficking,
                        UUID traffickingDestination, boolean referChildProtection, UUID childProtectionDestination) {

        public boolean flagged() {
            return debtBondage || confinement || documentsConfiscated || extremeControl || under18;
        }

        public boolean refers() {
            return referTrafficking || referChildProtection;
        }

        @Override
        public String toString() {
            return "SafeguardingDraft[contact=" + contactId + ", date=" + date + "]";
        }
    }

    /** What was saved: the screen, the contact it is about (null when none) and the referrals made. */
    public record Recorded(SafeguardingScreen screen, Contact contact, List<Referral> referrals) {
    }

    public Protocol protocol() {
        return ws.read(Permission.RECORDS, tx -> new Protocol(NCCT_HOTLINE,
                tx.directory().search(null, ServiceType.TRAFFICKING, true),
                tx.directory().search(null, ServiceType.CHILD_PROTECTION, true)));
    }

    /**
     * Whether recording this contact as met on {@code date} needs the protocol instead (under 18 and recorded
     * as a sex worker).
     */
    public static boolean required(Contact c, LocalDate date) {
        return Age.wouldRecordChildAsSexWorker(c.kpType(), c.uic(), c.birthYear(), date);
    }

    /** Saves the screen with its referrals (and, when needed, the contact), all or nothing. */
    public Recorded record(Draft d) {
        ws.require(Permission.RECORDS);
        List<FieldProblem> p = new ArrayList<>();
        if (d.date() == null) {
            p.add(FieldProblem.of("date", ProblemCode.REQUIRED, "The date of the screen is missing"));
        } else if (d.date().isAfter(ws.today())) {
            p.add(FieldProblem.of("date", ProblemCode.DATE_FUTURE, "The date of the screen is in the future"));
        }
        if (d.refers() && d.contactId() == null && (d.newPerson() == null || d.newPerson().uic() == null)) {
            p.add(FieldProblem.of("referral", ProblemCode.REFERRAL_NEEDS_CONTACT,
                    "A referral needs the person's UIC: look up or build it first"));
        }
        if (!p.isEmpty()) {
            throw new InvalidFieldsException(p);
        }
        RecordMeta screenMeta = ws.newMeta();
        int referrals = (d.referTrafficking() ? 1 : 0) + (d.referChildProtection() ? 1 : 0);
        return ws.write(Permission.RECORDS, AuditAction.CREATE, "safeguarding_screen",
                screenMeta.id().toString(), "referrals=" + referrals, tx -> insert(tx, d, screenMeta));
    }

    private Recorded insert(Tx tx, Draft d, RecordMeta meta) {
        Contact contact = resolveContact(tx, d);
        List<Referral> made = new ArrayList<>();
        if (d.referChildProtection()) {
            made.add(refer(tx, contact, ServiceType.CHILD_PROTECTION, d.childProtectionDestination(), d.date()));
        }
        if (d.referTrafficking()) {
            made.add(refer(tx, contact, ServiceType.TRAFFICKING, d.traffickingDestination(), d.date()));
        }
        SafeguardingScreen screen = new SafeguardingScreen(meta, d.date(), contact == null ? null : contact.id(),
                d.siteId(), d.staffId(), d.debtBondage(), d.confinement(), d.documentsConfiscated(),
                d.extremeControl(), d.under18(), d.flagged(), made.isEmpty() ? null : made.get(0).id());
        tx.safeguarding().insert(screen);
        return new Recorded(screen, contact, List.copyOf(made));
    }

    /** The contact the screen is about: the existing one (reclassified if a child), a new one if needed, or none. */
    private Contact resolveContact(Tx tx, Draft d) {
        if (d.contactId() != null) {
            Contact c = tx.contacts().findById(d.contactId())
                    .orElseThrow(() -> new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone"));
            boolean child = d.under18() || Age.isUnder18(c.uic(), c.birthYear(), d.date());
            if (child && c.kpType().isSexWork()) {
                Contact changed = new Contact(ws.touch(c.meta()), c.uic(), c.birthYear(), c.gender(), KpType.OTHER,
                        c.firstContactDate(), c.homeSiteId(), c.assignedStaffId(), c.status(), c.statusDate(),
                        c.note());
                tx.contacts().update(changed);
                return changed;
            }
            return c;
        }
        ContactService.NewContact n = d.newPerson();
        if (n == null || n.uic() == null || !d.refers()) {
            return null;
        }
        Optional<Contact> existing = tx.contacts().findByUic(n.uic());
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean child = d.under18() || Age.isUnder18(n.uic(), n.birthYear(), d.date());
        KpType kp = n.kpType() == null || (child && n.kpType().isSexWork()) ? KpType.OTHER : n.kpType();
        Contact c = new Contact(ws.newMeta(), n.uic(), n.birthYear(),
                n.gender() == null ? Gender.U : n.gender(), kp,
                n.firstContactDate() == null ? d.date() : n.firstContactDate(), n.homeSiteId(), n.staffId(),
                ContactStatus.ACTIVE, null, null);
        tx.contacts().insert(c);
        return c;
    }

    private Referral refer(Tx tx, Contact contact, ServiceType service, UUID destination, LocalDate date) {
        if (destination != null && tx.directory().findById(destination)
                .filter(e -> e.services().contains(service)).isEmpty()) {
            throw new InvalidFieldsException(FieldProblem.of("referral." + service.code(), ProblemCode.REFERRAL_DESTINATION,
                    "The chosen organisation does not offer this service"));
        }
        Referral r = new Referral(ws.newMeta(), contact.id(), null, service, destination, date,
                date.plusDays(FOLLOW_UP_DAYS), ReferralStatus.PENDING, null, null);
        tx.referrals().insert(r);
        return r;
    }
}
