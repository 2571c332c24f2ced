package org.outreachdesk.report;

import static org.outreachdesk.report.ReportTables.TOTAL;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.outreachdesk.domain.Gender.DonorGender;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.KpType.DonorKp;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.PeriodKind;

/**
 * Applies the reporting rules to a period's facts and makes the tables of the workbook contract, suppressing
 * small cells for donors. Pure: no database, no Excel.
 *
 * <p>Rules: age at the first encounter in the period (its year minus the birth year) in the bands of
 * {@link AgeBand}; gender columns Female (F), Male (M), Transgender (TGW, TGM), Other or unknown (O, U); FSW and
 * FEW both count as FSW.
 *
 * <p>Donor workbooks ({@link Suppression}, one for the whole workbook): every table's cells and totals go into one
 * set of entries and lines, so a reader who solves all tables together (rows, columns, the per-KP totals shared by
 * ReachByKpType and KP_PREV, the number reached shared by the three person tables and the Summary, the Summary's
 * figures that are table totals) is what the audit defends against. A table whose total is 1–4 is hidden whole;
 * commodities of a site where 1–4 people were reached are hidden (quantities, so shown as {@code x}); a workbook
 * whose reach is 1–4 is withheld: every figure is hidden and the banner says why. Donor workbooks cover whole
 * periods only.
 */
public final class ReportBuilder {

    /**
     * How to build: the suppression threshold (counts from 1 to {@code threshold - 1} are suppressed in donor
     * reports), whether donor workbooks may name sites (else the {@code Site} column holds the code again; internal
     * workbooks always name them), and the language of the words beside codes.
     */
    public record Options(int threshold, boolean donorSiteNames, ReportLabels labels) {
        public Options {
            Objects.requireNonNull(labels, "labels");
        }

        /** Sites by code only in donor workbooks, English words. */
        public static Options of(int threshold) {
            return new Options(threshold, false, ReportLabels.english());
        }
    }

    private ReportBuilder() {
    }

    /**
     * Makes the report with sites by code in donor workbooks and English words beside codes.
     *
     * @param threshold counts from 1 to {@code threshold - 1} are suppressed in donor reports
     */
    public static Report build(ReportFacts facts, ReportPeriod period, ReportAudience audience, int threshold,
                               String organisation, Instant generatedAt, ZoneId zone, String programVersion) {
        return build(facts, period, audience, Options.of(threshold), organisation, generatedAt, zone, programVersion);
    }

    /**
     * Makes the report.
     *
     * @throws IllegalArgumentException when the facts are of another period, or a donor report is asked for custom
     *                                  dates (donor workbooks cover whole periods only)
     */
    public static Report build(ReportFacts facts, ReportPeriod period, ReportAudience audience, Options options,
                               String organisation, Instant generatedAt, ZoneId zone, String programVersion) {
        if (!facts.start().equals(period.start()) || !facts.end().equals(period.end())) {
            throw new IllegalArgumentException("the facts are of another period");
        }
        if (audience.suppressed() && period.kind() == PeriodKind.CUSTOM) {
            throw new IllegalArgumentException("donor workbooks cover whole periods only (month, quarter, half, year)");
        }
        int threshold = audience.suppressed() ? options.threshold() : 1;
        Tally tally = Tally.of(facts);
        boolean withheld = tally.reached >= 1 && tally.reached < threshold;

        // every table's entries and lines in one Suppression: the audit sees the workbook as a reader does
        Suppression s = new Suppression();
        PersonTables people = PersonTables.add(s, tally);
        SiteTables sites = SiteTables.add(s, facts.sites(), threshold, withheld, people.ageSex.grand);
        CountColumns referrals = CountColumns.add(s, tally.referrals, threshold, withheld);
        CountColumns incidents = CountColumns.add(s, tally.incidents, threshold, withheld);
        // Summary figures outside the tables: encounters (at least one for each person reached) and safeguarding
        // flags, suppressed like any count
        int encounters = s.add(sites.encounters);
        s.atMost(encounters, people.ageSex.grand);
        int flags = s.add(facts.safeguardingFlags());
        Trend trend = Trend.add(s, facts, period, people.ageSex.grand);
        if (withheld) {
            people.withhold(s);
            s.force(encounters);
            s.force(flags);
        }
        Suppression.Result r = s.run(threshold);

        ReportTable ageSex = people.ageSexTable(r);
        ReportTable kpType = people.kpTypeTable(r);
        ReportTable kpPrev = people.kpPrevTable(r);
        ReportTable siteTable = sites.siteTable(r, !audience.suppressed() || options.donorSiteNames());
        ReportTable commodities = sites.commodityTable(r);
        ReportTable referralTable = referralTable(referrals, r, options.labels());
        ReportTable incidentTable = incidentTable(incidents, r, options.labels());
        ReportTable summary = summary(people, sites, referrals, incidents, shown(sites.encounters, encounters, r),
                shown(facts.safeguardingFlags(), flags, r), r);

        List<ReportTable> tables = List.of(summary, ageSex, kpType, kpPrev, siteTable, commodities, referralTable,
                incidentTable);
        checkMarks(tables, threshold);
        return new Report(period, audience, organisation, generatedAt, zone, programVersion, options.threshold(),
                tables, trend.points(r), withheld, r.auditCells() + r.lastResortCells());
    }

    /** Every {@code <5} shown is truly 1 to threshold - 1 (the donor's promise); anything else is a bug. */
    private static void checkMarks(List<ReportTable> tables, int threshold) {
        for (ReportTable t : tables) {
            for (List<Cell> row : t.rows()) {
                for (Cell c : row) {
                    if (c instanceof Cell.Count n && n.suppressed() && !n.protective()
                            && (n.value() < 1 || n.value() >= threshold)) {
                        throw new IllegalStateException("a small-count mark on a count that is not small in " + t.name());
                    }
                }
            }
        }
    }

    // ---- Summary: the whole-table totals, as the tables show them

    private static ReportTable summary(PersonTables people, SiteTables sites, CountColumns referrals,
                                       CountColumns incidents, Cell.Count encounters, Cell.Count safeguardingFlags,
                                       Suppression.Result r) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(indicator(ReportTables.REACHED, people.grand(r)));
        rows.add(indicator(ReportTables.NEW, people.kpNew.totalCell(0, r)));
        rows.add(indicator(ReportTables.RETURNING, people.kpNew.totalCell(1, r)));
        rows.add(indicator(ReportTables.ENCOUNTERS, encounters));
        rows.add(indicator(ReportTables.MALE_CONDOMS, sites.totalCell(0, r)));
        rows.add(indicator(ReportTables.FEMALE_CONDOMS, sites.totalCell(1, r)));
        rows.add(indicator(ReportTables.LUBRICANTS, sites.totalCell(2, r)));
        rows.add(indicator(ReportTables.SELF_TESTS, sites.totalCell(3, r)));
        rows.add(indicator(ReportTables.REFERRALS_MADE, referrals.totalCell(0, r)));
        rows.add(indicator(ReportTables.REFERRALS_COMPLETED, referrals.totalCell(1, r)));
        rows.add(indicator(ReportTables.SAFETY_INCIDENTS, incidents.totalCell(0, r)));
        rows.add(indicator(ReportTables.SAFEGUARDING_FLAGS, safeguardingFlags));
        return table(ReportTables.SUMMARY, ReportTables.SUMMARY_HEADERS, rows);
    }

    // ---- trend: one count per month; the months inside the period are parts of the number reached

    /**
     * The monthly reach of the trend as entries: a month inside the period reached at most the period's number
     * reached, and the period's months together at least that number (someone met in two months counts in both).
     * Months before the period relate to nothing in this workbook: only the small-count rule applies to them.
     */
    private static final class Trend {
        final List<YearMonth> months;
        final long[] values;
        final int[] entries;

        private Trend(List<YearMonth> months, long[] values, int[] entries) {
            this.months = months;
            this.values = values;
            this.entries = entries;
        }

        static Trend add(Suppression s, ReportFacts facts, ReportPeriod period, int reached) {
            Map<YearMonth, Long> monthly = new HashMap<>();
            facts.monthly().forEach(m -> monthly.put(m.month(), m.reached()));
            List<YearMonth> months = period.trendMonths();
            long[] values = new long[months.size()];
            int[] entries = new int[months.size()];
            List<Integer> inside = new ArrayList<>();
            for (int k = 0; k < months.size(); k++) {
                values[k] = monthly.getOrDefault(months.get(k), 0L);
                entries[k] = s.add(values[k]);
                // a whole month inside the period (custom dates may cut a month: its reach is then no part)
                YearMonth ym = months.get(k);
                if (!ym.atDay(1).isBefore(period.start()) && !ym.atEndOfMonth().isAfter(period.end())) {
                    s.atMost(reached, entries[k]);
                    inside.add(entries[k]);
                }
            }
            if (period.kind() != PeriodKind.CUSTOM) {
                s.atLeast(reached, inside.stream().mapToInt(Integer::intValue).toArray());
            }
            return new Trend(months, values, entries);
        }

        List<Report.TrendPoint> points(Suppression.Result r) {
            List<Report.TrendPoint> out = new ArrayList<>();
            for (int k = 0; k < months.size(); k++) {
                out.add(new Report.TrendPoint(months.get(k), shown(values[k], entries[k], r)));
            }
            return out;
        }
    }

    // ---- Referrals and Incidents: every code with the words beside it, then Total

    private static ReportTable referralTable(CountColumns t, Suppression.Result r, ReportLabels labels) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ServiceType st : ServiceType.values()) {
            rows.add(referralRow(st.code(), Cell.text(labels.service(st)), t.row(st.ordinal(), r)));
        }
        rows.add(referralRow(TOTAL, new Cell.Blank(), t.totalRow(r)));
        return table(ReportTables.REFERRALS, ReportTables.REFERRAL_HEADERS, rows);
    }

    private static ReportTable incidentTable(CountColumns t, Suppression.Result r, ReportLabels labels) {
        List<List<Cell>> rows = new ArrayList<>();
        for (IncidentType it : IncidentType.values()) {
            rows.add(described(it.code(), Cell.text(labels.incident(it)), t.row(it.ordinal(), r)));
        }
        rows.add(described(TOTAL, new Cell.Blank(), t.totalRow(r)));
        return table(ReportTables.INCIDENTS, ReportTables.INCIDENT_HEADERS, rows);
    }

    private static List<Cell> described(String code, Cell description, List<Cell.Count> counts) {
        List<Cell> row = new ArrayList<>();
        row.add(Cell.text(code));
        row.add(description);
        row.addAll(counts);
        return row;
    }

    private static List<Cell> referralRow(String code, Cell description, List<Cell.Count> madeCompleted) {
        Cell.Count made = madeCompleted.get(0);
        Cell.Count done = madeCompleted.get(1);
        // a percentage next to a suppressed count would give the count away
        Double pct = made.value() == 0 || made.suppressed() || done.suppressed() ? null
                : round1(100.0 * done.value() / made.value());
        List<Cell> row = described(code, description, madeCompleted);
        row.add(new Cell.Percent(pct));
        return row;
    }

    private static ReportTable table(String name, List<String> headers, List<List<Cell>> rows) {
        return new ReportTable(name, ReportTables.title(name), headers, rows);
    }

    private static List<Cell> indicator(String name, Cell value) {
        return List.of(Cell.text(name), value);
    }

    static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    /** The cell of entry {@code e} as the result shows it: exact, {@code <5} or {@code x}. */
    static Cell.Count shown(long value, int e, Suppression.Result r) {
        boolean hidden = r.isSuppressed(e);
        return new Cell.Count(value, hidden, hidden && !r.isSmall(e));
    }

    // ---- the facts, counted into the tables' shapes

    /** The period's facts as matrices: age band × gender, KP × new/returning, KP × KP_PREV status, referrals, incidents. */
    private static final class Tally {
        final long[][] ageSex = new long[AgeBand.values().length][DonorGender.values().length];
        final long[][] kpNew = new long[DonorKp.values().length][2];
        final long[][] kpPrev = new long[DonorKp.values().length][KpPrevStatus.values().length];
        final long[][] referrals = new long[ServiceType.values().length][2];
        final long[][] incidents = new long[IncidentType.values().length][2];
        long reached;

        static Tally of(ReportFacts facts) {
            Tally t = new Tally();
            for (ReportFacts.ReachGroup g : facts.reach()) {
                int band = AgeBand.of(g.birthYear(), g.firstEncounterYear()).ordinal();
                int kp = g.kpType().donorRow().ordinal();
                t.ageSex[band][g.gender().donorColumn().ordinal()] += g.contacts();
                t.kpNew[kp][g.isNew() ? 0 : 1] += g.contacts();
                t.kpPrev[kp][g.kpPrev().ordinal()] += g.contacts();
                t.reached += g.contacts();
            }
            for (ReportFacts.ReferralCount c : facts.referrals()) {
                t.referrals[c.service().ordinal()] = new long[] {c.made(), c.completed()};
            }
            for (ReportFacts.IncidentCount c : facts.incidents()) {
                t.incidents[c.type().ordinal()] = new long[] {c.count(), c.supportGiven()};
            }
            return t;
        }
    }

    // ---- ReachByAgeSex, ReachByKpType and KP_PREV: three breakdowns of the same people

    /**
     * The person tables: one entry for the number reached (their three grand totals and the Summary's first figure),
     * and ReachByKpType's per-KP totals shared with KP_PREV.
     */
    private static final class PersonTables {
        final Matrix ageSex;
        final Matrix kpNew;
        final Matrix kpPrev;

        private PersonTables(Matrix ageSex, Matrix kpNew, Matrix kpPrev) {
            this.ageSex = ageSex;
            this.kpNew = kpNew;
            this.kpPrev = kpPrev;
        }

        static PersonTables add(Suppression s, Tally t) {
            Matrix ageSex = Matrix.add(s, t.ageSex, null, -1);
            Matrix kpNew = Matrix.add(s, t.kpNew, null, ageSex.grand);
            Matrix kpPrev = Matrix.add(s, t.kpPrev, kpNew.rowTotal, ageSex.grand);
            return new PersonTables(ageSex, kpNew, kpPrev);
        }

        /** Reach below the threshold: every figure hidden but the number reached ({@code <5}). */
        void withhold(Suppression s) {
            for (Matrix m : List.of(ageSex, kpNew, kpPrev)) {
                m.forceAll(s);
            }
        }

        Cell.Count grand(Suppression.Result r) {
            return shown(ageSex.grandValue, ageSex.grand, r);
        }

        ReportTable ageSexTable(Suppression.Result r) {
            List<List<Cell>> rows = new ArrayList<>();
            for (AgeBand b : AgeBand.values()) {
                rows.add(ageSex.row(b.label(), b.ordinal(), r));
            }
            rows.add(ageSex.totalRow(TOTAL, r));
            return table(ReportTables.REACH_BY_AGE_SEX, ReportTables.AGE_SEX_HEADERS, rows);
        }

        ReportTable kpTypeTable(Suppression.Result r) {
            return kpTable(ReportTables.REACH_BY_KP_TYPE, ReportTables.KP_TYPE_HEADERS, kpNew, r);
        }

        ReportTable kpPrevTable(Suppression.Result r) {
            return kpTable(ReportTables.KP_PREV, ReportTables.KP_PREV_HEADERS, kpPrev, r);
        }

        private static ReportTable kpTable(String name, List<String> headers, Matrix m, Suppression.Result r) {
            List<List<Cell>> rows = new ArrayList<>();
            for (DonorKp k : DonorKp.values()) {
                rows.add(m.row(k.name(), k.ordinal(), r));
            }
            rows.add(m.totalRow(TOTAL, r));
            return table(name, headers, rows);
        }
    }

    // ---- ReachBySite and Commodities

    /**
     * Reach per site (no totals: someone met at two sites counts at both) and the commodity quantities per site with
     * their exact Total row (the Summary's commodity figures). A site where 1–4 were reached has its quantities hidden.
     */
    private static final class SiteTables {
        final List<ReportFacts.SiteActivity> sites;
        final int[] reachedAt;
        final int[][] cell;
        final int[] total;
        final long[] totals = new long[4];
        final long encounters;

        private SiteTables(List<ReportFacts.SiteActivity> sites, int[] reachedAt, int[][] cell, int[] total,
                           long encounters) {
            this.sites = sites;
            this.reachedAt = reachedAt;
            this.cell = cell;
            this.total = total;
            this.encounters = encounters;
        }

        static SiteTables add(Suppression s, List<ReportFacts.SiteActivity> sites, int threshold, boolean withheld,
                              int reachedInAll) {
            int[] reachedAt = new int[sites.size()];
            for (int i = 0; i < sites.size(); i++) {
                // each site's reach is a part of the number reached; together they are at least that number
                reachedAt[i] = s.add(sites.get(i).reached());
                s.atMost(reachedInAll, reachedAt[i]);
                if (withheld) {
                    s.force(reachedAt[i]);
                }
            }
            s.atLeast(reachedInAll, reachedAt);
            int[][] cell = new int[sites.size()][4];
            long[] sums = new long[4];
            long encounters = 0;
            for (int i = 0; i < sites.size(); i++) {
                long[] q = quantities(sites.get(i));
                for (int j = 0; j < 4; j++) {
                    cell[i][j] = s.addQuantity(q[j]);
                    sums[j] += q[j];
                }
                encounters += sites.get(i).encounters();
            }
            int[] total = new int[4];
            for (int j = 0; j < 4; j++) {
                total[j] = s.addExactQuantity(sums[j]);
                int[] col = new int[sites.size()];
                for (int i = 0; i < sites.size(); i++) {
                    col[i] = cell[i][j];
                }
                s.line(total[j], col);
                if (withheld) {
                    s.force(total[j]);
                }
            }
            for (int i = 0; i < sites.size(); i++) {
                long reached = sites.get(i).reached();
                boolean few = reached >= 1 && reached < threshold;
                for (int j = 0; j < 4; j++) {
                    // a column whose total is 0 says every site's 0 anyway: nothing to hide there
                    if (withheld || few && sums[j] > 0) {
                        s.force(cell[i][j]);
                    }
                }
            }
            SiteTables t = new SiteTables(sites, reachedAt, cell, total, encounters);
            System.arraycopy(sums, 0, t.totals, 0, 4);
            return t;
        }

        private static long[] quantities(ReportFacts.SiteActivity a) {
            return new long[] {a.maleCondoms(), a.femaleCondoms(), a.lubricants(), a.hivSelfTests()};
        }

        Cell.Count totalCell(int j, Suppression.Result r) {
            return shown(totals[j], total[j], r);
        }

        ReportTable siteTable(Suppression.Result r, boolean names) {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                ReportFacts.SiteActivity a = sites.get(i);
                Cell.Count reached = shown(a.reached(), reachedAt[i], r);
                Double coverage = reached.suppressed() || a.estimatedSize() == null || a.estimatedSize() == 0 ? null
                        : round1(100.0 * a.reached() / a.estimatedSize());
                rows.add(List.of(Cell.text(a.code()), Cell.text(names ? a.name() : a.code()),
                        Cell.text(a.venueType().code()),
                        a.estimatedSize() == null ? new Cell.Blank() : Cell.count(a.estimatedSize()),
                        reached, new Cell.Percent(coverage)));
            }
            return table(ReportTables.REACH_BY_SITE, ReportTables.SITE_HEADERS, rows);
        }

        ReportTable commodityTable(Suppression.Result r) {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                long[] q = quantities(sites.get(i));
                List<Cell> row = new ArrayList<>();
                row.add(Cell.text(sites.get(i).code()));
                for (int j = 0; j < 4; j++) {
                    row.add(shown(q[j], cell[i][j], r));
                }
                rows.add(row);
            }
            List<Cell> totalRow = new ArrayList<>();
            totalRow.add(Cell.text(TOTAL));
            for (int j = 0; j < 4; j++) {
                totalRow.add(totalCell(j, r));
            }
            rows.add(totalRow);
            return table(ReportTables.COMMODITIES, ReportTables.COMMODITY_HEADERS, rows);
        }
    }

    // ---- entries of a table inside the workbook's Suppression

    /** Entries of a table with row totals, column totals and a grand total inside a {@link Suppression}. */
    private static final class Matrix {
        final long[][] values;
        final int[][] cell;
        final int[] rowTotal;
        final int[] colTotal;
        final int grand;
        final long grandValue;
        final long[] rowValues;
        final long[] colValues;

        private Matrix(long[][] values, int[][] cell, int[] rowTotal, int[] colTotal, int grand, long grandValue,
                       long[] rowValues, long[] colValues) {
            this.values = values;
            this.cell = cell;
            this.rowTotal = rowTotal;
            this.colTotal = colTotal;
            this.grand = grand;
            this.grandValue = grandValue;
            this.rowValues = rowValues;
            this.colValues = colValues;
        }

        /**
         * Adds the matrix with its lines. {@code sharedRowTotals}/{@code sharedGrand} reuse another matrix's
         * totals (two breakdowns of the same people); otherwise they are created, the grand total exact.
         */
        static Matrix add(Suppression s, long[][] m, int[] sharedRowTotals, int sharedGrand) {
            int rows = m.length;
            int cols = m[0].length;
            long[] rv = new long[rows];
            long[] cv = new long[cols];
            long g = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    rv[i] += m[i][j];
                    cv[j] += m[i][j];
                    g += m[i][j];
                }
            }
            int[][] idx = new int[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    idx[i][j] = s.add(m[i][j]);
                }
            }
            int[] rt = sharedRowTotals;
            if (rt == null) {
                rt = new int[rows];
                for (int i = 0; i < rows; i++) {
                    rt[i] = s.add(rv[i]);
                }
            }
            int[] ct = new int[cols];
            for (int j = 0; j < cols; j++) {
                ct[j] = s.add(cv[j]);
            }
            int grand = sharedGrand >= 0 ? sharedGrand : s.addExact(g);
            for (int i = 0; i < rows; i++) {
                s.line(rt[i], idx[i]);
            }
            for (int j = 0; j < cols; j++) {
                int[] col = new int[rows];
                for (int i = 0; i < rows; i++) {
                    col[i] = idx[i][j];
                }
                s.line(ct[j], col);
            }
            s.line(grand, ct);
            if (sharedRowTotals == null) {
                s.line(grand, rt);
            }
            return new Matrix(m, idx, rt, ct, grand, g, rv, cv);
        }

        /** Hides every cell and every total but the grand total. */
        void forceAll(Suppression s) {
            for (int[] row : cell) {
                for (int e : row) {
                    s.force(e);
                }
            }
            for (int e : rowTotal) {
                s.force(e);
            }
            for (int e : colTotal) {
                s.force(e);
            }
        }

        Cell.Count totalCell(int j, Suppression.Result r) {
            return shown(colValues[j], colTotal[j], r);
        }

        List<Cell> row(String label, int i, Suppression.Result r) {
            List<Cell> out = new ArrayList<>();
            out.add(Cell.text(label));
            for (int j = 0; j < values[i].length; j++) {
                out.add(shown(values[i][j], cell[i][j], r));
            }
            out.add(shown(rowValues[i], rowTotal[i], r));
            return out;
        }

        List<Cell> totalRow(String label, Suppression.Result r) {
            List<Cell> out = new ArrayList<>();
            out.add(Cell.text(label));
            for (int j = 0; j < colTotal.length; j++) {
                out.add(totalCell(j, r));
            }
            out.add(shown(grandValue, grand, r));
            return out;
        }
    }

    /**
     * A table of independent count columns (no row totals) with a Total row: Referrals (made, completed) and
     * Incidents (count, support given). Each column is a line whose total is exact unless it is 1–4. When the first
     * column's total (referrals made, incidents) is 1–4 the table is hidden whole: that total shows {@code <5}, every
     * other figure {@code x}.
     */
    private static final class CountColumns {
        final long[][] values;
        final long[] totals;
        final int[][] cell;
        final int[] total;

        private CountColumns(long[][] values, long[] totals, int[][] cell, int[] total) {
            this.values = values;
            this.totals = totals;
            this.cell = cell;
            this.total = total;
        }

        static CountColumns add(Suppression s, long[][] m, int threshold, boolean withheld) {
            int rows = m.length;
            int cols = m[0].length;
            long[] totals = new long[cols];
            int[][] cell = new int[rows][cols];
            int[] total = new int[cols];
            for (int j = 0; j < cols; j++) {
                int[] col = new int[rows];
                for (int i = 0; i < rows; i++) {
                    cell[i][j] = s.add(m[i][j]);
                    col[i] = cell[i][j];
                    totals[j] += m[i][j];
                }
                total[j] = s.addExact(totals[j]);
                s.line(total[j], col);
            }
            // completed of those made, support given of those incidents: a part of the row's first count
            for (int i = 0; i < rows; i++) {
                for (int j = 1; j < cols; j++) {
                    s.atMost(cell[i][0], cell[i][j]);
                }
            }
            boolean whole = withheld || totals[0] >= 1 && totals[0] < threshold;
            if (whole) {
                for (int j = 0; j < cols; j++) {
                    for (int i = 0; i < rows; i++) {
                        s.force(cell[i][j]);
                    }
                    if (j > 0 || withheld) {
                        s.force(total[j]);
                    }
                }
            }
            return new CountColumns(m, totals, cell, total);
        }

        Cell.Count totalCell(int j, Suppression.Result r) {
            return shown(totals[j], total[j], r);
        }

        List<Cell.Count> row(int i, Suppression.Result r) {
            List<Cell.Count> out = new ArrayList<>();
            for (int j = 0; j < values[i].length; j++) {
                out.add(shown(values[i][j], cell[i][j], r));
            }
            return out;
        }

        List<Cell.Count> totalRow(Suppression.Result r) {
            List<Cell.Count> out = new ArrayList<>();
            for (int j = 0; j < totals.length; j++) {
                out.add(totalCell(j, r));
            }
            return out;
        }
    }
}
