package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.CONTACT_ALIAS;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;
import static org.outreachdesk.store.jooq.Tables.SITE;
import static org.outreachdesk.store.jooq.Tables.STAFF;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.jooq.tables.records.ContactRecord;

/**
 * Contacts, found by id or UIC, and the register: filtered, sorted and paged in the database (keyset paging:
 * a page starts after the last row of the one before, so page 500 costs what page 1 costs).
 */
public final class ContactRepository {

    private final DSLContext dsl;

    public ContactRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Contact c) {
        try {
            dsl.executeInsert(record(c));
        } catch (DataAccessException x) {
            throw DuplicateKeyException.translate(x, "contact");
        }
    }

    static ContactRecord record(Contact c) {
        ContactRecord r = new ContactRecord()
                .setUic(c.uic().value())
                .setBirthYear(c.birthYear() == null ? null : c.birthYear().shortValue())
                .setGender(c.gender())
                .setKpType(c.kpType())
                .setFirstContactDate(c.firstContactDate())
                .setHomeSiteId(c.homeSiteId())
                .setAssignedStaffId(c.assignedStaffId())
                .setContactStatus(c.status())
                .setStatusDate(c.statusDate())
                .setNote(c.note());
        Meta.write(r, CONTACT, c.meta());
        return r;
    }

    /** Inserts many contacts in JDBC batches (register import). */
    public void insertAll(Collection<Contact> contacts) {
        Batches.insert(dsl, CONTACT, contacts, Contact::meta,
                List.of(CONTACT.UIC, CONTACT.BIRTH_YEAR, CONTACT.GENDER, CONTACT.KP_TYPE, CONTACT.FIRST_CONTACT_DATE,
                        CONTACT.HOME_SITE_ID, CONTACT.ASSIGNED_STAFF_ID, CONTACT.CONTACT_STATUS, CONTACT.STATUS_DATE,
                        CONTACT.NOTE),
                c -> new Object[] {c.uic().value(), c.birthYear() == null ? null : c.birthYear().shortValue(),
                    c.gender(), c.kpType(), c.firstContactDate(), c.homeSiteId(), c.assignedStaffId(), c.status(),
                    c.statusDate(), c.note()});
    }

    public void update(Contact c) {
        int n = dsl.update(CONTACT)
                .set(Meta.updateValues(CONTACT, c.meta()))
                .set(CONTACT.UIC, c.uic().value())
                .set(CONTACT.BIRTH_YEAR, c.birthYear() == null ? null : c.birthYear().shortValue())
                .set(CONTACT.GENDER, c.gender())
                .set(CONTACT.KP_TYPE, c.kpType())
                .set(CONTACT.FIRST_CONTACT_DATE, c.firstContactDate())
                .set(CONTACT.HOME_SITE_ID, c.homeSiteId())
                .set(CONTACT.ASSIGNED_STAFF_ID, c.assignedStaffId())
                .set(CONTACT.CONTACT_STATUS, c.status())
                .set(CONTACT.STATUS_DATE, c.statusDate())
                .set(CONTACT.NOTE, c.note())
                .where(CONTACT.ID.eq(c.meta().id()).and(CONTACT.ROW_VERSION.eq(c.meta().version() - 1)))
                .execute();
        ConcurrentChangeException.check(n, "contact");
    }

    public Optional<Contact> findById(UUID id) {
        return dsl.selectFrom(CONTACT).where(CONTACT.ID.eq(id)).fetchOptional(ContactRepository::map);
    }

    /**
     * The live contact this code names: the contact whose UIC it is, or the one it is an alias of (a corrected or a
     * merged-away code, schema V9). A merged-away contact's own code is an alias of the contact that stayed.
     */
    public Optional<Contact> findByUic(Uic uic) {
        return resolve(uic).flatMap(this::findById);
    }

    /** The id of the live contact this code names (its own UIC or an alias), as {@link #findByUic}. */
    public Optional<UUID> resolve(Uic uic) {
        Optional<UUID> alias = dsl.select(CONTACT_ALIAS.CONTACT_ID).from(CONTACT_ALIAS)
                .where(CONTACT_ALIAS.UIC.eq(uic.value())).fetchOptional(r -> r.value1());
        if (alias.isPresent()) {
            return alias;
        }
        return dsl.select(CONTACT.ID).from(CONTACT).where(CONTACT.UIC.eq(uic.value()), CONTACT.MERGED_INTO.isNull())
                .fetchOptional(r -> r.value1());
    }

    /** Whether any contact, live or merged away, has this code as its own UIC or as an alias. */
    public boolean isCodeTaken(Uic uic) {
        return hasOwnUic(uic) || dsl.fetchExists(CONTACT_ALIAS, CONTACT_ALIAS.UIC.eq(uic.value()));
    }

    /** Whether a contact row, live or merged away, has this code as its own UIC (the column is unique). */
    public boolean hasOwnUic(Uic uic) {
        return dsl.fetchExists(CONTACT, CONTACT.UIC.eq(uic.value()));
    }

    /**
     * The live contacts these codes name (own UICs or aliases, as {@link #findByUic}), by the code asked for (for
     * register import: a row whose UIC is an alias lands on the contact that stayed). Looked up in chunks of constant
     * {@code IN} lists: H2 checks a list of constants with a hash set, a list of bind parameters one by one
     * for every row found. The statements stay in memory (no SQL is logged, H2's trace file is off).
     */
    public Map<Uic, Contact> findByUics(Collection<Uic> uics) {
        Map<Uic, Contact> out = new HashMap<>();
        Map<Uic, UUID> aliased = new HashMap<>();
        for (List<Uic> chunk : Batches.chunks(uics)) {
            dsl.select(CONTACT_ALIAS.UIC, CONTACT_ALIAS.CONTACT_ID).from(CONTACT_ALIAS)
                    .where(CONTACT_ALIAS.UIC.in(chunk.stream().map(u -> DSL.inline(u.value(), CONTACT_ALIAS.UIC)).toList()))
                    .forEach(r -> aliased.put(Uic.parse(r.value1()), r.value2()));
            dsl.selectFrom(CONTACT)
                    .where(CONTACT.UIC.in(chunk.stream().map(u -> DSL.inline(u.value(), CONTACT.UIC)).toList()))
                    .and(CONTACT.MERGED_INTO.isNull())
                    .forEach(r -> {
                        Contact c = map(r);
                        out.put(c.uic(), c);
                    });
        }
        if (!aliased.isEmpty()) {
            Map<UUID, Contact> owners = new HashMap<>();
            for (List<UUID> chunk : Batches.chunks(new HashSet<>(aliased.values()))) {
                dsl.selectFrom(CONTACT).where(CONTACT.ID.in(chunk)).forEach(r -> {
                    Contact c = map(r);
                    owners.put(c.id(), c);
                });
            }
            aliased.forEach((code, id) -> out.put(code, owners.get(id)));
        }
        return out;
    }

    /**
     * UICs with the same birth-date part as {@code uic} (its last six characters): the candidates for a
     * near-duplicate check. The birth date ends the code, so this is a suffix match over the UIC column. Live
     * contacts only (not merged away).
     */
    public List<Uic> uicsWithBirthDate(Uic uic) {
        return dsl.select(CONTACT.UIC).from(CONTACT)
                .where(CONTACT.UIC.like("_____" + uic.birthDatePart()), CONTACT.MERGED_INTO.isNull())
                .fetch(r -> Uic.parse(r.value1()));
    }

    /** Streams every contact in a stable order without holding them all in memory. */
    public void forEach(Consumer<Contact> sink) {
        try (var cursor = dsl.selectFrom(CONTACT).orderBy(CONTACT.UIC).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(map(r)));
        }
    }

    public long count() {
        return dsl.fetchCount(CONTACT);
    }

    private static final Field<String> SITE_CODE = SITE.CODE.as("home_site_code");
    private static final Field<String> STAFF_CODE = STAFF.CODE.as("staff_code");

    /** The latest encounter date of the contact of the row (a correlated lookup on encounter_contact_date_ix). */
    private static Field<LocalDate> lastEncounter() {
        return DSL.field(DSL.select(DSL.max(ENCOUNTER.ENCOUNTER_DATE)).from(ENCOUNTER)
                .where(ENCOUNTER.CONTACT_ID.eq(CONTACT.ID), ENCOUNTER.VOIDED.isFalse())).as("last_encounter");
    }

    private SelectJoinStep<Record> listingSelect() {
        return dsl.select(CONTACT.fields()).select(SITE_CODE, STAFF_CODE, lastEncounter())
                .from(CONTACT)
                .leftJoin(SITE).on(SITE.ID.eq(CONTACT.HOME_SITE_ID))
                .leftJoin(STAFF).on(STAFF.ID.eq(CONTACT.ASSIGNED_STAFF_ID));
    }

    /** The live contact this code names (its own UIC or an alias, as {@link #findByUic}), listed. */
    public Optional<ContactListing> listingByUic(Uic uic) {
        return resolve(uic).flatMap(this::listingById);
    }

    public Optional<ContactListing> listingById(UUID id) {
        return listingSelect().where(CONTACT.ID.eq(id)).fetchOptional(ContactRepository::mapListing);
    }

    /** The listings of the contacts with these UICs (a handful: near-duplicate candidates), by UIC. */
    public List<ContactListing> listingsByUic(Collection<Uic> uics) {
        if (uics.isEmpty()) {
            return List.of();
        }
        return listingSelect().where(CONTACT.UIC.in(uics.stream().map(Uic::value).toList()), CONTACT.MERGED_INTO.isNull())
                .orderBy(CONTACT.UIC).fetch(ContactRepository::mapListing);
    }

    /** The listings of these contacts (live or not), by id; in chunks of {@code IN} lists. */
    public Map<UUID, ContactListing> listingsById(Collection<UUID> ids) {
        Map<UUID, ContactListing> out = new HashMap<>();
        for (List<UUID> chunk : Batches.chunks(ids)) {
            listingSelect().where(CONTACT.ID.in(chunk)).forEach(r -> {
                ContactListing l = mapListing(r);
                out.put(l.contact().id(), l);
            });
        }
        return out;
    }

    /**
     * One page of the register: at most {@code limit} contacts matching {@code filter}, in its order, after
     * {@code after} (the last row of the previous page; null for the first page).
     */
    public List<ContactListing> page(ContactFilter filter, ContactListing after, int limit) {
        var query = listingSelect().where(condition(filter));
        List<SortField<?>> order = filter.sort() == ContactFilter.Sort.NEWEST_FIRST
                ? List.of(CONTACT.FIRST_CONTACT_DATE.desc(), CONTACT.UIC.asc())
                : List.of(CONTACT.UIC.asc());
        var ordered = query.orderBy(order);
        if (after == null) {
            return ordered.limit(limit).fetch(ContactRepository::mapListing);
        }
        Contact last = after.contact();
        var sought = filter.sort() == ContactFilter.Sort.NEWEST_FIRST
                ? ordered.seek(last.firstContactDate(), last.uic().value())
                : ordered.seek(last.uic().value());
        return sought.limit(limit).fetch(ContactRepository::mapListing);
    }

    /** How many contacts match {@code filter}. */
    public long count(ContactFilter filter) {
        return dsl.fetchCount(CONTACT, condition(filter));
    }

    /** The register's rows: live contacts (a merged-away contact is only an alias of the one that stayed). */
    private static Condition condition(ContactFilter f) {
        Condition c = CONTACT.MERGED_INTO.isNull();
        String prefix = f.normalisedPrefix();
        if (!prefix.isEmpty()) {
            if (!prefix.matches("[A-Z0-9]{1,11}")) {
                return DSL.falseCondition();
            }
            // a plain LIKE with a literal prefix: no wildcard can be smuggled in, and the UIC index serves it
            // an old code (corrected or merged away) finds the contact it now names
            c = c.and(CONTACT.UIC.like(prefix + "%").or(DSL.exists(DSL.selectOne().from(CONTACT_ALIAS)
                    .where(CONTACT_ALIAS.CONTACT_ID.eq(CONTACT.ID), CONTACT_ALIAS.UIC.like(prefix + "%")))));
        }
        if (f.siteId() != null) {
            c = c.and(CONTACT.HOME_SITE_ID.eq(f.siteId()));
        }
        if (f.staffId() != null) {
            c = c.and(CONTACT.ASSIGNED_STAFF_ID.eq(f.staffId()));
        }
        if (f.kpType() != null) {
            c = c.and(CONTACT.KP_TYPE.eq(f.kpType()));
        }
        if (f.status() != null) {
            c = c.and(CONTACT.CONTACT_STATUS.eq(f.status()));
        }
        return c;
    }

    static ContactListing mapListing(Record r) {
        return new ContactListing(map(r), r.get(SITE_CODE), r.get(STAFF_CODE), r.get("last_encounter", LocalDate.class));
    }

    static Contact map(Record r) {
        Short by = r.get(CONTACT.BIRTH_YEAR);
        return new Contact(Meta.read(CONTACT, r), Uic.parse(r.get(CONTACT.UIC)), by == null ? null : by.intValue(),
                r.get(CONTACT.GENDER), r.get(CONTACT.KP_TYPE), r.get(CONTACT.FIRST_CONTACT_DATE),
                r.get(CONTACT.HOME_SITE_ID), r.get(CONTACT.ASSIGNED_STAFF_ID), r.get(CONTACT.CONTACT_STATUS),
                r.get(CONTACT.STATUS_DATE), r.get(CONTACT.NOTE));
    }
}
