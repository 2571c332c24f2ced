package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CONTACT;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Uic;

/** Contacts, found by id or UIC. */
public final class ContactRepository {

    private final DSLContext dsl;

    public ContactRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Contact c) {
        dsl.insertInto(CONTACT)
                .set(Meta.insertValues(CONTACT, c.meta()))
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
                .execute();
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

    public Optional<Contact> findByUic(Uic uic) {
        return dsl.selectFrom(CONTACT).where(CONTACT.UIC.eq(uic.value())).fetchOptional(ContactRepository::map);
    }

    /**
     * The contacts of these UICs that exist, by UIC (for register import). Looked up in chunks of constant
     * {@code IN} lists: H2 checks a list of constants with a hash set, a list of bind parameters one by one
     * for every row found. The statements stay in memory (no SQL is logged, H2's trace file is off).
     */
    public Map<Uic, Contact> findByUics(Collection<Uic> uics) {
        Map<Uic, Contact> out = new HashMap<>();
        for (List<Uic> chunk : Batches.chunks(uics)) {
            dsl.selectFrom(CONTACT)
                    .where(CONTACT.UIC.in(chunk.stream().map(u -> DSL.inline(u.value(), CONTACT.UIC)).toList()))
                    .forEach(r -> {
                        Contact c = map(r);
                        out.put(c.uic(), c);
                    });
        }
        return out;
    }

    /**
     * UICs with the same birth-date part as {@code uic} (its last six characters): the candidates for a
     * near-duplicate check. The birth date ends the code, so this is a suffix match over the UIC column.
     */
    public List<Uic> uicsWithBirthDate(Uic uic) {
        return dsl.select(CONTACT.UIC).from(CONTACT)
                .where(CONTACT.UIC.like("_____" + uic.birthDatePart()))
                .fetch(r -> Uic.parse(r.value1()));
    }

    public long count() {
        return dsl.fetchCount(CONTACT);
    }

    static Contact map(Record r) {
        Short by = r.get(CONTACT.BIRTH_YEAR);
        return new Contact(Meta.read(CONTACT, r), Uic.parse(r.get(CONTACT.UIC)), by == null ? null : by.intValue(),
                r.get(CONTACT.GENDER), r.get(CONTACT.KP_TYPE), r.get(CONTACT.FIRST_CONTACT_DATE),
                r.get(CONTACT.HOME_SITE_ID), r.get(CONTACT.ASSIGNED_STAFF_ID), r.get(CONTACT.CONTACT_STATUS),
                r.get(CONTACT.STATUS_DATE), r.get(CONTACT.NOTE));
    }
}
