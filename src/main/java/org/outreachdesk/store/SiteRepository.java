package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.SITE;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.Codes;
import org.outreachdesk.domain.Site;

/** Sites (hotspots). */
public final class SiteRepository {

    private final DSLContext dsl;

    public SiteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Site s) {
        dsl.insertInto(SITE)
                .set(Meta.insertValues(SITE, s.meta()))
                .set(SITE.CODE, s.code())
                .set(SITE.SITE_NAME, s.name())
                .set(SITE.VENUE_TYPE, s.venueType())
                .set(SITE.DISTRICT, s.district())
                .set(SITE.COMMUNE, s.commune())
                .set(SITE.ESTIMATED_SIZE, s.estimatedSize())
                .set(SITE.ACTIVE, s.active())
                .execute();
    }

    /** Writes a changed site; fails with {@link ConcurrentChangeException} if someone changed it meanwhile. */
    public void update(Site s) {
        int n = dsl.update(SITE)
                .set(Meta.updateValues(SITE, s.meta()))
                .set(SITE.CODE, s.code())
                .set(SITE.SITE_NAME, s.name())
                .set(SITE.VENUE_TYPE, s.venueType())
                .set(SITE.DISTRICT, s.district())
                .set(SITE.COMMUNE, s.commune())
                .set(SITE.ESTIMATED_SIZE, s.estimatedSize())
                .set(SITE.ACTIVE, s.active())
                .where(SITE.ID.eq(s.meta().id()).and(SITE.ROW_VERSION.eq(s.meta().version() - 1)))
                .execute();
        ConcurrentChangeException.check(n, "site");
    }

    public Optional<Site> findById(UUID id) {
        return dsl.selectFrom(SITE).where(SITE.ID.eq(id)).fetchOptional(SiteRepository::map);
    }

    public Optional<Site> findByCode(String code) {
        return dsl.selectFrom(SITE).where(SITE.CODE.eq(Codes.normalise(code))).fetchOptional(SiteRepository::map);
    }

    /** All sites, by code; {@code activeOnly} leaves out deactivated ones. */
    public List<Site> list(boolean activeOnly) {
        return dsl.selectFrom(SITE)
                .where(activeOnly ? SITE.ACTIVE.isTrue() : DSL.noCondition())
                .orderBy(SITE.CODE)
                .fetch(SiteRepository::map);
    }

    static Site map(Record r) {
        return new Site(Meta.read(SITE, r), r.get(SITE.CODE), r.get(SITE.SITE_NAME), r.get(SITE.VENUE_TYPE),
                r.get(SITE.DISTRICT), r.get(SITE.COMMUNE), r.get(SITE.ESTIMATED_SIZE), r.get(SITE.ACTIVE));
    }
}
