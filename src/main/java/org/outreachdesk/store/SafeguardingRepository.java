package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.SAFEGUARDING_SCREEN;

import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.outreachdesk.domain.SafeguardingScreen;

/** Safeguarding screens. */
public final class SafeguardingRepository {

    private final DSLContext dsl;

    public SafeguardingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(SafeguardingScreen s) {
        dsl.insertInto(SAFEGUARDING_SCREEN)
                .set(Meta.insertValues(SAFEGUARDING_SCREEN, s.meta()))
                .set(SAFEGUARDING_SCREEN.SCREEN_DATE, s.date())
                .set(SAFEGUARDING_SCREEN.CONTACT_ID, s.contactId())
                .set(SAFEGUARDING_SCREEN.SITE_ID, s.siteId())
                .set(SAFEGUARDING_SCREEN.STAFF_ID, s.staffId())
                .set(SAFEGUARDING_SCREEN.DEBT_BONDAGE, s.debtBondage())
                .set(SAFEGUARDING_SCREEN.CONFINEMENT, s.confinement())
                .set(SAFEGUARDING_SCREEN.DOCUMENTS_CONFISCATED, s.documentsConfiscated())
                .set(SAFEGUARDING_SCREEN.EXTREME_CONTROL, s.extremeControl())
                .set(SAFEGUARDING_SCREEN.UNDER_18, s.under18())
                .set(SAFEGUARDING_SCREEN.PROTOCOL_SHOWN, s.protocolShown())
                .set(SAFEGUARDING_SCREEN.REFERRAL_ID, s.referralId())
                .execute();
    }

    public List<SafeguardingScreen> forContact(UUID contactId) {
        return dsl.selectFrom(SAFEGUARDING_SCREEN).where(SAFEGUARDING_SCREEN.CONTACT_ID.eq(contactId))
                .orderBy(SAFEGUARDING_SCREEN.SCREEN_DATE.desc()).fetch(SafeguardingRepository::map);
    }

    static SafeguardingScreen map(Record r) {
        return new SafeguardingScreen(Meta.read(SAFEGUARDING_SCREEN, r), r.get(SAFEGUARDING_SCREEN.SCREEN_DATE),
                r.get(SAFEGUARDING_SCREEN.CONTACT_ID), r.get(SAFEGUARDING_SCREEN.SITE_ID),
                r.get(SAFEGUARDING_SCREEN.STAFF_ID), r.get(SAFEGUARDING_SCREEN.DEBT_BONDAGE),
                r.get(SAFEGUARDING_SCREEN.CONFINEMENT), r.get(SAFEGUARDING_SCREEN.DOCUMENTS_CONFISCATED),
                r.get(SAFEGUARDING_SCREEN.EXTREME_CONTROL), r.get(SAFEGUARDING_SCREEN.UNDER_18),
                r.get(SAFEGUARDING_SCREEN.PROTOCOL_SHOWN), r.get(SAFEGUARDING_SCREEN.REFERRAL_ID));
    }
}
