package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.REFERRAL;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.store.jooq.tables.records.ReferralRecord;

/** Referrals. */
public final class ReferralRepository {

    private final DSLContext dsl;

    public ReferralRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Referral r) {
        dsl.executeInsert(record(r));
    }

    static ReferralRecord record(Referral x) {
        ReferralRecord r = new ReferralRecord()
                .setContactId(x.contactId())
                .setEncounterId(x.encounterId())
                .setServiceType(x.serviceType())
                .setDirectoryEntryId(x.directoryEntryId())
                .setMadeDate(x.madeDate())
                .setDueDate(x.dueDate())
                .setReferralStatus(x.status())
                .setClosedDate(x.closedDate())
                .setNote(x.note());
        Meta.write(r, REFERRAL, x.meta());
        return r;
    }

    /** Inserts many referrals in JDBC batches (register import). */
    public void insertAll(Collection<Referral> referrals) {
        Batches.insert(dsl, REFERRAL, referrals, Referral::meta,
                List.of(REFERRAL.CONTACT_ID, REFERRAL.ENCOUNTER_ID, REFERRAL.SERVICE_TYPE, REFERRAL.DIRECTORY_ENTRY_ID,
                        REFERRAL.MADE_DATE, REFERRAL.DUE_DATE, REFERRAL.REFERRAL_STATUS, REFERRAL.CLOSED_DATE,
                        REFERRAL.NOTE),
                r -> new Object[] {r.contactId(), r.encounterId(), r.serviceType(), r.directoryEntryId(), r.madeDate(),
                    r.dueDate(), r.status(), r.closedDate(), r.note()});
    }

    public long count() {
        return dsl.fetchCount(REFERRAL);
    }

    public void update(Referral r) {
        int n = dsl.update(REFERRAL)
                .set(Meta.updateValues(REFERRAL, r.meta()))
                .set(REFERRAL.SERVICE_TYPE, r.serviceType())
                .set(REFERRAL.DIRECTORY_ENTRY_ID, r.directoryEntryId())
                .set(REFERRAL.DUE_DATE, r.dueDate())
                .set(REFERRAL.REFERRAL_STATUS, r.status())
                .set(REFERRAL.CLOSED_DATE, r.closedDate())
                .set(REFERRAL.NOTE, r.note())
                .where(REFERRAL.ID.eq(r.meta().id()).and(REFERRAL.ROW_VERSION.eq(r.meta().version() - 1)))
                .execute();
        ConcurrentChangeException.check(n, "referral");
    }

    /**
     * Writes a corrected referral (every field a correction may change; {@code r.meta()} touched): fails with
     * {@link ConcurrentChangeException} when it moved on meanwhile or was voided.
     */
    public void correct(Referral r) {
        int n = dsl.update(REFERRAL)
                .set(Meta.updateValues(REFERRAL, r.meta()))
                .set(REFERRAL.SERVICE_TYPE, r.serviceType())
                .set(REFERRAL.DIRECTORY_ENTRY_ID, r.directoryEntryId())
                .set(REFERRAL.MADE_DATE, r.madeDate())
                .set(REFERRAL.DUE_DATE, r.dueDate())
                .set(REFERRAL.REFERRAL_STATUS, r.status())
                .set(REFERRAL.CLOSED_DATE, r.closedDate())
                .set(REFERRAL.NOTE, r.note())
                .where(REFERRAL.ID.eq(r.meta().id()), REFERRAL.ROW_VERSION.eq(r.meta().version() - 1),
                        REFERRAL.VOIDED.isFalse())
                .execute();
        ConcurrentChangeException.check(n, "referral");
    }

    /** Whether the referral is voided (false when there is none). */
    public boolean isVoided(UUID id) {
        return dsl.fetchExists(REFERRAL, REFERRAL.ID.eq(id), REFERRAL.VOIDED.isTrue());
    }

    public Optional<Referral> findById(UUID id) {
        return dsl.selectFrom(REFERRAL).where(REFERRAL.ID.eq(id)).fetchOptional(ReferralRepository::map);
    }

    public List<Referral> forContact(UUID contactId) {
        return dsl.selectFrom(REFERRAL)
                .where(REFERRAL.CONTACT_ID.eq(contactId))
                .orderBy(REFERRAL.MADE_DATE.desc())
                .fetch(ReferralRepository::map);
    }

    public List<Referral> forEncounter(UUID encounterId) {
        return dsl.selectFrom(REFERRAL)
                .where(REFERRAL.ENCOUNTER_ID.eq(encounterId))
                .orderBy(REFERRAL.SERVICE_TYPE)
                .fetch(ReferralRepository::map);
    }

    /** The live (not voided) referrals made at an encounter that are still pending (voided with it). */
    public List<Referral> pendingOf(UUID encounterId) {
        return dsl.selectFrom(REFERRAL)
                .where(REFERRAL.ENCOUNTER_ID.eq(encounterId), REFERRAL.VOIDED.isFalse(),
                        REFERRAL.REFERRAL_STATUS.eq(ReferralStatus.PENDING))
                .orderBy(REFERRAL.SERVICE_TYPE)
                .fetch(ReferralRepository::map);
    }

    /** The live (not voided) referrals made at an encounter, whatever their status. */
    public List<Referral> liveOf(UUID encounterId) {
        return dsl.selectFrom(REFERRAL)
                .where(REFERRAL.ENCOUNTER_ID.eq(encounterId), REFERRAL.VOIDED.isFalse())
                .orderBy(REFERRAL.SERVICE_TYPE)
                .fetch(ReferralRepository::map);
    }

    static Referral map(Record r) {
        return new Referral(Meta.read(REFERRAL, r), r.get(REFERRAL.CONTACT_ID), r.get(REFERRAL.ENCOUNTER_ID),
                r.get(REFERRAL.SERVICE_TYPE), r.get(REFERRAL.DIRECTORY_ENTRY_ID), r.get(REFERRAL.MADE_DATE),
                r.get(REFERRAL.DUE_DATE), r.get(REFERRAL.REFERRAL_STATUS), r.get(REFERRAL.CLOSED_DATE),
                r.get(REFERRAL.NOTE));
    }
}
