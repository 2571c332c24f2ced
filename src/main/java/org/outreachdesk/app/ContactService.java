package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.outreachdesk.domain.Age;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.InvalidUicException;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.ConcurrentChangeException;
import org.outreachdesk.store.Tx;

/**
 * Contacts: looked up by UIC, created (with the near-duplicate check and the under-18 rule), their status
 * changed, listed in the register (filtered, sorted and paged in the database) and their timeline. Every
 * role may do all of it ({@link Permission#RECORDS}).
 */
public final class ContactService {

    public static final int NOTE_MAX = 500;
    /** The most rows one register page may ask for. */
    public static final int PAGE_MAX = 500;

    private final Workspace ws;

    public ContactService(Workspace ws) {
        this.ws = ws;
    }

    /** A contact to create. {@code birthYear}, home site, worker and note may be null. */
    public record NewContact(Uic uic, Gender gender, KpType kpType, Integer birthYear, LocalDate firstContactDate,
                             UUID homeSiteId, UUID staffId, String note) {
        @Override
        public String toString() {
            return "NewContact[***]";
        }
    }

    /** One page of the register; {@code more} when rows follow. */
    public record Page(List<ContactListing> rows, boolean more) {
    }

    /**
     * The sites and staff the register filters by (deactivated ones included: old contacts keep them), and the
     * active organisations of the directory by the services they offer (for a referral from the contact).
     */
    public record Choices(List<Site> sites, List<Staff> staff, Map<ServiceType, List<DirectoryEntry>> destinations) {

        public List<DirectoryEntry> destinationsFor(ServiceType s) {
            return destinations.getOrDefault(s, List.of());
        }
    }

    /** What a timeline entry is. */
    public enum TimelineKind {
        ENCOUNTER, REFERRAL, INCIDENT, SAFEGUARDING
    }

    /**
     * One thing that happened to a contact. Exactly one of the records is set, as {@code kind} says; the codes
     * and the destination name are resolved for showing (null when none).
     */
    public record TimelineEntry(LocalDate date, TimelineKind kind, Encounter encounter, Referral referral,
                                Incident incident, SafeguardingScreen screen, String siteCode, String staffCode,
                                String destination, VoidReason voidReason) {

        /** An entry of a live record (not voided). */
        public TimelineEntry(LocalDate date, TimelineKind kind, Encounter encounter, Referral referral,
                             Incident incident, SafeguardingScreen screen, String siteCode, String staffCode,
                             String destination) {
            this(date, kind, encounter, referral, incident, screen, siteCode, staffCode, destination, null);
        }

        /** Whether the record is voided (kept, struck through with {@link #voidReason}, not counted). */
        public boolean voided() {
            return voidReason != null;
        }

        @Override
        public String toString() {
            return "TimelineEntry[" + kind + ", " + date + "]";
        }
    }

    /**
     * Reads typed or scanned text as a UIC (case and blanks ignored).
     *
     * @throws InvalidFieldsException (field {@code uic}) saying what is wrong, never repeating the text
     */
    public static Uic parseUic(String text) {
        try {
            return Uic.parse(text);
        } catch (InvalidUicException e) {
            int length = Uic.normalise(text).length();
            if (length == 0) {
                throw new InvalidFieldsException(FieldProblem.of("uic", ProblemCode.REQUIRED, "Type or scan the UIC"));
            }
            if (length != Uic.LENGTH) {
                throw new InvalidFieldsException(FieldProblem.of("uic", ProblemCode.UIC_LENGTH,
                        "The UIC has " + length + " characters; it needs " + Uic.LENGTH, length, Uic.LENGTH));
            }
            throw new InvalidFieldsException(FieldProblem.of("uic", ProblemCode.UIC_INVALID, "The " + e.getMessage(),
                    e.getMessage()));
        }
    }

    /** The contact with this UIC (case and blanks ignored), with its site, worker and last encounter. */
    public Optional<ContactListing> lookup(String uicText) {
        Uic uic = parseUic(uicText);
        return ws.read(Permission.RECORDS, tx -> tx.contacts().listingByUic(uic));
    }

    public Optional<ContactListing> find(UUID id) {
        return ws.read(Permission.RECORDS, tx -> tx.contacts().listingById(id));
    }

    /** Existing contacts whose UIC is one edit from {@code uic} with the same birth date: likely the same person. */
    public List<ContactListing> nearDuplicates(Uic uic) {
        return ws.read(Permission.RECORDS, tx -> nearDuplicates(tx, uic));
    }

    private static List<ContactListing> nearDuplicates(Tx tx, Uic uic) {
        List<Uic> close = tx.contacts().uicsWithBirthDate(uic).stream().filter(uic::isNearDuplicateOf).toList();
        return tx.contacts().listingsByUic(close);
    }

    /** The problems that stop {@code c} from being created (empty when it can be). Reads the vault. */
    public List<FieldProblem> check(NewContact c) {
        ws.require(Permission.RECORDS);
        List<FieldProblem> problems = checkShape(c);
        if (problems.isEmpty()) {
            problems.addAll(ws.read(Permission.RECORDS, tx -> checkAgainst(tx, c)));
        }
        return problems;
    }

    /**
     * Creates a contact.
     *
     * @param notADuplicate the user has seen the near-duplicates and says this is a different person
     * @throws NearDuplicateException         when near-duplicates exist and {@code notADuplicate} is false
     * @throws SafeguardingRequiredException  when it would record a person under 18 as a sex worker
     * @throws InvalidFieldsException         for anything else wrong, by field
     */
    public Contact create(NewContact c, boolean notADuplicate) {
        ws.require(Permission.RECORDS);
        List<FieldProblem> problems = checkShape(c);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (Age.wouldRecordChildAsSexWorker(c.kpType(), c.uic(), c.birthYear(), c.firstContactDate())) {
            throw new SafeguardingRequiredException(null);
        }
        Contact contact = new Contact(ws.newMeta(), c.uic(), c.birthYear(), c.gender(), c.kpType(),
                c.firstContactDate(), c.homeSiteId(), c.staffId(), ContactStatus.ACTIVE, null, blankToNull(c.note()));
        // the UIC is checked inside the transaction; the single background worker serialises the writes
        return ws.write(Permission.RECORDS, AuditAction.CREATE, "contact", contact.id().toString(), null, tx -> {
            List<FieldProblem> p = checkAgainst(tx, c);
            if (!p.isEmpty()) {
                throw new InvalidFieldsException(p);
            }
            if (!notADuplicate) {
                List<ContactListing> near = nearDuplicates(tx, c.uic());
                if (!near.isEmpty()) {
                    throw new NearDuplicateException(near);
                }
            }
            tx.contacts().insert(contact);
            return contact;
        });
    }

    private static FieldProblem uicTaken() {
        return FieldProblem.of("uic", ProblemCode.UIC_TAKEN, "A contact with this UIC is already recorded: use that contact");
    }

    List<FieldProblem> checkShape(NewContact c) {
        List<FieldProblem> p = new ArrayList<>();
        LocalDate today = ws.today();
        if (c.uic() == null) {
            p.add(FieldProblem.of("uic", ProblemCode.REQUIRED, "The UIC is missing"));
        }
        if (c.gender() == null) {
            p.add(FieldProblem.of("gender", ProblemCode.REQUIRED, "Choose the gender"));
        }
        if (c.kpType() == null) {
            p.add(FieldProblem.of("kpType", ProblemCode.REQUIRED, "Choose the key-population type"));
        }
        if (c.firstContactDate() == null) {
            p.add(FieldProblem.of("firstContactDate", ProblemCode.REQUIRED, "The date of first contact is missing"));
        } else if (c.firstContactDate().isAfter(today)) {
            p.add(FieldProblem.of("firstContactDate", ProblemCode.DATE_FUTURE, "The date of first contact is in the future"));
        }
        if (c.birthYear() != null) {
            if (!Age.isPlausibleBirthYear(c.birthYear(), today)) {
                p.add(FieldProblem.of("birthYear", ProblemCode.BIRTH_YEAR_IMPLAUSIBLE,
                        "The birth year must be between 1900 and this year", today.getYear()));
            } else if (c.uic() != null && c.uic().birthYearDigits() != 99
                    && Math.floorMod(c.birthYear(), 100) != c.uic().birthYearDigits()) {
                p.add(FieldProblem.of("birthYear", ProblemCode.BIRTH_YEAR_MISMATCH,
                        "The birth year does not match the year in the UIC"));
            }
        }
        if (c.note() != null && c.note().length() > NOTE_MAX) {
            p.add(FieldProblem.of("note", ProblemCode.NOTE_TOO_LONG, "The note is longer than " + NOTE_MAX + " characters",
                    NOTE_MAX));
        }
        return p;
    }

    private static List<FieldProblem> checkAgainst(Tx tx, NewContact c) {
        List<FieldProblem> p = new ArrayList<>();
        // a corrected or merged-away code (an alias) is a person already recorded too
        if (tx.contacts().isCodeTaken(c.uic())) {
            p.add(uicTaken());
        }
        if (c.homeSiteId() != null && tx.sites().findById(c.homeSiteId()).isEmpty()) {
            p.add(FieldProblem.of("site", ProblemCode.UNKNOWN, "The home site is not in the vault"));
        }
        if (c.staffId() != null && tx.staff().findById(c.staffId()).isEmpty()) {
            p.add(FieldProblem.of("worker", ProblemCode.UNKNOWN, "The assigned worker is not in the vault"));
        }
        return p;
    }

    /**
     * Records that a contact moved away, was lost to follow-up, died, or is active again, on {@code date}.
     *
     * @param version the version of the contact the user saw (a change made meanwhile is not overwritten)
     */
    public Contact changeStatus(UUID contactId, int version, ContactStatus status, LocalDate date) {
        ws.require(Permission.RECORDS);
        Objects.requireNonNull(status, "status");
        List<FieldProblem> p = new ArrayList<>();
        if (date == null) {
            p.add(FieldProblem.of("statusDate", ProblemCode.REQUIRED, "The date of the status change is missing"));
        } else if (date.isAfter(ws.today())) {
            p.add(FieldProblem.of("statusDate", ProblemCode.DATE_FUTURE, "The date of the status change is in the future"));
        }
        if (!p.isEmpty()) {
            throw new InvalidFieldsException(p);
        }
        try {
            return ws.write(Permission.RECORDS, AuditAction.UPDATE, "contact", contactId.toString(), "status", tx -> {
                Contact c = tx.contacts().findById(contactId)
                        .orElseThrow(() -> new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone"));
                if (c.meta().version() != version) {
                    throw new ConcurrentChangeException("contact");
                }
                if (date.isBefore(c.firstContactDate())) {
                    throw new InvalidFieldsException(FieldProblem.of("statusDate", ProblemCode.DATE_BEFORE_FIRST_CONTACT,
                            "The date of the status change is before the first contact"));
                }
                Contact changed = new Contact(ws.touch(c.meta()), c.uic(), c.birthYear(), c.gender(), c.kpType(),
                        c.firstContactDate(), c.homeSiteId(), c.assignedStaffId(), status, date, c.note());
                tx.contacts().update(changed);
                return changed;
            });
        } catch (ConcurrentChangeException e) {
            throw new InvalidInputException("the contact was changed meanwhile; look at it again and retry")
                    .keyed("contact.changed");
        }
    }

    /** A page of the register: at most {@code limit} rows after {@code after} (null for the first page). */
    public Page page(ContactFilter filter, ContactListing after, int limit) {
        int n = Math.max(1, Math.min(limit, PAGE_MAX));
        List<ContactListing> rows = ws.read(Permission.RECORDS, tx -> tx.contacts().page(filter, after, n + 1));
        boolean more = rows.size() > n;
        return new Page(more ? List.copyOf(rows.subList(0, n)) : rows, more);
    }

    /** How many contacts the register holds under {@code filter}. */
    public long count(ContactFilter filter) {
        return ws.read(Permission.RECORDS, tx -> tx.contacts().count(filter));
    }

    public Choices choices() {
        return ws.read(Permission.RECORDS, tx -> {
            Map<ServiceType, List<DirectoryEntry>> by = new EnumMap<>(ServiceType.class);
            for (DirectoryEntry e : tx.directory().search(null, null, true)) {
                for (ServiceType s : e.services()) {
                    by.computeIfAbsent(s, k -> new ArrayList<>()).add(e);
                }
            }
            by.replaceAll((k, v) -> List.copyOf(v));
            return new Choices(tx.sites().list(false), tx.staff().list(false), by);
        });
    }

    /**
     * Refers a contact to a service outside an encounter (a pending referral, audited). The follow-up is due a
     * week after {@code made} unless {@code due} is given; the destination, when given, must offer the service.
     */
    public Referral refer(UUID contactId, ServiceType service, UUID destinationId, LocalDate made, LocalDate due) {
        ws.require(Permission.RECORDS);
        List<FieldProblem> p = new ArrayList<>();
        if (service == null) {
            p.add(FieldProblem.of("referral", ProblemCode.REQUIRED, "Choose the service"));
        }
        if (made == null) {
            p.add(FieldProblem.of("referralDate", ProblemCode.REQUIRED, "The date of the referral is missing"));
        } else if (made.isAfter(ws.today())) {
            p.add(FieldProblem.of("referralDate", ProblemCode.DATE_FUTURE, "The date of the referral is in the future"));
        } else if (due != null && due.isBefore(made)) {
            p.add(FieldProblem.of("referral", ProblemCode.REFERRAL_DUE_BEFORE_MADE, "The follow-up date is before the referral"));
        }
        if (!p.isEmpty()) {
            throw new InvalidFieldsException(p);
        }
        Referral r = new Referral(ws.newMeta(), contactId, null, service, destinationId, made,
                due == null ? made.plusDays(EncounterService.FOLLOW_UP_DAYS) : due, ReferralStatus.PENDING, null, null);
        return ws.write(Permission.RECORDS, AuditAction.CREATE, "referral", r.id().toString(), null, tx -> {
            if (tx.contacts().findById(contactId).isEmpty()) {
                throw new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone");
            }
            if (destinationId != null && tx.directory().findById(destinationId)
                    .filter(e -> e.services().contains(service)).isEmpty()) {
                throw new InvalidFieldsException(FieldProblem.of("referral", ProblemCode.REFERRAL_DESTINATION,
                        "The chosen organisation does not offer this service"));
            }
            tx.referrals().insert(r);
            return r;
        });
    }

    /** Everything recorded about a contact: encounters, referrals, incidents and safeguarding screens, newest first. */
    public List<TimelineEntry> timeline(UUID contactId) {
        return ws.read(Permission.RECORDS, tx -> {
            Map<UUID, String> sites = codes(tx.sites().list(false), s -> s.meta().id(), Site::code);
            Map<UUID, String> staff = codes(tx.staff().list(false), s -> s.meta().id(), Staff::code);
            Map<UUID, String> orgs = new HashMap<>();
            List<TimelineEntry> out = new ArrayList<>();
            for (Encounter e : tx.encounters().forContact(contactId)) {
                out.add(new TimelineEntry(e.date(), TimelineKind.ENCOUNTER, e, null, null, null,
                        sites.get(e.siteId()), staff.get(e.staffId()), null, e.voidReason()));
            }
            Map<UUID, VoidReason> voidedReferrals = tx.voids().ofContact(RecordType.REFERRAL, contactId);
            Map<UUID, VoidReason> voidedIncidents = tx.voids().ofContact(RecordType.INCIDENT, contactId);
            for (Referral r : tx.referrals().forContact(contactId)) {
                String org = r.directoryEntryId() == null ? null : orgs.computeIfAbsent(r.directoryEntryId(),
                        id -> tx.directory().findById(id).map(DirectoryEntry::name).orElse(null));
                out.add(new TimelineEntry(r.madeDate(), TimelineKind.REFERRAL, null, r, null, null, null, null, org,
                        voidedReferrals.get(r.id())));
            }
            for (Incident i : tx.incidents().forContact(contactId)) {
                out.add(new TimelineEntry(i.date(), TimelineKind.INCIDENT, null, null, i, null,
                        i.siteId() == null ? null : sites.get(i.siteId()), null, null, voidedIncidents.get(i.meta().id())));
            }
            for (SafeguardingScreen s : tx.safeguarding().forContact(contactId)) {
                out.add(new TimelineEntry(s.date(), TimelineKind.SAFEGUARDING, null, null, null, s,
                        s.siteId() == null ? null : sites.get(s.siteId()),
                        s.staffId() == null ? null : staff.get(s.staffId()), null));
            }
            // newest first; within one day what happened (encounter, screen, incident) before the referrals it led to
            out.sort(Comparator.comparing(TimelineEntry::date).reversed()
                    .thenComparing(e -> SAME_DAY_ORDER.indexOf(e.kind())));
            return out;
        });
    }

    private static final List<TimelineKind> SAME_DAY_ORDER = List.of(TimelineKind.ENCOUNTER,
            TimelineKind.SAFEGUARDING, TimelineKind.INCIDENT, TimelineKind.REFERRAL);

    private static <T> Map<UUID, String> codes(List<T> list, Function<T, UUID> id, Function<T, String> code) {
        return list.stream().collect(Collectors.toMap(id, code));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
