package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CONTACT;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.jooq.tables.records.ContactRecord;

/** Contacts, found by id or UIC. */
public final class ContactRepository {

    private final DSLContext dsl;

    public ContactRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Contact c) {
        dsl.executeInsert(record(c));
    }

    /** Inserts many contacts in JDBC batches. */
    public void insertAll(Collection<Contact> contacts) {
        Bulk.insert(dsl, contacts, ContactRepository::record);
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
     * UICs with the same birth-date part as {@code uic} (its last six characters): the candidates for a
     * near-duplicate check. The birth date ends the code, so this is a suffix match over the UIC column.
     */
    public List<Uic> uicsWithBirthDate(Uic uic) {
        return dsl.select(CONTACT.UIC).from(CONTACT)
                .where(CONTACT.UIC.like("_____" + uic.birthDatePart()))
                .fetch(r -> Uic.parse(r.value1()));
    }

    /** Streams every contact in a stable order without holding them all in memory. */
    public void forEach(java.util.function.Consumer<Contact> sink) {
        try (var cursor = dsl.selectFrom(CONTACT).orderBy(CONTACT.UIC).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(map(r)));
        }
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
