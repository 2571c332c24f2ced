package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.INCIDENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.Incident;

/** Safety incidents. */
public final class IncidentRepository {

    private final DSLContext dsl;

    public IncidentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Incident i) {
        dsl.insertInto(INCIDENT)
                .set(Meta.insertValues(INCIDENT, i.meta()))
                .set(INCIDENT.INCIDENT_DATE, i.date())
                .set(INCIDENT.SITE_ID, i.siteId())
                .set(INCIDENT.CONTACT_ID, i.contactId())
                .set(INCIDENT.INCIDENT_TYPE, i.type())
                .set(INCIDENT.PERPETRATOR, i.perpetrator())
                .set(INCIDENT.SUPPORT_GIVEN, i.supportGiven())
                .set(INCIDENT.SUPPORT_NOTE, i.supportNote())
                .set(INCIDENT.REFERRAL_ID, i.referralId())
                .execute();
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

    static Incident map(Record r) {
        return new Incident(Meta.read(INCIDENT, r), r.get(INCIDENT.INCIDENT_DATE), r.get(INCIDENT.SITE_ID),
                r.get(INCIDENT.CONTACT_ID), r.get(INCIDENT.INCIDENT_TYPE), r.get(INCIDENT.PERPETRATOR),
                r.get(INCIDENT.SUPPORT_GIVEN), r.get(INCIDENT.SUPPORT_NOTE), r.get(INCIDENT.REFERRAL_ID));
    }
}
