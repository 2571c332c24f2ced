package org.outreachdesk.store;

import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.DIRECTORY_ENTRY;
import static org.outreachdesk.store.jooq.Tables.REFERRAL;
import static org.outreachdesk.store.jooq.Tables.STAFF;

import java.time.LocalDate;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.outreachdesk.domain.DueWindow;
import org.outreachdesk.domain.FollowUpCounts;
import org.outreachdesk.domain.FollowUpFilter;
import org.outreachdesk.domain.PendingReferral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VoidReason;

/**
 * The coordinators' referral follow-up list: pending referrals by due date, read through
 * {@code referral_due_ix (referral_status, due_date)}. "Worker" is the contact's assigned outreach worker. Voided
 * referrals are never pending nor counted; the closed list shows them (struck through) so that their history can be
 * reached.
 */
public final class FollowUpRepository {

    private final DSLContext dsl;

    public FollowUpRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One page of pending referrals matching {@code filter}, soonest due first (no due date last). */
    public List<PendingReferral> page(FollowUpFilter filter, LocalDate today, int offset, int limit) {
        return pageQuery(filter, today, offset, limit).fetch(FollowUpRepository::map);
    }

    /** The query behind {@link #page} (tests look at its plan). */
    ResultQuery<Record> pageQuery(FollowUpFilter filter, LocalDate today, int offset, int limit) {
        return listing()
                .where(condition(filter, today))
                .orderBy(REFERRAL.DUE_DATE.asc().nullsLast(), REFERRAL.MADE_DATE.asc(), REFERRAL.ID.asc())
                .offset(offset)
                .limit(limit);
    }

    /** Referrals with what the list shows beside them: the contact's UIC, its worker's code, the destination. */
    private SelectJoinStep<Record> listing() {
        return dsl.select(REFERRAL.fields())
                .select(CONTACT.UIC, STAFF.CODE, DIRECTORY_ENTRY.ORG_NAME)
                .from(REFERRAL)
                .join(CONTACT).on(CONTACT.ID.eq(REFERRAL.CONTACT_ID))
                .leftJoin(STAFF).on(STAFF.ID.eq(CONTACT.ASSIGNED_STAFF_ID))
                .leftJoin(DIRECTORY_ENTRY).on(DIRECTORY_ENTRY.ID.eq(REFERRAL.DIRECTORY_ENTRY_ID));
    }

    /** How many pending referrals match {@code filter} (its window included). */
    public long count(FollowUpFilter filter, LocalDate today) {
        return dsl.selectCount()
                .from(REFERRAL)
                .where(condition(filter, today))
                .fetchOne(0, Long.class);
    }

    /** Pending referrals matching {@code filter}'s worker and service, split by due window (its window ignored). */
    public FollowUpCounts counts(FollowUpFilter filter, LocalDate today) {
        Record r = dsl.select(
                        DSL.count().filterWhere(REFERRAL.DUE_DATE.lt(today)),
                        DSL.count().filterWhere(REFERRAL.DUE_DATE.eq(today)),
                        DSL.count().filterWhere(REFERRAL.DUE_DATE.gt(today).or(REFERRAL.DUE_DATE.isNull())))
                .from(REFERRAL)
                .where(condition(filter.withWindow(DueWindow.ALL), today))
                .fetchOne();
        return new FollowUpCounts(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class));
    }

    private static Condition condition(FollowUpFilter f, LocalDate today) {
        Condition c = REFERRAL.REFERRAL_STATUS.eq(ReferralStatus.PENDING).and(REFERRAL.VOIDED.isFalse());
        c = c.and(switch (f.window()) {
            case ALL -> DSL.noCondition();
            case OVERDUE -> REFERRAL.DUE_DATE.lt(today);
            case DUE_TODAY -> REFERRAL.DUE_DATE.eq(today);
            case UPCOMING -> REFERRAL.DUE_DATE.gt(today).or(REFERRAL.DUE_DATE.isNull());
        });
        return c.and(workerAndService(f));
    }

    /** {@code f}'s service and worker (the contact's assigned worker). */
    private static Condition workerAndService(FollowUpFilter f) {
        Condition c = DSL.noCondition();
        if (f.service() != null) {
            c = c.and(REFERRAL.SERVICE_TYPE.eq(f.service()));
        }
        if (f.workerId() != null) {
            // the contact is found by its primary key, one row per referral
            var wc = CONTACT.as("worker_contact");
            c = c.and(DSL.exists(DSL.selectOne().from(wc)
                    .where(wc.ID.eq(REFERRAL.CONTACT_ID), wc.ASSIGNED_STAFF_ID.eq(f.workerId()))));
        }
        return c;
    }

    /**
     * One page of closed (completed, declined, lost) live referrals and of voided referrals (whatever their status)
     * matching {@code filter}'s worker and service: voided ones never closed first, then most recently closed
     * first. Where a coordinator finds an outcome recorded by mistake to correct it, or a voided referral to read
     * its history.
     */
    public List<PendingReferral> closedPage(FollowUpFilter filter, int offset, int limit) {
        return listing()
                .where(closedCondition(filter))
                .orderBy(REFERRAL.CLOSED_DATE.desc().nullsFirst(), REFERRAL.UPDATED_AT.desc(), REFERRAL.ID.asc())
                .offset(offset)
                .limit(limit)
                .fetch(FollowUpRepository::map);
    }

    /** How many closed live referrals and voided referrals match {@code filter}'s worker and service. */
    public long closedCount(FollowUpFilter filter) {
        return dsl.selectCount().from(REFERRAL).where(closedCondition(filter)).fetchOne(0, Long.class);
    }

    private static Condition closedCondition(FollowUpFilter f) {
        return REFERRAL.REFERRAL_STATUS.ne(ReferralStatus.PENDING).or(REFERRAL.VOIDED.isTrue())
                .and(workerAndService(f));
    }

    static PendingReferral map(Record r) {
        String why = r.get(REFERRAL.VOID_REASON);
        VoidReason reason = r.get(REFERRAL.VOIDED) ? (why == null ? VoidReason.OTHER : VoidReason.valueOf(why)) : null;
        return new PendingReferral(ReferralRepository.map(r), Uic.parse(r.get(CONTACT.UIC)), r.get(STAFF.CODE),
                r.get(DIRECTORY_ENTRY.ORG_NAME), reason);
    }
}
