package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.outreachdesk.domain.Age;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.Tx;

/**
 * Saves an encounter with its referrals and its commodity hand-outs in one durable transaction with its audit
 * entry: the encounter, a pending referral per service chosen, and a HANDOUT line in the stock ledger per
 * commodity given (so stock is drawn down). Every role may record ({@link Permission#RECORDS}).
 */
public final class EncounterService {

    /** A quantity above this, of one commodity at one encounter, must be confirmed. */
    public static final int CONFIRM_ABOVE = 1_000;
    /** No quantity of one commodity at one encounter can be above this. */
    public static final int MAXIMUM = 100_000;
    /** A referral's follow-up is due this many days after it was made, unless a date is given. */
    public static final int FOLLOW_UP_DAYS = 7;
    public static final int NOTE_MAX = 1_000;

    /** Field names of {@link FieldProblem}s about the quantities, by commodity. */
    public static final Map<Commodity, String> QUANTITY_FIELDS = Map.of(
            Commodity.MALE_CONDOM, "maleCondoms", Commodity.FEMALE_CONDOM, "femaleCondoms",
            Commodity.LUBRICANT, "lubricants", Commodity.HIV_SELF_TEST, "hivSelfTests");

    private static final Map<Commodity, String> COMMODITY_NAMES = Map.of(
            Commodity.MALE_CONDOM, "Male condoms", Commodity.FEMALE_CONDOM, "Female condoms",
            Commodity.LUBRICANT, "Lubricants", Commodity.HIV_SELF_TEST, "HIV self-test kits");

    private final Workspace ws;

    public EncounterService(Workspace ws) {
        this.ws = ws;
    }

    /** A referral to make at the encounter; destination and due date may be null (due: a week after). */
    public record ReferralRequest(ServiceType service, UUID destinationId, LocalDate dueDate) {
        public ReferralRequest {
            Objects.requireNonNull(service, "service");
        }

        public static ReferralRequest of(ServiceType service) {
            return new ReferralRequest(service, null, null);
        }
    }

    /**
     * An encounter as the form holds it. Quantities are plain numbers (so that a negative one can be reported
     * rather than crash); {@code hivStatus} null means not asked.
     */
    public record Draft(UUID contactId, LocalDate date, UUID staffId, UUID siteId, EncounterType type,
                        boolean education, boolean condomDemo, int maleCondoms, int femaleCondoms, int lubricants,
                        int hivSelfTests, HivStatus hivStatus, boolean stiScreened, String note,
                        List<ReferralRequest> referrals, boolean largeQuantitiesConfirmed) {

        public Draft {
            type = type == null ? EncounterType.INDIVIDUAL : type;
            referrals = referrals == null ? List.of() : List.copyOf(referrals);
        }

        /** An individual encounter with nothing given yet. */
        public static Draft of(UUID contactId, LocalDate date, UUID staffId, UUID siteId) {
            return builder().contact(contactId).date(date).staff(staffId).site(siteId).build();
        }

        /** An individual encounter with nothing given yet, to be filled in part by part. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding this draft's parts, to change some of them. */
        public Builder toBuilder() {
            return new Builder().contact(contactId).date(date).staff(staffId).site(siteId)
                    .services(type, education, condomDemo, hivStatus, stiScreened)
                    .quantities(maleCondoms, femaleCondoms, lubricants, hivSelfTests).note(note).referrals(referrals)
                    .largeQuantitiesConfirmed(largeQuantitiesConfirmed);
        }

        public Draft withQuantities(int male, int female, int lube, int selfTests) {
            return toBuilder().quantities(male, female, lube, selfTests).build();
        }

        public Draft withServices(EncounterType t, boolean edu, boolean demo, HivStatus hiv, boolean sti) {
            return toBuilder().services(t, edu, demo, hiv, sti).build();
        }

        public Draft withReferrals(List<ReferralRequest> r) {
            return toBuilder().referrals(r).build();
        }

        public Draft withNote(String n) {
            return toBuilder().note(n).build();
        }

        public Draft withLargeQuantitiesConfirmed(boolean confirmed) {
            return toBuilder().largeQuantitiesConfirmed(confirmed).build();
        }

        public int quantity(Commodity c) {
            return switch (c) {
                case MALE_CONDOM -> maleCondoms;
                case FEMALE_CONDOM -> femaleCondoms;
                case LUBRICANT -> lubricants;
                case HIV_SELF_TEST -> hivSelfTests;
            };
        }

        @Override
        public String toString() {
            return "Draft[contact=" + contactId + ", date=" + date + "]";
        }

        /** A {@link Draft} part by part; what is not set is empty (an individual encounter, nothing given). */
        public static final class Builder {
            private UUID contactId;
            private LocalDate date;
            private UUID staffId;
            private UUID siteId;
            private EncounterType type = EncounterType.INDIVIDUAL;
            private boolean education;
            private boolean condomDemo;
            private final Map<Commodity, Integer> quantities = new EnumMap<>(Commodity.class);
            private HivStatus hivStatus;
            private boolean stiScreened;
            private String note;
            private List<ReferralRequest> referrals = List.of();
            private boolean largeQuantitiesConfirmed;

            private Builder() {
            }

            public Builder contact(UUID id) {
                this.contactId = id;
                return this;
            }

            public Builder date(LocalDate d) {
                this.date = d;
                return this;
            }

            public Builder staff(UUID id) {
                this.staffId = id;
                return this;
            }

            public Builder site(UUID id) {
                this.siteId = id;
                return this;
            }

            public Builder services(EncounterType t, boolean edu, boolean demo, HivStatus hiv, boolean sti) {
                this.type = t;
                this.education = edu;
                this.condomDemo = demo;
                this.hivStatus = hiv;
                this.stiScreened = sti;
                return this;
            }

            public Builder quantity(Commodity c, int q) {
                quantities.put(c, q);
                return this;
            }

            public Builder quantities(int male, int female, int lube, int selfTests) {
                return quantity(Commodity.MALE_CONDOM, male).quantity(Commodity.FEMALE_CONDOM, female)
                        .quantity(Commodity.LUBRICANT, lube).quantity(Commodity.HIV_SELF_TEST, selfTests);
            }

            public Builder note(String n) {
                this.note = n;
                return this;
            }

            public Builder referrals(List<ReferralRequest> r) {
                this.referrals = r;
                return this;
            }

            public Builder largeQuantitiesConfirmed(boolean confirmed) {
                this.largeQuantitiesConfirmed = confirmed;
                return this;
            }

            public Draft build() {
                return new Draft(contactId, date, staffId, siteId, type, education, condomDemo,
                        quantities.getOrDefault(Commodity.MALE_CONDOM, 0),
                        quantities.getOrDefault(Commodity.FEMALE_CONDOM, 0),
                        quantities.getOrDefault(Commodity.LUBRICANT, 0),
                        quantities.getOrDefault(Commodity.HIV_SELF_TEST, 0), hivStatus, stiScreened, note, referrals,
                        largeQuantitiesConfirmed);
            }
        }
    }

    /**
     * What the desk's form holds: the UIC and the quantities as typed (blank: none), and the rest of the encounter
     * in {@code details} (its contact and quantities are taken from {@code uic} and {@code quantities}).
     */
    public record Form(String uic, Map<Commodity, String> quantities, Draft details) {
        public Form {
            Map<Commodity, String> q = new EnumMap<>(Commodity.class);
            if (quantities != null) {
                q.putAll(quantities);
            }
            quantities = q;
            Objects.requireNonNull(details, "details");
        }

        @Override
        public String toString() {
            return "Form[" + details + "]";
        }
    }

    /** The one answer to saving a {@link Form}. */
    public sealed interface Answer permits Recorded, Refused, NewContactNeeded, SafeguardingNeeded {
    }

    /** Saved, for the contact the UIC named. */
    public record Recorded(ContactListing contact, Saved saved) implements Answer {
    }

    /** Not saved: the problems at their fields (some may only need a large quantity confirmed). */
    public record Refused(List<FieldProblem> problems) implements Answer {
        public Refused {
            problems = List.copyOf(problems);
        }

        /** Whether the only thing in the way is a large quantity the user has not confirmed. */
        public boolean onlyNeedsConfirmation() {
            return problems.stream().allMatch(FieldProblem::needsConfirmation);
        }
    }

    /** Not saved: no contact has the UIC; {@code problem} says so at the UIC (add a new contact first). */
    public record NewContactNeeded(FieldProblem problem) implements Answer {
    }

    /** Not saved: the contact is under 18 and recorded as a sex worker; the safeguarding protocol applies. */
    public record SafeguardingNeeded(UUID contactId) implements Answer {
    }

    /** What was saved. */
    public record Saved(Encounter encounter, List<Referral> referrals, List<CommodityMovement> handouts) {
    }

    /**
     * What the form offers: active sites and staff, active directory entries by the services they offer, and
     * the staff member the signed-in user is (null when not linked).
     */
    public record FormChoices(List<Site> sites, List<Staff> staff, Map<ServiceType, List<DirectoryEntry>> destinations,
                              UUID ownStaffId) {

        public List<DirectoryEntry> destinationsFor(ServiceType s) {
            return destinations.getOrDefault(s, List.of());
        }
    }

    public FormChoices formChoices() {
        return ws.read(Permission.RECORDS, tx -> {
            Map<ServiceType, List<DirectoryEntry>> by = new EnumMap<>(ServiceType.class);
            for (DirectoryEntry e : tx.directory().search(null, null, true)) {
                for (ServiceType s : e.services()) {
                    by.computeIfAbsent(s, k -> new ArrayList<>()).add(e);
                }
            }
            by.replaceAll((k, v) -> List.copyOf(v));
            return new FormChoices(tx.sites().list(true), tx.staff().list(true), by, ws.user().staffId());
        });
    }

    /** The problems that stop {@code d} from being saved (empty when it can be). */
    public List<FieldProblem> check(Draft d) {
        ws.require(Permission.RECORDS);
        List<FieldProblem> p = checkShape(d);
        if (p.isEmpty()) {
            ws.read(Permission.RECORDS, tx -> checkAgainst(tx, d, p, true, null));
        }
        return p;
    }

    /**
     * Saves the encounter, its referrals and its hand-outs, all or nothing.
     *
     * @throws InvalidFieldsException        naming each field that is wrong (nothing stored)
     * @throws SafeguardingRequiredException when the contact is under 18 and recorded as a sex worker
     */
    public Saved save(Draft d) {
        ws.require(Permission.RECORDS);
        List<FieldProblem> shape = checkShape(d);
        if (!shape.isEmpty()) {
            throw new InvalidFieldsException(shape);
        }
        Encounter encounter = encounter(ws.newMeta(), d);
        String detail = auditDetail(d);
        return ws.write(Permission.RECORDS, AuditAction.CREATE, "encounter", encounter.id().toString(), detail,
                tx -> {
                    List<FieldProblem> p = new ArrayList<>();
                    Staff worker = checkAgainst(tx, d, p, true, null);
                    if (!p.isEmpty()) {
                        throw new InvalidFieldsException(p);
                    }
                    return insert(tx, d, encounter, worker.team());
                });
    }

    /**
     * Saves the encounter the desk's form holds, in one trip: the typed UIC and quantities are read, the contact
     * found by its UIC and the encounter saved in the same transaction (all or nothing).
     */
    public Answer save(Form form) {
        ws.require(Permission.RECORDS);
        List<FieldProblem> typed = new ArrayList<>();
        Draft.Builder b = form.details().toBuilder().contact(null);
        for (Commodity c : Commodity.values()) {
            b.quantity(c, number(c, form.quantities().get(c), typed));
        }
        Uic uic = null;
        try {
            uic = ContactService.parseUic(form.uic());
        } catch (InvalidFieldsException e) {
            typed.addAll(e.problems());
        }
        if (!typed.isEmpty()) {
            return new Refused(typed);
        }
        Uic code = uic;
        Draft details = b.build();
        RecordMeta meta = ws.newMeta();
        try {
            return ws.write(Permission.RECORDS, AuditAction.CREATE, "encounter", meta.id().toString(),
                    auditDetail(details), tx -> {
                        ContactListing c = tx.contacts().listingByUic(code).orElseThrow(NoContact::new);
                        Draft d = details.toBuilder().contact(c.contact().id()).build();
                        List<FieldProblem> p = checkShape(d);
                        Staff worker = p.isEmpty() ? checkAgainst(tx, d, p, true, c.contact()) : null;
                        if (!p.isEmpty()) {
                            throw new InvalidFieldsException(p);
                        }
                        return new Recorded(c, insert(tx, d, encounter(meta, d), worker.team()));
                    });
        } catch (NoContact e) {
            return new NewContactNeeded(FieldProblem.of("uic", ProblemCode.CONTACT_MISSING,
                    "No contact has this UIC: add a new contact (Ctrl+N)"));
        } catch (SafeguardingRequiredException e) {
            return new SafeguardingNeeded(e.contactId());
        } catch (InvalidFieldsException e) {
            return new Refused(e.problems());
        }
    }

    /** No contact has the UIC (ends the transaction with nothing written; never leaves this class). */
    private static final class NoContact extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoContact() {
            super("no contact has the UIC", null, false, false);
        }
    }

    /** A quantity as typed (blank: none); adds a problem when it is no whole number. */
    private static int number(Commodity c, String text, List<FieldProblem> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(QUANTITY_FIELDS.get(c), ProblemCode.QUANTITY_NOT_NUMBER, "Type a whole number"));
            return 0;
        }
    }

    private static Encounter encounter(RecordMeta meta, Draft d) {
        return new Encounter(meta, d.contactId(), d.date(), d.staffId(), d.siteId(), d.type(), d.education(),
                d.condomDemo(),
                new Encounter.Quantities(d.maleCondoms(), d.femaleCondoms(), d.lubricants(), d.hivSelfTests()),
                d.hivStatus(), d.stiScreened(), ContactService.blankToNull(d.note()));
    }

    private static String auditDetail(Draft d) {
        long handouts = Arrays.stream(Commodity.values()).filter(c -> d.quantity(c) > 0).count();
        return "referrals=" + d.referrals().size() + " handouts=" + handouts;
    }

    private Saved insert(Tx tx, Draft d, Encounter encounter, String team) {
        tx.encounters().insert(encounter);
        List<Referral> referrals = new ArrayList<>();
        for (ReferralRequest r : d.referrals()) {
            Referral ref = new Referral(ws.newMeta(), d.contactId(), encounter.id(), r.service(), r.destinationId(),
                    d.date(), r.dueDate() == null ? d.date().plusDays(FOLLOW_UP_DAYS) : r.dueDate(),
                    ReferralStatus.PENDING, null, null);
            tx.referrals().insert(ref);
            referrals.add(ref);
        }
        List<CommodityMovement> movements = new ArrayList<>();
        for (Commodity c : Commodity.values()) {
            int q = d.quantity(c);
            if (q > 0) {
                CommodityMovement m = new CommodityMovement(ws.newMeta(), d.date(), c, MovementKind.HANDOUT, -q, team,
                        encounter.id(), null);
                tx.stock().insert(m);
                movements.add(m);
            }
        }
        return new Saved(encounter, List.copyOf(referrals), List.copyOf(movements));
    }

    static FieldProblem alreadyRecorded() {
        return FieldProblem.of("uic", ProblemCode.ENCOUNTER_DUPLICATE,
                "This contact already has an encounter on this date with this worker at this site");
    }

    /** Checks that need no vault: required fields, dates, quantities, referrals, note. */
    List<FieldProblem> checkShape(Draft d) {
        List<FieldProblem> p = new ArrayList<>();
        LocalDate today = ws.today();
        if (d.contactId() == null) {
            p.add(FieldProblem.of("uic", ProblemCode.REQUIRED, "Type or scan the UIC of the contact"));
        }
        if (d.date() == null) {
            p.add(FieldProblem.of("date", ProblemCode.REQUIRED, "The date of the encounter is missing"));
        } else if (d.date().isAfter(today)) {
            p.add(FieldProblem.of("date", ProblemCode.DATE_FUTURE, "The date of the encounter is in the future"));
        } else if (d.date().getYear() < 2000) {
            p.add(FieldProblem.of("date", ProblemCode.DATE_TOO_OLD, "The date of the encounter is before 2000"));
        }
        if (d.siteId() == null) {
            p.add(FieldProblem.of("site", ProblemCode.REQUIRED, "Choose the site"));
        }
        if (d.staffId() == null) {
            p.add(FieldProblem.of("worker", ProblemCode.REQUIRED, "Choose the worker"));
        }
        for (Commodity c : Commodity.values()) {
            int q = d.quantity(c);
            String field = QUANTITY_FIELDS.get(c);
            String name = COMMODITY_NAMES.get(c);
            if (q < 0) {
                p.add(FieldProblem.of(field, ProblemCode.QUANTITY_NEGATIVE, name + " cannot be a negative number"));
            } else if (q > MAXIMUM) {
                p.add(FieldProblem.of(field, ProblemCode.QUANTITY_TOO_MANY,
                        name + ": more than " + MAXIMUM + " at one encounter is not possible", MAXIMUM));
            } else if (q > CONFIRM_ABOVE && !d.largeQuantitiesConfirmed()) {
                p.add(FieldProblem.of(field, ProblemCode.QUANTITY_CONFIRM,
                        name + ": more than " + CONFIRM_ABOVE + " at once; confirm the number to save it",
                        CONFIRM_ABOVE));
            }
        }
        Set<ServiceType> seen = EnumSet.noneOf(ServiceType.class);
        for (ReferralRequest r : d.referrals()) {
            String field = "referral." + r.service().code();
            if (!seen.add(r.service())) {
                p.add(FieldProblem.of(field, ProblemCode.REFERRAL_TWICE, "The same service is chosen twice"));
            }
            if (r.dueDate() != null && d.date() != null && r.dueDate().isBefore(d.date())) {
                p.add(FieldProblem.of(field, ProblemCode.REFERRAL_DUE_BEFORE_MADE,
                        "The follow-up date is before the date of the encounter"));
            }
        }
        if (d.note() != null && d.note().length() > NOTE_MAX) {
            p.add(FieldProblem.of("note", ProblemCode.NOTE_TOO_LONG, "The note is longer than " + NOTE_MAX + " characters",
                    NOTE_MAX));
        }
        return p;
    }

    /**
     * Checks against the vault: the contact, site, worker and destinations exist; the encounter is new; age.
     * Adds problems to {@code p}; answers the worker (for the stock team of the hand-outs). {@code known} is the
     * contact when this transaction found it already (null: found here by the draft's contact id).
     */
    static Staff checkAgainst(Tx tx, Draft d, List<FieldProblem> p, boolean naturalKey, Contact known) {
        Optional<Contact> contact = known != null ? Optional.of(known) : tx.contacts().findById(d.contactId());
        if (contact.isEmpty()) {
            p.add(FieldProblem.of("uic", ProblemCode.UNKNOWN, "The contact is not in the vault"));
        } else if (tx.merges().mergedInto(contact.get().id()).isPresent()) {
            // a form left open on a contact that was merged away since: its UIC now finds the one that stayed
            throw new InvalidInputException("the contact was merged into another one").keyed("contact.merged");
        }
        Optional<Site> site = tx.sites().findById(d.siteId());
        if (site.isEmpty()) {
            p.add(FieldProblem.of("site", ProblemCode.UNKNOWN, "The site is not in the vault"));
        } else if (!site.get().active()) {
            p.add(FieldProblem.of("site", ProblemCode.INACTIVE, "The site is deactivated"));
        }
        Optional<Staff> staff = tx.staff().findById(d.staffId());
        if (staff.isEmpty()) {
            p.add(FieldProblem.of("worker", ProblemCode.UNKNOWN, "The worker is not in the vault"));
        } else if (!staff.get().active()) {
            p.add(FieldProblem.of("worker", ProblemCode.INACTIVE, "The worker is deactivated"));
        }
        for (ReferralRequest r : d.referrals()) {
            if (r.destinationId() == null) {
                continue;
            }
            Optional<DirectoryEntry> dest = tx.directory().findById(r.destinationId());
            if (dest.isEmpty() || !dest.get().services().contains(r.service())) {
                p.add(FieldProblem.of("referral." + r.service().code(), ProblemCode.REFERRAL_DESTINATION,
                        "The chosen organisation does not offer this service"));
            }
        }
        if (!p.isEmpty()) {
            return null;
        }
        Contact c = contact.get();
        if (Age.wouldRecordChildAsSexWorker(c.kpType(), c.uic(), c.birthYear(), d.date())) {
            throw new SafeguardingRequiredException(c.id());
        }
        if (naturalKey && tx.encounters().findNatural(d.contactId(), d.date(), d.staffId(), d.siteId()).isPresent()) {
            p.add(alreadyRecorded());
        }
        return staff.get();
    }
}
