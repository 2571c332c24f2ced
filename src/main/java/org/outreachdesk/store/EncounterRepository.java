package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.Encounter;

/** Encounters. */
public final class EncounterRepository {

    private final DSLContext dsl;

    public EncounterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @throws DuplicateKeyException when the contact already has an encounter that date, by that worker, there */
    public void insert(Encounter e) {
        try {
            doInsert(e);
        } catch (org.jooq.exception.DataAccessException x) {
            throw DuplicateKeyException.translate(x, "encounter");
        }
    }

    private void doInsert(Encounter e) {
        dsl.insertInto(ENCOUNTER)
                .set(Meta.insertValues(ENCOUNTER, e.meta()))
                .set(ENCOUNTER.CONTACT_ID, e.contactId())
                .set(ENCOUNTER.ENCOUNTER_DATE, e.date())
                .set(ENCOUNTER.STAFF_ID, e.staffId())
                .set(ENCOUNTER.SITE_ID, e.siteId())
                .set(ENCOUNTER.ENCOUNTER_TYPE, e.type())
                .set(ENCOUNTER.EDUCATION, e.education())
                .set(ENCOUNTER.CONDOM_DEMO, e.condomDemo())
                .set(ENCOUNTER.MALE_CONDOMS, e.quantities().maleCondoms())
                .set(ENCOUNTER.FEMALE_CONDOMS, e.quantities().femaleCondoms())
                .set(ENCOUNTER.LUBRICANTS, e.quantities().lubricants())
                .set(ENCOUNTER.HIV_SELF_TESTS, e.quantities().hivSelfTests())
                .set(ENCOUNTER.HIV_STATUS, e.hivStatus())
                .set(ENCOUNTER.STI_SCREENED, e.stiScreened())
                .set(ENCOUNTER.NOTE, e.note())
                .execute();
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
