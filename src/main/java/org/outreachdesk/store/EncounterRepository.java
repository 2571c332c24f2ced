package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.Encounter;

/** Encounters. */
public final class EncounterRepository {

    private final DSLContext dsl;

    public EncounterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Encounter e) {
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

    /** Inserts many encounters in JDBC batches (register import). */
    public void insertAll(Collection<Encounter> encounters) {
        Batches.insert(dsl, ENCOUNTER, encounters, Encounter::meta,
                List.of(ENCOUNTER.CONTACT_ID, ENCOUNTER.ENCOUNTER_DATE, ENCOUNTER.STAFF_ID, ENCOUNTER.SITE_ID,
                        ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.EDUCATION, ENCOUNTER.CONDOM_DEMO, ENCOUNTER.MALE_CONDOMS,
                        ENCOUNTER.FEMALE_CONDOMS, ENCOUNTER.LUBRICANTS, ENCOUNTER.HIV_SELF_TESTS, ENCOUNTER.HIV_STATUS,
                        ENCOUNTER.STI_SCREENED, ENCOUNTER.NOTE),
                e -> new Object[] {e.contactId(), e.date(), e.staffId(), e.siteId(), e.type(), e.education(),
                    e.condomDemo(), e.quantities().maleCondoms(), e.quantities().femaleCondoms(),
                    e.quantities().lubricants(), e.quantities().hivSelfTests(), e.hivStatus(), e.stiScreened(),
                    e.note()});
    }

    /** What makes an encounter the same encounter: contact, date, worker and site. */
    public record NaturalKey(UUID contactId, LocalDate date, UUID staffId, UUID siteId) {
    }

    /**
     * The natural keys of every encounter of these contacts (for register import; chunks of constant
     * {@code IN} lists, which H2 checks with a hash set).
     */
    public Set<NaturalKey> naturalKeysOf(Collection<UUID> contactIds) {
        Set<NaturalKey> out = new HashSet<>();
        for (List<UUID> chunk : Batches.chunks(contactIds)) {
            dsl.select(ENCOUNTER.CONTACT_ID, ENCOUNTER.ENCOUNTER_DATE, ENCOUNTER.STAFF_ID, ENCOUNTER.SITE_ID)
                    .from(ENCOUNTER)
                    .where(ENCOUNTER.CONTACT_ID.in(chunk.stream().map(id -> DSL.inline(id, ENCOUNTER.CONTACT_ID)).toList()))
                    .forEach(r -> out.add(new NaturalKey(r.value1(), r.value2(), r.value3(), r.value4())));
        }
        return out;
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
