package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.store.DuplicateKeyException;
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
            return new Draft(contactId, date, staffId, siteId, EncounterType.INDIVIDUAL, false, false, 0, 0, 0, 0,
                    null, false, null, List.of(), false);
        }

        public Draft withQuantities(int male, int female, int lube, int selfTests) {
            return new Draft(contactId, date, staffId, siteId, type, education, condomDemo, male, female, lube,
                    selfTests, hivStatus, stiScreened, note, referrals, largeQuantitiesConfirmed);
        }

        public Draft withServices(EncounterType t, boolean edu, boolean demo, HivStatus hiv, boolean sti) {
            return new Draft(contactId, date, staffId, siteId, t, edu, demo, maleCondoms, femaleCondoms, lubricants,
                    hivSelfTests, hiv, sti, note, referrals, largeQuantitiesConfirmed);
        }

        public Draft withReferrals(List<ReferralRequest> r) {
            return new Draft(contactId, date, staffId, siteId, type, education, condomDemo, maleCondoms,
                    femaleCondoms, lubricants, hivSelfTests, hivStatus, stiScreened, note, r, largeQuantitiesConfirmed);
        }

        public Draft withNote(String n) {
            return new Draft(contactId, date, staffId, siteId, type, education, condomDemo, maleCondoms,
                    femaleCondoms, lubricants, hivSelfTests, hivStatus, stiScreened, n, referrals,
                    largeQuantitiesConfirmed);
        }

        public Draft withLargeQuantitiesConfirmed(boolean confirmed) {
            return new Draft(contactId, date, staffId, siteId, type, education, condomDemo, maleCondoms,
                    femaleCondoms, lubricants, hivSelfTests, hivStatus, stiScreened, note, referrals, confirmed);
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
            ws.read(Permission.RECORDS, tx -> checkAgainst(tx, d, p, true));
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
        Encounter encounter = new Encounter(ws.newMeta(), d.contactId(), d.date(), d.staffId(), d.siteId(), d.type(),
                d.education(), d.condomDemo(),
                new Encounter.Quantities(d.maleCondoms(), d.femaleCondoms(), d.lubricants(), d.hivSelfTests()),
                d.hivStatus(), d.stiScreened(), ContactService.blankToNull(d.note()));
        long handouts = java.util.Arrays.stream(Commodity.values()).filter(c -> d.quantity(c) > 0).count();
        String detail = "referrals=" + d.referrals().size() + " handouts=" + handouts;
        try {
            return ws.write(Permission.RECORDS, AuditAction.CREATE, "encounter", encounter.id().toString(), detail,
                    tx -> {
                        List<FieldProblem> p = new ArrayList<>();
                        // the natural key is left to the unique constraint (DuplicateKeyException below)
                        Staff worker = checkAgainst(tx, d, p, false);
                        if (!p.isEmpty()) {
                            throw new InvalidFieldsException(p);
                        }
                        return insert(tx, d, encounter, worker.team());
                    });
        } catch (DuplicateKeyException e) {
            throw new InvalidFieldsException(alreadyRecorded());
        }
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

    private static FieldProblem alreadyRecorded() {
        return FieldProblem.of("uic", "encounter.duplicate",
                "This contact already has an encounter on this date with this worker at this site");
    }

    /** Checks that need no vault: required fields, dates, quantities, referrals, note. */
    List<FieldProblem> checkShape(Draft d) {
        List<FieldProblem> p = new ArrayList<>();
        LocalDate today = ws.today();
        if (d.contactId() == null) {
            p.add(FieldProblem.of("uic", "required", "Type or scan the UIC of the contact"));
        }
        if (d.date() == null) {
            p.add(FieldProblem.of("date", "required", "The date of the encounter is missing"));
        } else if (d.date().isAfter(today)) {
            p.add(FieldProblem.of("date", "date.future", "The date of the encounter is in the future"));
        } else if (d.date().getYear() < 2000) {
            p.add(FieldProblem.of("date", "date.tooOld", "The date of the encounter is before 2000"));
        }
        if (d.siteId() == null) {
            p.add(FieldProblem.of("site", "required", "Choose the site"));
        }
        if (d.staffId() == null) {
            p.add(FieldProblem.of("worker", "required", "Choose the worker"));
        }
        for (Commodity c : Commodity.values()) {
            int q = d.quantity(c);
            String field = QUANTITY_FIELDS.get(c);
            String name = COMMODITY_NAMES.get(c);
            if (q < 0) {
                p.add(FieldProblem.of(field, "quantity.negative", name + " cannot be a negative number"));
            } else if (q > MAXIMUM) {
                p.add(FieldProblem.of(field, "quantity.tooMany",
                        name + ": more than " + MAXIMUM + " at one encounter is not possible", MAXIMUM));
            } else if (q > CONFIRM_ABOVE && !d.largeQuantitiesConfirmed()) {
                p.add(FieldProblem.of(field, FieldProblem.NEEDS_CONFIRMATION,
                        name + ": more than " + CONFIRM_ABOVE + " at once; confirm the number to save it",
                        CONFIRM_ABOVE));
            }
        }
        Set<ServiceType> seen = EnumSet.noneOf(ServiceType.class);
        for (ReferralRequest r : d.referrals()) {
            String field = "referral." + r.service().code();
            if (!seen.add(r.service())) {
                p.add(FieldProblem.of(field, "referral.twice", "The same service is chosen twice"));
            }
            if (r.dueDate() != null && d.date() != null && r.dueDate().isBefore(d.date())) {
                p.add(FieldProblem.of(field, "referral.dueBeforeMade",
                        "The follow-up date is before the date of the encounter"));
            }
        }
        if (d.note() != null && d.note().length() > NOTE_MAX) {
            p.add(FieldProblem.of("note", "note.tooLong", "The note is longer than " + NOTE_MAX + " characters",
                    NOTE_MAX));
        }
        return p;
    }

    /**
     * Checks against the vault: the contact, site, worker and destinations exist; the encounter is new; age.
     * Adds problems to {@code p}; answers the worker (for the stock team of the hand-outs).
     */
    private static Staff checkAgainst(Tx tx, Draft d, List<FieldProblem> p, boolean naturalKey) {
        Optional<Contact> contact = tx.contacts().findById(d.contactId());
        if (contact.isEmpty()) {
            p.add(FieldProblem.of("uic", "unknown", "The contact is not in the vault"));
        }
        Optional<Site> site = tx.sites().findById(d.siteId());
        if (site.isEmpty()) {
            p.add(FieldProblem.of("site", "unknown", "The site is not in the vault"));
        } else if (!site.get().active()) {
            p.add(FieldProblem.of("site", "inactive", "The site is deactivated"));
        }
        Optional<Staff> staff = tx.staff().findById(d.staffId());
        if (staff.isEmpty()) {
            p.add(FieldProblem.of("worker", "unknown", "The worker is not in the vault"));
        } else if (!staff.get().active()) {
            p.add(FieldProblem.of("worker", "inactive", "The worker is deactivated"));
        }
        for (ReferralRequest r : d.referrals()) {
            if (r.destinationId() == null) {
                continue;
            }
            Optional<DirectoryEntry> dest = tx.directory().findById(r.destinationId());
            if (dest.isEmpty() || !dest.get().services().contains(r.service())) {
                p.add(FieldProblem.of("referral." + r.service().code(), "referral.destination",
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
