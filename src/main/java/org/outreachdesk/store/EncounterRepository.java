package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;
import static org.outreachdesk.store.jooq.Tables.SITE;
import static org.outreachdesk.store.jooq.Tables.STAFF;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.store.jooq.tables.records.EncounterRecord;
import org.jooq.Condition;

/** Encounters. */
public final class EncounterRepository {

    private final DSLContext dsl;

    public EncounterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Inserts one encounter. The natural key (contact, date, worker, site) is not a constraint since schema V9
     * (a voided encounter must not block the right one): callers check {@link #findNatural} first.
     */
    public void insert(Encounter e) {
        dsl.executeInsert(record(e));
        keepHistory(List.of(e));
    }

    /** A date placeholder, bound per row of a batch. */
    private static Field<LocalDate> date() {
        return DSL.val(null, LocalDate.class);
    }

    /**
     * Keeps the contacts' {@code first_encounter_date} and {@code known_positive_since} (schema V7) up to date
     * with encounters just written: each can only move earlier. One statement per contact, in JDBC batches.
     */
    private void keepHistory(Collection<Encounter> written) {
        record History(LocalDate first, LocalDate positive) {
            History with(Encounter e) {
                LocalDate d = e.date();
                LocalDate p = e.hivStatus() == HivStatus.KNOWN_POSITIVE ? d : null;
                return new History(first == null || d.isBefore(first) ? d : first,
                        p == null ? positive : positive == null || p.isBefore(positive) ? p : positive);
            }
        }
        Map<UUID, History> byContact = new HashMap<>();
        for (Encounter e : written) {
            byContact.put(e.contactId(), byContact.getOrDefault(e.contactId(), new History(null, null)).with(e));
        }
        Field<LocalDate> first = CONTACT.FIRST_ENCOUNTER_DATE;
        Field<LocalDate> positive = CONTACT.KNOWN_POSITIVE_SINCE;
        // six placeholders, bound in this order: first, first, positive, positive, positive, contact id
        Query update = dsl.update(CONTACT)
                .set(first, DSL.when(first.isNull().or(first.gt(date())), date()).else_(first))
                .set(positive, DSL.when(date().isNotNull().and(positive.isNull().or(positive.gt(date()))),
                        date()).else_(positive))
                .where(CONTACT.ID.eq(DSL.val(null, UUID.class)));
        Iterator<Map.Entry<UUID, History>> it = byContact.entrySet().iterator();
        while (it.hasNext()) {
            BatchBindStep batch = dsl.batch(update);
            for (int n = 0; n < Batches.SIZE && it.hasNext(); n++) {
                Map.Entry<UUID, History> h = it.next();
                batch.bind(h.getValue().first(), h.getValue().first(), h.getValue().positive(),
                        h.getValue().positive(), h.getValue().positive(), h.getKey());
            }
            batch.execute();
        }
    }

    /**
     * Recomputes the contacts' {@code first_encounter_date} and {@code known_positive_since} (schema V7) from their
     * live (not voided) encounters: after a void, a correction of an encounter's date, contact or HIV status, or a
     * merge, when a fact may move later or vanish. One statement per chunk of contacts.
     */
    public void refreshFacts(Collection<UUID> contactIds) {
        var e = ENCOUNTER.as("e");
        for (List<UUID> chunk : Batches.chunks(contactIds)) {
            dsl.update(CONTACT)
                    .set(CONTACT.FIRST_ENCOUNTER_DATE, DSL.field(DSL.select(DSL.min(e.ENCOUNTER_DATE)).from(e)
                            .where(e.CONTACT_ID.eq(CONTACT.ID), e.VOIDED.isFalse())))
                    .set(CONTACT.KNOWN_POSITIVE_SINCE, DSL.field(DSL.select(DSL.min(e.ENCOUNTER_DATE)).from(e)
                            .where(e.CONTACT_ID.eq(CONTACT.ID), e.VOIDED.isFalse(),
                                    e.HIV_STATUS.eq(HivStatus.KNOWN_POSITIVE))))
                    .where(CONTACT.ID.in(chunk))
                    .execute();
        }
    }

    /**
     * Writes a corrected encounter (every field but its contact; {@code e.meta()} is the touched metadata): fails
     * with {@link ConcurrentChangeException} when it moved on from {@code e.meta().version() - 1} or is voided.
     */
    public void update(Encounter e) {
        int n = dsl.update(ENCOUNTER)
                .set(Meta.updateValues(ENCOUNTER, e.meta()))
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
                .where(ENCOUNTER.ID.eq(e.id()), ENCOUNTER.ROW_VERSION.eq(e.meta().version() - 1),
                        ENCOUNTER.VOIDED.isFalse())
                .execute();
        ConcurrentChangeException.check(n, "encounter");
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
        keepHistory(encounters);
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
                    .and(ENCOUNTER.VOIDED.isFalse())
                    .forEach(r -> out.add(new NaturalKey(r.value1(), r.value2(), r.value3(), r.value4())));
        }
        return out;
    }

    public Optional<Encounter> findById(UUID id) {
        return dsl.selectFrom(ENCOUNTER).where(ENCOUNTER.ID.eq(id)).fetchOptional(EncounterRepository::map);
    }

    /** The live (not voided) encounter of this contact on this date by this worker at this site, if any. */
    public Optional<Encounter> findNatural(UUID contactId, LocalDate date, UUID staffId, UUID siteId) {
        return findNatural(contactId, date, staffId, siteId, null);
    }

    /** As {@link #findNatural(UUID, LocalDate, UUID, UUID)}, leaving out the encounter {@code except} (a correction). */
    public Optional<Encounter> findNatural(UUID contactId, LocalDate date, UUID staffId, UUID siteId, UUID except) {
        return dsl.selectFrom(ENCOUNTER)
                .where(ENCOUNTER.CONTACT_ID.eq(contactId), ENCOUNTER.ENCOUNTER_DATE.eq(date),
                        ENCOUNTER.STAFF_ID.eq(staffId), ENCOUNTER.SITE_ID.eq(siteId), ENCOUNTER.VOIDED.isFalse())
                .and(except == null ? DSL.noCondition() : ENCOUNTER.ID.ne(except))
                .limit(1)
                .fetchOptional(EncounterRepository::map);
    }

    /** A contact's encounters, newest first, voided ones too (the timeline shows them struck through). */
    public List<Encounter> forContact(UUID contactId) {
        return dsl.selectFrom(ENCOUNTER)
                .where(ENCOUNTER.CONTACT_ID.eq(contactId))
                .orderBy(ENCOUNTER.ENCOUNTER_DATE.desc(), ENCOUNTER.CREATED_AT.desc())
                .fetch(EncounterRepository::map);
    }

    /** One row of the encounter list: the encounter (voided ones too) with its contact's UIC and its codes. */
    public record Listed(Encounter encounter, String uic, String siteCode, String staffCode) {
        @Override
        public String toString() {
            return "Listed[" + encounter + "]";
        }
    }

    /**
     * A page of encounters dated in [from, to] (either may be null), optionally at one site and/or by one worker,
     * newest first; voided ones included (the list shows them struck through).
     */
    public List<Listed> listing(LocalDate from, LocalDate to, UUID siteId, UUID staffId, int offset, int limit) {
        return dsl.select(ENCOUNTER.fields())
                .select(CONTACT.UIC, SITE.CODE, STAFF.CODE)
                .from(ENCOUNTER)
                .join(CONTACT).on(CONTACT.ID.eq(ENCOUNTER.CONTACT_ID))
                .join(SITE).on(SITE.ID.eq(ENCOUNTER.SITE_ID))
                .join(STAFF).on(STAFF.ID.eq(ENCOUNTER.STAFF_ID))
                .where(listCondition(from, to, siteId, staffId))
                .orderBy(ENCOUNTER.ENCOUNTER_DATE.desc(), ENCOUNTER.CREATED_AT.desc(), ENCOUNTER.ID.asc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Listed(map(r), r.get(CONTACT.UIC), r.get(SITE.CODE), r.get(STAFF.CODE)));
    }

    /** How many encounters {@link #listing} has in all under these filters. */
    public long listingCount(LocalDate from, LocalDate to, UUID siteId, UUID staffId) {
        return dsl.fetchCount(ENCOUNTER, listCondition(from, to, siteId, staffId));
    }

    private static Condition listCondition(LocalDate from, LocalDate to, UUID siteId, UUID staffId) {
        return (from == null ? DSL.noCondition() : ENCOUNTER.ENCOUNTER_DATE.ge(from))
                .and(to == null ? DSL.noCondition() : ENCOUNTER.ENCOUNTER_DATE.le(to))
                .and(siteId == null ? DSL.noCondition() : ENCOUNTER.SITE_ID.eq(siteId))
                .and(staffId == null ? DSL.noCondition() : ENCOUNTER.STAFF_ID.eq(staffId));
    }

    /** Streams every encounter in a stable order without holding them all in memory. */
    public void forEach(Consumer<Encounter> sink) {
        try (var cursor = dsl.selectFrom(ENCOUNTER).orderBy(ENCOUNTER.ENCOUNTER_DATE, ENCOUNTER.ID).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(map(r)));
        }
    }

    /** How many encounter rows the vault holds, voided ones too. */
    public long count() {
        return dsl.fetchCount(ENCOUNTER);
    }

    static Encounter map(Record r) {
        return new Encounter(Meta.read(ENCOUNTER, r), r.get(ENCOUNTER.CONTACT_ID), r.get(ENCOUNTER.ENCOUNTER_DATE),
                r.get(ENCOUNTER.STAFF_ID), r.get(ENCOUNTER.SITE_ID), r.get(ENCOUNTER.ENCOUNTER_TYPE),
                r.get(ENCOUNTER.EDUCATION), r.get(ENCOUNTER.CONDOM_DEMO),
                new Encounter.Quantities(r.get(ENCOUNTER.MALE_CONDOMS), r.get(ENCOUNTER.FEMALE_CONDOMS),
                        r.get(ENCOUNTER.LUBRICANTS), r.get(ENCOUNTER.HIV_SELF_TESTS)),
                r.get(ENCOUNTER.HIV_STATUS), r.get(ENCOUNTER.STI_SCREENED), r.get(ENCOUNTER.NOTE),
                r.get(ENCOUNTER.VOIDED) ? voidReason(r.get(ENCOUNTER.VOID_REASON)) : null);
    }

    private static VoidReason voidReason(String code) {
        return code == null ? VoidReason.OTHER : VoidReason.valueOf(code);
    }
}
