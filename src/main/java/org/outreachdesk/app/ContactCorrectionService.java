package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.outreachdesk.domain.Age;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.RecordMeta;
import org.outreachdesk.domain.RecordType;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.ConcurrentChangeException;
import org.outreachdesk.store.MergeRepository;
import org.outreachdesk.store.MergeRepository.AliasKind;
import org.outreachdesk.store.Tx;

/**
 * Corrections of a contact (issue 14, ADR 13): its profile, its UIC, and "not the same person" for a pair the
 * possible-duplicates list shows. Merges are {@link MergeService}. Each is one transaction with its history row and
 * its audit entry (field names only), refused with "changed elsewhere" when the contact moved on since the form was
 * opened.
 *
 * <p>Who: a profile follows {@link Corrections#requireMayChange} (outreach workers their own contacts of the last 7
 * days); a UIC correction and "not the same person" change who a person is, so they need
 * {@link Permission#CORRECT_ANY} (coordinators, managers, admins).
 */
public final class ContactCorrectionService {

    private final Workspace ws;

    public ContactCorrectionService(Workspace ws) {
        this.ws = ws;
    }

    /** The profile of a contact as the correction form shows and returns it. Note and ids may be null. */
    public record Profile(Gender gender, KpType kpType, Integer birthYear, UUID homeSiteId, UUID staffId,
                          ContactStatus status, LocalDate statusDate, String note) {

        public static Profile of(Contact c) {
            return new Profile(c.gender(), c.kpType(), c.birthYear(), c.homeSiteId(), c.assignedStaffId(), c.status(),
                    c.statusDate(), c.note());
        }

        @Override
        public String toString() {
            return "Profile[***]";
        }
    }

    /** Whether the signed-in user may correct this contact's profile (the screens ask before offering it). */
    public boolean mayCorrect(Contact c) {
        return Corrections.mayChange(ws, c.meta());
    }

    /** The versions of a contact: its corrections, UIC corrections and merges, oldest first. */
    public List<RecordChange> history(UUID contactId) {
        return ws.read(Permission.RECORDS, tx -> tx.history().forRecord(contactId));
    }

    /** Whether the signed-in user may correct UICs, merge contacts and keep pairs apart. */
    public boolean mayMerge() {
        return ws.can(Permission.CORRECT_ANY);
    }

    /**
     * Corrects the profile of a contact.
     *
     * @param version the contact's version when the form was opened
     * @throws InvalidFieldsException        what is wrong, by field; or nothing changed
     * @throws SafeguardingRequiredException when it would record a person under 18 as a sex worker
     * @throws AccessDeniedException         when the user may not correct this contact
     * @throws InvalidInputException         keyed {@code contact.changed} when it changed elsewhere
     */
    public Contact correctProfile(UUID contactId, int version, Profile p) {
        ws.require(Permission.RECORDS);
        Objects.requireNonNull(p, "profile");
        // the audit entry names the fields changed: they are known from the version the form was opened on, and
        // the write below refuses any other version
        Contact seen = ws.read(Permission.RECORDS, tx -> tx.contacts().findById(contactId))
                .orElseThrow(() -> new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone"));
        Corrections.requireMayChange(ws, seen.meta());
        if (seen.meta().version() != version) {
            changed(() -> {
                throw new ConcurrentChangeException("contact");
            });
        }
        List<FieldProblem> problems = checkShape(seen, p);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        List<FieldChange> planned = diff(seen, p);
        if (planned.isEmpty()) {
            throw new InvalidInputException("nothing was changed").keyed("correction.nothing");
        }
        String fieldNames = String.join(",", planned.stream().map(FieldChange::field).toList());
        return changed(() -> ws.write(Permission.RECORDS, AuditAction.UPDATE, "contact", contactId.toString(),
                fieldNames, tx -> {
                    Contact c = live(tx, contactId, version);
                    Corrections.requireMayChange(ws, c.meta());
                    List<FieldProblem> q = checkAgainst(tx, c, p);
                    if (!q.isEmpty()) {
                        throw new InvalidFieldsException(q);
                    }
                    if (Age.wouldRecordChildAsSexWorker(p.kpType(), c.uic(), p.birthYear(), c.firstContactDate())) {
                        throw new SafeguardingRequiredException(c.id());
                    }
                    RecordMeta after = ws.touch(c.meta());
                    Contact next = new Contact(after, c.uic(), p.birthYear(), p.gender(), p.kpType(),
                            c.firstContactDate(), p.homeSiteId(), p.staffId(), p.status(), p.statusDate(),
                            ContactService.blankToNull(p.note()));
                    tx.contacts().update(next);
                    Corrections.keep(ws, tx, RecordType.CONTACT, c.meta(), after, ChangeKind.CORRECT, null, diff(c, p));
                    return next;
                }));
    }

    /**
     * Corrects a UIC typed wrong: the contact gets the new code, the old one stays as its alias (a lookup or an
     * import of it still finds the contact).
     *
     * @throws InvalidFieldsException (field {@code uic}) malformed, unchanged, or the code of another contact
     *                                ({@link ProblemCode#UIC_OTHER_CONTACT}: merge them instead)
     */
    public Contact correctUic(UUID contactId, int version, String uicText) {
        ws.require(Permission.CORRECT_ANY);
        Uic code = ContactService.parseUic(uicText);
        return changed(() -> ws.write(Permission.CORRECT_ANY, AuditAction.UPDATE, "contact", contactId.toString(),
                "uic", tx -> {
                    Contact c = live(tx, contactId, version);
                    if (c.uic().equals(code)) {
                        throw new InvalidFieldsException(FieldProblem.of("uic", ProblemCode.UIC_SAME,
                                "This is already the contact's UIC"));
                    }
                    Optional<UUID> owner = tx.merges().aliasOwner(code);
                    boolean ownAlias = owner.filter(contactId::equals).isPresent()
                            && !tx.contacts().hasOwnUic(code);
                    if (!ownAlias && tx.contacts().isCodeTaken(code)) {
                        throw new InvalidFieldsException(FieldProblem.of("uic", ProblemCode.UIC_OTHER_CONTACT,
                                "This UIC belongs to another contact: merge the two instead"));
                    }
                    if (c.birthYear() != null && code.birthYearDigits() != 99
                            && Math.floorMod(c.birthYear(), 100) != code.birthYearDigits()) {
                        throw new InvalidFieldsException(FieldProblem.of("uic", ProblemCode.BIRTH_YEAR_MISMATCH,
                                "The birth year does not match the year in the UIC"));
                    }
                    if (Age.wouldRecordChildAsSexWorker(c.kpType(), code, c.birthYear(), c.firstContactDate())) {
                        throw new SafeguardingRequiredException(c.id());
                    }
                    RecordMeta after = ws.touch(c.meta());
                    if (ownAlias) {
                        tx.merges().removeAlias(code);
                    }
                    tx.merges().addAlias(c.uic(), c.id(), AliasKind.CORRECTED, ws.author(), after.updatedAt());
                    Contact next = new Contact(after, code, c.birthYear(), c.gender(), c.kpType(), c.firstContactDate(),
                            c.homeSiteId(), c.assignedStaffId(), c.status(), c.statusDate(), c.note());
                    tx.contacts().update(next);
                    Corrections.keep(ws, tx, RecordType.CONTACT, c.meta(), after, ChangeKind.UIC, null,
                            List.of(FieldChange.of("uic", c.uic().value(), code.value())));
                    return next;
                }));
    }

    /**
     * Remembers that two contacts the possible-duplicates list paired are not the same person: the pair is not
     * shown again. Stored once, in a fixed order; marking a pair twice changes nothing.
     */
    public void markDistinct(UUID one, UUID other) {
        ws.require(Permission.CORRECT_ANY);
        if (one.equals(other)) {
            throw new IllegalArgumentException("a contact is always the same person as itself");
        }
        UUID[] pair = MergeRepository.ordered(one, other);
        ws.write(Permission.CORRECT_ANY, AuditAction.CREATE, "distinct_contacts", pair[0].toString(),
                "contact_b " + pair[1], tx -> {
                    for (UUID id : pair) {
                        if (tx.contacts().findById(id).isEmpty() || tx.merges().mergedInto(id).isPresent()) {
                            throw new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone");
                        }
                    }
                    if (!tx.merges().isDistinct(one, other)) {
                        tx.merges().addDistinct(one, other, ws.author(), ws.clock().instant());
                    }
                    return null;
                });
    }

    /** The live contact {@code id} at {@code version}. */
    static Contact live(Tx tx, UUID id, int version) {
        Contact c = tx.contacts().findById(id)
                .orElseThrow(() -> new InvalidInputException("the contact is no longer in the vault").keyed("contact.gone"));
        if (tx.merges().mergedInto(id).isPresent()) {
            throw new InvalidInputException("the contact was merged into another one").keyed("contact.merged");
        }
        if (c.meta().version() != version) {
            throw new ConcurrentChangeException("contact");
        }
        return c;
    }

    /** Runs {@code work}, telling "changed elsewhere" in the user's words. */
    static <T> T changed(Supplier<T> work) {
        try {
            return work.get();
        } catch (ConcurrentChangeException e) {
            throw new InvalidInputException("the contact was changed meanwhile; look at it again and retry")
                    .keyed("contact.changed");
        }
    }

    private List<FieldProblem> checkShape(Contact c, Profile p) {
        List<FieldProblem> out = new ArrayList<>();
        LocalDate today = ws.today();
        if (p.gender() == null) {
            out.add(FieldProblem.of("gender", ProblemCode.REQUIRED, "Choose the gender"));
        }
        if (p.kpType() == null) {
            out.add(FieldProblem.of("kpType", ProblemCode.REQUIRED, "Choose the key-population type"));
        }
        if (p.status() == null) {
            out.add(FieldProblem.of("status", ProblemCode.REQUIRED, "Choose the status"));
        } else if (p.status() != ContactStatus.ACTIVE && p.statusDate() == null) {
            out.add(FieldProblem.of("statusDate", ProblemCode.REQUIRED, "The date of the status change is missing"));
        }
        if (p.statusDate() != null && p.statusDate().isAfter(today)) {
            out.add(FieldProblem.of("statusDate", ProblemCode.DATE_FUTURE, "The date of the status change is in the future"));
        }
        if (p.birthYear() != null && !Age.isPlausibleBirthYear(p.birthYear(), today)) {
            out.add(FieldProblem.of("birthYear", ProblemCode.BIRTH_YEAR_IMPLAUSIBLE,
                    "The birth year must be between 1900 and this year", today.getYear()));
        }
        if (p.birthYear() != null && c.uic().birthYearDigits() != 99
                && Math.floorMod(p.birthYear(), 100) != c.uic().birthYearDigits()) {
            out.add(FieldProblem.of("birthYear", ProblemCode.BIRTH_YEAR_MISMATCH,
                    "The birth year does not match the year in the UIC"));
        }
        if (p.statusDate() != null && p.statusDate().isBefore(c.firstContactDate())) {
            out.add(FieldProblem.of("statusDate", ProblemCode.DATE_BEFORE_FIRST_CONTACT,
                    "The date of the status change is before the first contact"));
        }
        if (p.note() != null && p.note().length() > ContactService.NOTE_MAX) {
            out.add(FieldProblem.of("note", ProblemCode.NOTE_TOO_LONG, "The note is longer than "
                    + ContactService.NOTE_MAX + " characters", ContactService.NOTE_MAX));
        }
        return out;
    }

    private static List<FieldProblem> checkAgainst(Tx tx, Contact c, Profile p) {
        List<FieldProblem> out = new ArrayList<>();
        if (p.homeSiteId() != null && !p.homeSiteId().equals(c.homeSiteId())
                && tx.sites().findById(p.homeSiteId()).isEmpty()) {
            out.add(FieldProblem.of("site", ProblemCode.UNKNOWN, "The home site is not in the vault"));
        }
        if (p.staffId() != null && !p.staffId().equals(c.assignedStaffId())
                && tx.staff().findById(p.staffId()).isEmpty()) {
            out.add(FieldProblem.of("worker", ProblemCode.UNKNOWN, "The assigned worker is not in the vault"));
        }
        return out;
    }

    /** The fields the profile changes, by the names the history uses. */
    static List<FieldChange> diff(Contact c, Profile p) {
        List<FieldChange> out = new ArrayList<>();
        add(out, "gender", c.gender(), p.gender());
        add(out, "kpType", c.kpType(), p.kpType());
        add(out, "birthYear", c.birthYear(), p.birthYear());
        add(out, "homeSiteId", c.homeSiteId(), p.homeSiteId());
        add(out, "assignedStaffId", c.assignedStaffId(), p.staffId());
        add(out, "status", c.status(), p.status());
        add(out, "statusDate", c.statusDate(), p.statusDate());
        add(out, "note", c.note(), ContactService.blankToNull(p.note()));
        return out;
    }

    private static void add(List<FieldChange> out, String field, Object before, Object after) {
        if (FieldChange.differs(before, after)) {
            out.add(FieldChange.of(field, before, after));
        }
    }
}
