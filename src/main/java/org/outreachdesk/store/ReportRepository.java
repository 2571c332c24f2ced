package org.outreachdesk.store;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.month;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.year;
import static org.outreachdesk.store.jooq.Tables.COMMODITY_MOVEMENT;
import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;
import static org.outreachdesk.store.jooq.Tables.INCIDENT;
import static org.outreachdesk.store.jooq.Tables.REFERRAL;
import static org.outreachdesk.store.jooq.Tables.SAFEGUARDING_SCREEN;
import static org.outreachdesk.store.jooq.Tables.SITE;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Record6;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.conf.StatementType;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.store.jooq.tables.Encounter;

/**
 * The aggregations behind reports and the dashboard. Every method answers counts and sums only: no row
 * about one person, no identifier, no UIC, no note ever leaves this class. Voided encounters, referrals,
 * incidents and movements (schema V9) are left out of every figure.
 *
 * <p>All queries are jOOQ DSL (they must also run on PostgreSQL). Per-contact facts are computed by one
 * grouped scan of the period's encounters, then each contact is looked up by key, with correlated
 * {@code EXISTS} probes for the contact's history; never {@code IN (subquery)} on the encounter table. The
 * covering indexes of {@code schema/V6__reports.sql} let the database answer from indexes alone. Read the plans
 * with {@link #explain} (the benchmark prints them).
 */
public final class ReportRepository {

    private static final String KP = "KP";
    private static final String TESTED = "TR";
    private static final String DECLINED = "DE";
    private static final String NOT_REQUIRED = "NR";

    private final DSLContext dsl;

    public ReportRepository(DSLContext dsl) {
        // Report queries go to the database with their few values (dates, codes) written in, not as bind
        // variables: H2 then plans each date range knowing its width (measured on 1,000,000 encounters: the
        // month's queries 0.32 s with bind variables, see docs/benchmarks.md). jOOQ renders and escapes the values.
        this.dsl = DSL.using(dsl.configuration().derive(
                dsl.settings().withStatementType(StatementType.STATIC_STATEMENT)));
    }

    /**
     * Everything a report of the period [start, end] needs, with the monthly reach from {@code trendStart}
     * (the first day of a month) to {@code end}.
     */
    public ReportFacts facts(LocalDate start, LocalDate end, LocalDate trendStart) {
        check(start, end);
        return new ReportFacts(start, end, reach(start, end), sites(start, end), referralsMade(start, end),
                incidents(start, end), safeguardingFlags(start, end), monthlyReach(trendStart, end));
    }

    /** Reached contacts of the period, grouped by new/returning, year of first encounter in the period, birth
     * year, gender, KP type and KP_PREV testing status. */
    public List<ReportFacts.ReachGroup> reach(LocalDate start, LocalDate end) {
        check(start, end);
        return reachQuery(start, end).fetch(r -> new ReportFacts.ReachGroup(
                r.get("is_new", Integer.class) == 1,
                r.get("yr", Integer.class),
                r.get("birth_year", Integer.class),
                r.get(CONTACT.GENDER.getName(), Gender.class),
                r.get(CONTACT.KP_TYPE.getName(), KpType.class),
                status(r.get("st", String.class)),
                r.get("n", Long.class)));
    }

    /**
     * The reach query. p: one row per contact met in the period, grouped from the covering index
     * encounter_report_ix alone (no table rows read). Each of those contacts is then looked up by key; whether
     * they were met, or known positive, before the period comes with the contact row (first_encounter_date and
     * known_positive_since, schema V7), and one index seek asks for an HTS referral made in the period
     * (referral_contact_ix). p is the left side of a LEFT JOIN (every encounter has its contact) so that H2 works
     * it out once: as the inner side of a join H2 would re-run the grouping once per contact. Only the groups
     * leave the database.
     */
    ResultQuery<Record> reachQuery(LocalDate start, LocalDate end) {
        Encounter pe = ENCOUNTER.as("pe");
        Table<?> p = select(pe.CONTACT_ID.as("cid"),
                min(pe.ENCOUNTER_DATE).as("first_in"),
                flag(pe.HIV_STATUS.eq(HivStatus.KNOWN_POSITIVE)).as("kp_in"),
                flag(pe.HIV_STATUS.in(HivStatus.TESTED, HivStatus.REFERRED_FOR_TEST)).as("tested_in"),
                flag(pe.HIV_STATUS.eq(HivStatus.DECLINED)).as("declined_in"))
                .from(pe)
                .where(pe.ENCOUNTER_DATE.between(start, end), pe.VOIDED.isFalse())
                .groupBy(pe.CONTACT_ID)
                .asTable("p");
        Field<UUID> cid = p.field("cid", UUID.class);

        var c = CONTACT.as("c");
        // kept on the contact from its encounters (schema V7): no probe of the encounter table per person
        Condition metBefore = c.FIRST_ENCOUNTER_DATE.lt(start);
        Condition positiveBefore = c.KNOWN_POSITIVE_SINCE.lt(start);
        var rf = REFERRAL.as("rf");
        Condition htsReferral = exists(selectOne().from(rf)
                .where(rf.CONTACT_ID.eq(cid), rf.SERVICE_TYPE.eq(ServiceType.HTS), rf.MADE_DATE.between(start, end),
                        rf.VOIDED.isFalse()));

        // the KP_PREV precedence: known positive up to the period end, then tested/referred, then declined
        Field<String> status = when(p.field("kp_in", Integer.class).eq(1).or(positiveBefore), inline(KP))
                .when(p.field("tested_in", Integer.class).eq(1).or(htsReferral), inline(TESTED))
                .when(p.field("declined_in", Integer.class).eq(1), inline(DECLINED))
                .else_(inline(NOT_REQUIRED));

        Table<?> q = select(
                c.GENDER.as(CONTACT.GENDER.getName()),
                c.KP_TYPE.as(CONTACT.KP_TYPE.getName()),
                c.BIRTH_YEAR.as("birth_year"),
                year(p.field("first_in", LocalDate.class)).as("yr"),
                when(metBefore, inline(0)).else_(inline(1)).as("is_new"),
                status.as("st"))
                .from(p)
                .leftJoin(c).on(c.ID.eq(cid))
                .asTable("q");
        Field<?>[] keys = {q.field(CONTACT.GENDER.getName()), q.field(CONTACT.KP_TYPE.getName()),
            q.field("birth_year"), q.field("yr"), q.field("is_new"), q.field("st")};
        List<Field<?>> selected = new ArrayList<>(List.of(keys));
        selected.add(count().as("n"));
        return dsl.select(selected).from(q).groupBy(keys);
    }

    private static KpPrevStatus status(String code) {
        return switch (code) {
            case KP -> KpPrevStatus.KNOWN_POSITIVE;
            case TESTED -> KpPrevStatus.NEWLY_TESTED_OR_REFERRED;
            case DECLINED -> KpPrevStatus.DECLINED;
            default -> KpPrevStatus.NOT_REQUIRED;
        };
    }

    private static Field<Integer> flag(Condition c) {
        return max(when(c, inline(1)).else_(inline(0)));
    }


    /**
     * Every active site, and every inactive site visited in the period, by code: encounters, distinct contacts
     * met there and commodities handed out in [start, end]. One grouped scan of the period's encounters, merged
     * with the (short) list of sites.
     */
    public List<ReportFacts.SiteActivity> sites(LocalDate start, LocalDate end) {
        check(start, end);
        Map<UUID, Record> activity = new HashMap<>();
        siteActivityQuery(start, end).forEach(r -> activity.put(r.get("sid", UUID.class), r));
        List<ReportFacts.SiteActivity> out = new ArrayList<>();
        siteListQuery().forEach(s -> {
                    Record a = activity.get(s.value1());
                    if (a == null && !s.value6()) {
                        return;
                    }
                    out.add(new ReportFacts.SiteActivity(s.value2(), s.value3(), s.value4(), s.value5(), s.value6(),
                            a == null ? 0 : longOf(a.get("n")), a == null ? 0 : longOf(a.get("reached")),
                            a == null ? 0 : longOf(a.get("mc")), a == null ? 0 : longOf(a.get("fc")),
                            a == null ? 0 : longOf(a.get("lu")), a == null ? 0 : longOf(a.get("st"))));
                });
        return out;
    }

    private ResultQuery<Record6<UUID, String, String, VenueType, Integer, Boolean>> siteListQuery() {
        return dsl.select(SITE.ID, SITE.CODE, SITE.SITE_NAME, SITE.VENUE_TYPE, SITE.ESTIMATED_SIZE, SITE.ACTIVE)
                .from(SITE)
                .orderBy(SITE.CODE);
    }

    ResultQuery<? extends Record> siteActivityQuery(LocalDate start, LocalDate end) {
        Encounter se = ENCOUNTER.as("se");
        return dsl.select(se.SITE_ID.as("sid"),
                        count().as("n"),
                        countDistinct(se.CONTACT_ID).as("reached"),
                        sum(se.MALE_CONDOMS).as("mc"),
                        sum(se.FEMALE_CONDOMS).as("fc"),
                        sum(se.LUBRICANTS).as("lu"),
                        sum(se.HIV_SELF_TESTS).as("st"))
                .from(se)
                .where(se.ENCOUNTER_DATE.between(start, end), se.VOIDED.isFalse())
                .groupBy(se.SITE_ID);
    }

    /** Referrals made in [start, end] by service type, and how many of them are completed. */
    public List<ReportFacts.ReferralCount> referralsMade(LocalDate start, LocalDate end) {
        check(start, end);
        return referralsQuery(start, end).fetch(r -> new ReportFacts.ReferralCount(r.value1(), longOf(r.value2()),
                longOf(r.value3())));
    }

    private ResultQuery<Record3<ServiceType, Integer, BigDecimal>> referralsQuery(
            LocalDate start, LocalDate end) {
        return dsl.select(REFERRAL.SERVICE_TYPE, count(),
                        sum(when(REFERRAL.REFERRAL_STATUS.eq(ReferralStatus.COMPLETED), inline(1)).else_(inline(0))))
                .from(REFERRAL)
                .where(REFERRAL.MADE_DATE.between(start, end), REFERRAL.VOIDED.isFalse())
                .groupBy(REFERRAL.SERVICE_TYPE);
    }

    /** Incidents dated in [start, end] by type, and in how many support was given. */
    public List<ReportFacts.IncidentCount> incidents(LocalDate start, LocalDate end) {
        check(start, end);
        return incidentsQuery(start, end)
                .fetch(r -> new ReportFacts.IncidentCount(r.value1(), longOf(r.value2()), longOf(r.value3())));
    }

    private ResultQuery<Record3<IncidentType, Integer, BigDecimal>> incidentsQuery(
            LocalDate start, LocalDate end) {
        return dsl.select(INCIDENT.INCIDENT_TYPE, count(),
                        sum(when(INCIDENT.SUPPORT_GIVEN.isTrue(), inline(1)).else_(inline(0))))
                .from(INCIDENT)
                .where(INCIDENT.INCIDENT_DATE.between(start, end), INCIDENT.VOIDED.isFalse())
                .groupBy(INCIDENT.INCIDENT_TYPE);
    }

    /** Safeguarding screens in [start, end] with at least one trafficking or child-protection indicator. */
    public long safeguardingFlags(LocalDate start, LocalDate end) {
        check(start, end);
        return longOf(safeguardingQuery(start, end).fetchOne().value1());
    }

    private ResultQuery<Record1<Integer>> safeguardingQuery(LocalDate start, LocalDate end) {
        var s = SAFEGUARDING_SCREEN;
        return dsl.selectCount().from(s).where(s.SCREEN_DATE.between(start, end).and(s.DEBT_BONDAGE.isTrue()
                .or(s.CONFINEMENT.isTrue()).or(s.DOCUMENTS_CONFISCATED.isTrue()).or(s.EXTREME_CONTROL.isTrue())
                .or(s.UNDER_18.isTrue())));
    }

    /** Distinct contacts met in each calendar month from {@code from} to {@code to}, oldest first. */
    public List<ReportFacts.MonthReach> monthlyReach(LocalDate from, LocalDate to) {
        check(from, to);
        return monthlyQuery(from, to).fetch(r -> new ReportFacts.MonthReach(
                YearMonth.of(r.value1(), r.value2()), longOf(r.value3())));
    }

    ResultQuery<Record3<Integer, Integer, Integer>> monthlyQuery(LocalDate from, LocalDate to) {
        Field<Integer> y = year(ENCOUNTER.ENCOUNTER_DATE);
        Field<Integer> m = month(ENCOUNTER.ENCOUNTER_DATE);
        return dsl.select(y, m, countDistinct(ENCOUNTER.CONTACT_ID))
                .from(ENCOUNTER)
                .where(ENCOUNTER.ENCOUNTER_DATE.between(from, to), ENCOUNTER.VOIDED.isFalse())
                .groupBy(y, m)
                .orderBy(y, m);
    }

    /**
     * The bare aggregation of a period (distinct contacts and encounters, one range scan, no history and no
     * rules): the floor a report's own cost is measured against.
     */
    public Totals totals(LocalDate start, LocalDate end) {
        check(start, end);
        var r = dsl.select(countDistinct(ENCOUNTER.CONTACT_ID), count())
                .from(ENCOUNTER)
                .where(ENCOUNTER.ENCOUNTER_DATE.between(start, end), ENCOUNTER.VOIDED.isFalse())
                .fetchOne();
        return new Totals(longOf(r.value1()), longOf(r.value2()));
    }

    /** Distinct contacts reached and encounters in a period. */
    public record Totals(long reached, long encounters) {
    }

    /** Pending referrals whose follow-up date is before {@code today}, by service type. */
    public Map<ServiceType, Long> overdueReferrals(LocalDate today) {
        Objects.requireNonNull(today, "today");
        Map<ServiceType, Long> out = new EnumMap<>(ServiceType.class);
        dsl.select(REFERRAL.SERVICE_TYPE, count())
                .from(REFERRAL)
                .where(REFERRAL.REFERRAL_STATUS.eq(ReferralStatus.PENDING), REFERRAL.DUE_DATE.lt(today),
                        REFERRAL.VOIDED.isFalse())
                .groupBy(REFERRAL.SERVICE_TYPE)
                .forEach(r -> out.put(r.value1(), longOf(r.value2())));
        return out;
    }

    /** Quantities that left the stock (issues and hand-outs) in [from, to], by commodity (positive numbers). */
    public Map<Commodity, Long> usedBetween(LocalDate from, LocalDate to) {
        check(from, to);
        Map<Commodity, Long> out = new EnumMap<>(Commodity.class);
        for (Commodity c : Commodity.values()) {
            out.put(c, 0L);
        }
        var m = COMMODITY_MOVEMENT;
        dsl.select(m.COMMODITY, sum(m.QUANTITY))
                .from(m)
                .where(m.MOVEMENT_DATE.between(from, to), m.MOVEMENT_KIND.in(MovementKind.ISSUE, MovementKind.HANDOUT),
                        m.VOIDED.isFalse())
                .groupBy(m.COMMODITY)
                .forEach(r -> out.put(r.value1(), Math.abs(longOf(r.value2()))));
        return out;
    }

    /**
     * The floor a report's cost is measured against: the very statements {@link #facts} runs, rendered once as
     * SQL text and executed bare over JDBC, every value of every row read and thrown away. What the database
     * must do for a report, without jOOQ's mapping, the reporting rules, suppression or the workbook.
     *
     * @return the number of rows the statements returned
     */
    public long runBare(LocalDate start, LocalDate end, LocalDate trendStart) {
        check(start, end);
        List<String> statements = Stream.of(reachQuery(start, end), siteActivityQuery(start, end),
                        siteListQuery(), referralsQuery(start, end), incidentsQuery(start, end),
                        safeguardingQuery(start, end), monthlyQuery(trendStart, end))
                .map(dsl::renderInlined)
                .toList();
        return dsl.connectionResult(c -> {
            long rows = 0;
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    try (ResultSet rs = st.executeQuery(sql)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                            rows++;
                        }
                    }
                }
            }
            return rows;
        });
    }

    /**
     * The database's plans for the report queries of a period (diagnostics for the benchmark: no data, only
     * plans).
     */
    public List<String> explain(LocalDate start, LocalDate end, LocalDate trendStart) {
        check(start, end);
        return List.of(
                dsl.explain(reachQuery(start, end)).plan(),
                dsl.explain(siteActivityQuery(start, end)).plan(),
                dsl.explain(referralsQuery(start, end)).plan(),
                dsl.explain(monthlyQuery(trendStart, end)).plan());
    }

    private static long longOf(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    private static void check(LocalDate start, LocalDate end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
    }
}
