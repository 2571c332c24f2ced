package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.DIRECTORY_ENTRY;
import static org.outreachdesk.store.jooq.Tables.INCIDENT;
import static org.outreachdesk.store.jooq.Tables.REFERRAL;
import static org.outreachdesk.store.jooq.Tables.SITE;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.outreachdesk.domain.Incident;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VoidReason;

/** Safety incidents. */
public final class IncidentRepository {

    private final DSLContext dsl;

    public IncidentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Incident i) {
        dsl.insertInto(INCIDENT).set(Meta.insertValues(INCIDENT, i.meta())).set(values(i)).execute();
    }

    /** The incident's own columns (all but its bookkeeping). */
    private static Map<Field<?>, Object> values(Incident i) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(INCIDENT.INCIDENT_DATE, i.date());
        v.put(INCIDENT.SITE_ID, i.siteId());
        v.put(INCIDENT.CONTACT_ID, i.contactId());
        v.put(INCIDENT.INCIDENT_TYPE, i.type());
        v.put(INCIDENT.PERPETRATOR, i.perpetrator());
        v.put(INCIDENT.SUPPORT_GIVEN, i.supportGiven());
        v.put(INCIDENT.SUPPORT_NOTE, i.supportNote());
        v.put(INCIDENT.REFERRAL_ID, i.referralId());
        return v;
    }

    /**
     * Writes a corrected incident ({@code i.meta()} touched): fails with {@link ConcurrentChangeException} when it
     * moved on meanwhile or was voided.
     */
    public void correct(Incident i) {
        int n = dsl.update(INCIDENT)
                .set(Meta.updateValues(INCIDENT, i.meta()))
                .set(values(i))
                .where(INCIDENT.ID.eq(i.meta().id()), INCIDENT.ROW_VERSION.eq(i.meta().version() - 1),
                        INCIDENT.VOIDED.isFalse())
                .execute();
        ConcurrentChangeException.check(n, "incident");
    }

    public Optional<Incident> findById(UUID id) {
        return dsl.selectFrom(INCIDENT).where(INCIDENT.ID.eq(id)).fetchOptional(IncidentRepository::map);
    }

    /** Incidents dated in [from, to], newest first. */
    public List<Incident> between(LocalDate from, LocalDate to) {
        return dsl.selectFrom(INCIDENT).where(INCIDENT.INCIDENT_DATE.between(from, to))
                .orderBy(INCIDENT.INCIDENT_DATE.desc()).fetch(IncidentRepository::map);
    }

    public List<Incident> forContact(UUID contactId) {
        return dsl.selectFrom(INCIDENT).where(INCIDENT.CONTACT_ID.eq(contactId))
                .orderBy(INCIDENT.INCIDENT_DATE.desc()).fetch(IncidentRepository::map);
    }

    // --- ops: the incident list -------------------------------------------------------------------

    /**
     * One page of the incident register, newest first, with site code, contact UIC and the service/destination of
     * its referral (unless that was voided). Voided incidents stay in the register with their reason (ADR 13).
     */
    public List<IncidentListing> listing(int offset, int limit) {
        return dsl.select(INCIDENT.fields())
                .select(SITE.CODE, CONTACT.UIC, REFERRAL.SERVICE_TYPE, DIRECTORY_ENTRY.ORG_NAME)
                .from(INCIDENT)
                .leftJoin(SITE).on(SITE.ID.eq(INCIDENT.SITE_ID))
                .leftJoin(CONTACT).on(CONTACT.ID.eq(INCIDENT.CONTACT_ID))
                .leftJoin(REFERRAL).on(REFERRAL.ID.eq(INCIDENT.REFERRAL_ID), REFERRAL.VOIDED.isFalse())
                .leftJoin(DIRECTORY_ENTRY).on(DIRECTORY_ENTRY.ID.eq(REFERRAL.DIRECTORY_ENTRY_ID))
                .orderBy(INCIDENT.INCIDENT_DATE.desc(), INCIDENT.CREATED_AT.desc(), INCIDENT.ID.asc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> {
                    String uic = r.get(CONTACT.UIC);
                    String why = r.get(INCIDENT.VOID_REASON);
                    return new IncidentListing(map(r), r.get(SITE.CODE), uic == null ? null : Uic.parse(uic),
                            r.get(REFERRAL.SERVICE_TYPE), r.get(DIRECTORY_ENTRY.ORG_NAME),
                            r.get(INCIDENT.VOIDED) ? VoidReason.valueOf(why) : null);
                });
    }

    /** How many incidents the register holds (voided ones included: they are rows of it). */
    public long count() {
        return dsl.fetchCount(INCIDENT);
    }

    static Incident map(Record r) {
        return new Incident(Meta.read(INCIDENT, r), r.get(INCIDENT.INCIDENT_DATE), r.get(INCIDENT.SITE_ID),
                r.get(INCIDENT.CONTACT_ID), r.get(INCIDENT.INCIDENT_TYPE), r.get(INCIDENT.PERPETRATOR),
                r.get(INCIDENT.SUPPORT_GIVEN), r.get(INCIDENT.SUPPORT_NOTE), r.get(INCIDENT.REFERRAL_ID));
    }
}
