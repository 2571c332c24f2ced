package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.store.jooq.tables.records.EncounterRecord;

/** Encounters. */
public final class EncounterRepository {

    private final DSLContext dsl;

    public EncounterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @throws DuplicateKeyException when the contact already has an encounter that date, by that worker, there */
    public void insert(Encounter e) {
        try {
            dsl.executeInsert(record(e));
        } catch (org.jooq.exception.DataAccessException x) {
            throw DuplicateKeyException.translate(x, "encounter");
        }
    }

    /** Inserts many encounters in JDBC batches (the caller's transaction decides what is committed). */
    public void insertAll(Collection<Encounter> encounters) {
        Bulk.insert(dsl, encounters, EncounterRepository::record);
    }

    static EncounterRecord record(Encounter e) {
        EncounterRecord r = new EncounterRecord()
                .setContactId(e.contactId())
                .setEncounterDate(e.date())
                .setStaffId(e.staffId())
                .setSiteId(e.siteId())
                .setEncounterType(e.type())
                .setEducation(e.education())
                .setCondomDemo(e.condomDemo())
                .setMaleCondoms(e.quantities().maleCondoms())
                .setFemaleCondoms(e.quantities().femaleCondoms())
                .setLubricants(e.quantities().lubricants())
                .setHivSelfTests(e.quantities().hivSelfTests())
                .setHivStatus(e.hivStatus())
                .setStiScreened(e.stiScreened())
                .setNote(e.note());
        Meta.write(r, ENCOUNTER, e.meta());
        return r;
    }

    public Optional<Encounter> findById(UUID id) {
        return dsl.selectFrom(ENCOUNTER).where(ENCOUNTER.ID.eq(id)).fetchOptional(EncounterRepository::map);
    }

    /** The encounter of this contact on this date by this worker at this site, if one is recorded. */
    public Optional<Encounter> findNatural(UUID contactId, LocalDate date, UUID staffId, UUID siteId) {
        return dsl.selectFrom(ENCOUNTER)
                .where(ENCOUNTER.CONTACT_ID.eq(contactId), ENCOUNTER.ENCOUNTER_DATE.eq(date),
                        ENCOUNTER.STAFF_ID.eq(staffId), ENCOUNTER.SITE_ID.eq(siteId))
                .fetchOptional(EncounterRepository::map);
    }

    /** A contact's encounters, newest first. */
    public List<Encounter> forContact(UUID contactId) {
        return dsl.selectFrom(ENCOUNTER)
                .where(ENCOUNTER.CONTACT_ID.eq(contactId))
                .orderBy(ENCOUNTER.ENCOUNTER_DATE.desc(), ENCOUNTER.CREATED_AT.desc())
                .fetch(EncounterRepository::map);
    }

    /** Streams every encounter in a stable order without holding them all in memory. */
    public void forEach(java.util.function.Consumer<Encounter> sink) {
        try (var cursor = dsl.selectFrom(ENCOUNTER).orderBy(ENCOUNTER.ENCOUNTER_DATE, ENCOUNTER.ID).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(map(r)));
        }
    }

    public long count() {
        return dsl.fetchCount(ENCOUNTER);
    }

    static Encounter map(Record r) {
        return new Encounter(Meta.read(ENCOUNTER, r), r.get(ENCOUNTER.CONTACT_ID), r.get(ENCOUNTER.ENCOUNTER_DATE),
                r.get(ENCOUNTER.STAFF_ID), r.get(ENCOUNTER.SITE_ID), r.get(ENCOUNTER.ENCOUNTER_TYPE),
                r.get(ENCOUNTER.EDUCATION), r.get(ENCOUNTER.CONDOM_DEMO),
                new Encounter.Quantities(r.get(ENCOUNTER.MALE_CONDOMS), r.get(ENCOUNTER.FEMALE_CONDOMS),
                        r.get(ENCOUNTER.LUBRICANTS), r.get(ENCOUNTER.HIV_SELF_TESTS)),
                r.get(ENCOUNTER.HIV_STATUS), r.get(ENCOUNTER.STI_SCREENED), r.get(ENCOUNTER.NOTE));
    }
}
