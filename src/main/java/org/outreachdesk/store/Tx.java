package org.outreachdesk.store;

import org.jooq.DSLContext;

/**
 * The repositories of one unit of work. Inside {@link Database#write} every repository works in the same
 * transaction: all of it is committed, or none.
 */
public final class Tx {

    private final DSLContext dsl;

    Tx(DSLContext dsl) {
        this.dsl = dsl;
    }

    public SiteRepository sites() {
        return new SiteRepository(dsl);
    }

    public StaffRepository staff() {
        return new StaffRepository(dsl);
    }

    public ContactRepository contacts() {
        return new ContactRepository(dsl);
    }

    public EncounterRepository encounters() {
        return new EncounterRepository(dsl);
    }

    public ReferralRepository referrals() {
        return new ReferralRepository(dsl);
    }

    /** The coordinators' referral follow-up list (ops). */
    public FollowUpRepository followUp() {
        return new FollowUpRepository(dsl);
    }

    public StockRepository stock() {
        return new StockRepository(dsl);
    }

    public DirectoryRepository directory() {
        return new DirectoryRepository(dsl);
    }

    public IncidentRepository incidents() {
        return new IncidentRepository(dsl);
    }

    public SafeguardingRepository safeguarding() {
        return new SafeguardingRepository(dsl);
    }

    public UserRepository users() {
        return new UserRepository(dsl);
    }

    /** This vault's team and its laptops (schema V13). */
    public TeamRepository team() {
        return new TeamRepository(dsl);
    }

    public SettingsRepository settings() {
        return new SettingsRepository(dsl);
    }

    /** Versions of corrected, voided and merged records (schema V9). */
    public HistoryRepository history() {
        return new HistoryRepository(dsl);
    }

    /** Marks encounters, referrals, incidents and movements void (schema V9). */
    public Voids voids() {
        return new Voids(dsl);
    }

    /** Aliases, "not the same person" pairs and the records a merge moves (schema V9). */
    public MergeRepository merges() {
        return new MergeRepository(dsl);
    }

    /** The change log, version vector and field heads of team sync (schema V12, ADR 14). */
    public SyncRepository sync() {
        return new SyncRepository(dsl);
    }

    public AuditRepository audit() {
        return new AuditRepository(dsl);
    }

    /** Aggregations for reports and the dashboard (counts and sums only). */
    public ReportRepository reports() {
        return new ReportRepository(dsl);
    }
}
