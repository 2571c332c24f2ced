package org.outreachdesk.report;

import static org.outreachdesk.report.ReportTables.TOTAL;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.outreachdesk.domain.Gender.DonorGender;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.KpType.DonorKp;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.ServiceType;

/**
 * Applies the reporting rules to a period's facts and makes the tables of the workbook contract, suppressing
 * small cells for donors. Pure: no database, no Excel.
 *
 * <p>Rules: age at the first encounter in the period (its year minus the birth year) in the bands of
 * {@link AgeBand}; gender columns Female (F), Male (M), Transgender (TGW, TGM), Other or unknown (O, U); FSW and
 * FEW both count as FSW. Suppression ({@link Suppression}) works on each table with its totals; ReachByKpType
 * and KP_PREV share their per-KP totals, so they are protected together as one table, and the Summary's new and
 * returning figures are the ReachByKpType totals as shown there. Grand totals are exact. Commodities are
 * quantities of things, not counts of people, and are never suppressed; neither is a site's estimated size.
 */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /**
     * Makes the report.
     *
     * @param threshold counts from 1 to {@code threshold - 1} are suppressed in donor reports
     */
    public static Report build(ReportFacts facts, ReportPeriod period, ReportAudience audience, int threshold,
                               String organisation, Instant generatedAt, ZoneId zone, String programVersion) {
        if (!facts.start().equals(period.start()) || !facts.end().equals(period.end())) {
            throw new IllegalArgumentException("the facts are of another period");
        }
        boolean suppress = audience.suppressed();
        int ages = AgeBand.values().length;
        int genders = DonorGender.values().length;
        int kps = DonorKp.values().length;
        int statuses = KpPrevStatus.values().length;
        long[][] ageSex = new long[ages][genders];
        long[][] kpNew = new long[kps][2];
        long[][] kpPrev = new long[kps][statuses];
        for (ReportFacts.ReachGroup g : facts.reach()) {
            int band = AgeBand.of(g.birthYear(), g.firstEncounterYear()).ordinal();
            int kp = g.kpType().donorRow().ordinal();
            ageSex[band][g.gender().donorColumn().ordinal()] += g.contacts();
            kpNew[kp][g.isNew() ? 0 : 1] += g.contacts();
            kpPrev[kp][g.kpPrev().ordinal()] += g.contacts();
        }

        // ReachByAgeSex
        Suppression s1 = new Suppression();
        Matrix m1 = Matrix.add(s1, ageSex, null, -1);
        Suppression.Result r1 = s1.run(suppress ? threshold : 1);

        // ReachByKpType and KP_PREV: one table for suppression, sharing the per-KP totals and the grand total
        Suppression s2 = new Suppression();
        Matrix m2a = Matrix.add(s2, kpNew, null, -1);
        Matrix m2b = Matrix.add(s2, kpPrev, m2a.rowTotal, m2a.grand);
        Suppression.Result r2 = s2.run(suppress ? threshold : 1);

        List<ReportTable> tables = new ArrayList<>();

        List<List<Cell>> rows = new ArrayList<>();
        for (AgeBand b : AgeBand.values()) {
            rows.add(m1.row(b.label(), b.ordinal(), r1));
        }
        rows.add(m1.totalRow(TOTAL, r1));
        ReportTable ageSexTable = table(ReportTables.REACH_BY_AGE_SEX, ReportTables.AGE_SEX_HEADERS, rows);

        rows = new ArrayList<>();
        for (DonorKp k : DonorKp.values()) {
            rows.add(m2a.row(k.name(), k.ordinal(), r2));
        }
        rows.add(m2a.totalRow(TOTAL, r2));
        ReportTable kpTypeTable = table(ReportTables.REACH_BY_KP_TYPE, ReportTables.KP_TYPE_HEADERS, rows);

        rows = new ArrayList<>();
        for (DonorKp k : DonorKp.values()) {
            rows.add(m2b.row(k.name(), k.ordinal(), r2));
        }
        rows.add(m2b.totalRow(TOTAL, r2));
        ReportTable kpPrevTable = table(ReportTables.KP_PREV, ReportTables.KP_PREV_HEADERS, rows);

        // ReachBySite and Commodities
        List<List<Cell>> siteRows = new ArrayList<>();
        List<List<Cell>> commodityRows = new ArrayList<>();
        long encounters = 0;
        long[] commodityTotals = new long[4];
        for (ReportFacts.SiteActivity a : facts.sites()) {
            encounters += a.encounters();
            boolean hidden = suppress && a.reached() >= 1 && a.reached() < threshold;
            Double coverage = hidden || a.estimatedSize() == null || a.estimatedSize() == 0 ? null
                    : round1(100.0 * a.reached() / a.estimatedSize());
            siteRows.add(List.of(Cell.text(a.code()), Cell.text(a.name()), Cell.text(a.venueType().code()),
                    a.estimatedSize() == null ? new Cell.Blank() : Cell.count(a.estimatedSize()),
                    new Cell.Count(a.reached(), hidden), new Cell.Percent(coverage)));
            long[] q = {a.maleCondoms(), a.femaleCondoms(), a.lubricants(), a.hivSelfTests()};
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(a.code()));
            for (int i = 0; i < q.length; i++) {
                row.add(Cell.count(q[i]));
                commodityTotals[i] += q[i];
            }
            commodityRows.add(row);
        }
        List<Cell> totalRow = new ArrayList<>();
        totalRow.add(Cell.text(TOTAL));
        for (long t : commodityTotals) {
            totalRow.add(Cell.count(t));
        }
        commodityRows.add(totalRow);
        ReportTable siteTable = table(ReportTables.REACH_BY_SITE, ReportTables.SITE_HEADERS, siteRows);
        ReportTable commodityTable = table(ReportTables.COMMODITIES, ReportTables.COMMODITY_HEADERS, commodityRows);

        // Referrals: every service code, then Total (exact)
        Map<ServiceType, ReportFacts.ReferralCount> refs = new HashMap<>();
        facts.referrals().forEach(r -> refs.put(r.service(), r));
        ServiceType[] services = ServiceType.values();
        long[][] refCounts = new long[services.length][2];
        for (ServiceType t : services) {
            ReportFacts.ReferralCount c = refs.get(t);
            refCounts[t.ordinal()] = c == null ? new long[2] : new long[] {c.made(), c.completed()};
        }
        ColumnTable refTable = ColumnTable.protect(refCounts, suppress ? threshold : 1);
        rows = new ArrayList<>();
        for (ServiceType t : services) {
            rows.add(referralRow(t.code(), refTable.row(t.ordinal())));
        }
        rows.add(referralRow(TOTAL, refTable.totalRow()));
        ReportTable referralTable = table(ReportTables.REFERRALS, ReportTables.REFERRAL_HEADERS, rows);

        // Incidents: every type, then Total (exact)
        Map<IncidentType, ReportFacts.IncidentCount> inc = new HashMap<>();
        facts.incidents().forEach(i -> inc.put(i.type(), i));
        IncidentType[] types = IncidentType.values();
        long[][] incCounts = new long[types.length][2];
        for (IncidentType t : types) {
            ReportFacts.IncidentCount c = inc.get(t);
            incCounts[t.ordinal()] = c == null ? new long[2] : new long[] {c.count(), c.supportGiven()};
        }
        ColumnTable incTable = ColumnTable.protect(incCounts, suppress ? threshold : 1);
        rows = new ArrayList<>();
        for (IncidentType t : types) {
            rows.add(withLabel(t.code(), incTable.row(t.ordinal())));
        }
        rows.add(withLabel(TOTAL, incTable.totalRow()));
        ReportTable incidentTable = table(ReportTables.INCIDENTS, ReportTables.INCIDENT_HEADERS, rows);

        // Summary: the whole-table totals (exact), and new/returning as ReachByKpType's Total row shows them
        List<Cell> kpTotals = kpTypeTable.row(TOTAL);
        List<List<Cell>> summary = new ArrayList<>();
        summary.add(indicator(ReportTables.REACHED, Cell.count(m1.grandValue)));
        summary.add(indicator(ReportTables.NEW, kpTotals.get(1)));
        summary.add(indicator(ReportTables.RETURNING, kpTotals.get(2)));
        summary.add(indicator(ReportTables.ENCOUNTERS, Cell.count(encounters)));
        summary.add(indicator(ReportTables.MALE_CONDOMS, Cell.count(commodityTotals[0])));
        summary.add(indicator(ReportTables.FEMALE_CONDOMS, Cell.count(commodityTotals[1])));
        summary.add(indicator(ReportTables.LUBRICANTS, Cell.count(commodityTotals[2])));
        summary.add(indicator(ReportTables.SELF_TESTS, Cell.count(commodityTotals[3])));
        summary.add(indicator(ReportTables.REFERRALS_MADE, referralTable.row(TOTAL).get(1)));
        summary.add(indicator(ReportTables.REFERRALS_COMPLETED, referralTable.row(TOTAL).get(2)));
        summary.add(indicator(ReportTables.SAFETY_INCIDENTS, incidentTable.row(TOTAL).get(1)));
        summary.add(indicator(ReportTables.SAFEGUARDING_FLAGS, Cell.count(facts.safeguardingFlags())));
        tables.add(table(ReportTables.SUMMARY, ReportTables.SUMMARY_HEADERS, summary));
        tables.add(ageSexTable);
        tables.add(kpTypeTable);
        tables.add(kpPrevTable);
        tables.add(siteTable);
        tables.add(commodityTable);
        tables.add(referralTable);
        tables.add(incidentTable);

        // trend: one count per month, no totals shown, so only the primary rule applies
        Map<YearMonth, Long> monthly = new HashMap<>();
        facts.monthly().forEach(m -> monthly.put(m.month(), m.reached()));
        List<Report.TrendPoint> trend = new ArrayList<>();
        for (YearMonth ym : period.trendMonths()) {
            long v = monthly.getOrDefault(ym, 0L);
            trend.add(new Report.TrendPoint(ym, new Cell.Count(v, suppress && v >= 1 && v < threshold)));
        }
        return new Report(period, audience, organisation, generatedAt, zone, programVersion, threshold, tables, trend);
    }

    private static ReportTable table(String name, List<String> headers, List<List<Cell>> rows) {
        return new ReportTable(name, ReportTables.title(name), headers, rows);
    }

    private static List<Cell> indicator(String name, Cell value) {
        return List.of(Cell.text(name), value);
    }

    private static List<Cell> withLabel(String label, List<Cell.Count> cells) {
        List<Cell> row = new ArrayList<>();
        row.add(Cell.text(label));
        row.addAll(cells);
        return row;
    }

    private static List<Cell> referralRow(String label, List<Cell.Count> madeCompleted) {
        Cell.Count made = madeCompleted.get(0);
        Cell.Count done = madeCompleted.get(1);
        // a percentage next to a suppressed count would give the count away
        Double pct = made.value() == 0 || made.suppressed() || done.suppressed() ? null
                : round1(100.0 * done.value() / made.value());
        List<Cell> row = withLabel(label, madeCompleted);
        row.add(new Cell.Percent(pct));
        return row;
    }

    static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

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
         * totals (two breakdowns of the same rows); otherwise they are created, the grand total exact.
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

        List<Cell> row(String label, int i, Suppression.Result r) {
            List<Cell> out = new ArrayList<>();
            out.add(Cell.text(label));
            for (int j = 0; j < values[i].length; j++) {
                out.add(new Cell.Count(values[i][j], r.isSuppressed(cell[i][j])));
            }
            out.add(new Cell.Count(rowValues[i], r.isSuppressed(rowTotal[i])));
            return out;
        }

        List<Cell> totalRow(String label, Suppression.Result r) {
            List<Cell> out = new ArrayList<>();
            out.add(Cell.text(label));
            for (int j = 0; j < colTotal.length; j++) {
                out.add(new Cell.Count(colValues[j], r.isSuppressed(colTotal[j])));
            }
            out.add(new Cell.Count(grandValue, r.isSuppressed(grand)));
            return out;
        }
    }

    /**
     * A table of independent count columns (no row totals) with an exact Total row: Referrals (made, completed)
     * and Incidents (count, support given). Each column is a line whose total is exact.
     */
    private static final class ColumnTable {
        final long[][] values;
        final long[] totals;
        final boolean[][] hidden;

        private ColumnTable(long[][] values, long[] totals, boolean[][] hidden) {
            this.values = values;
            this.totals = totals;
            this.hidden = hidden;
        }

        static ColumnTable protect(long[][] m, int threshold) {
            int rows = m.length;
            int cols = m[0].length;
            long[] totals = new long[cols];
            boolean[][] hidden = new boolean[rows][cols];
            for (int j = 0; j < cols; j++) {
                Suppression s = new Suppression();
                int[] idx = new int[rows];
                for (int i = 0; i < rows; i++) {
                    idx[i] = s.add(m[i][j]);
                    totals[j] += m[i][j];
                }
                s.line(s.addExact(totals[j]), idx);
                Suppression.Result r = s.run(threshold);
                for (int i = 0; i < rows; i++) {
                    hidden[i][j] = r.isSuppressed(idx[i]);
                }
            }
            return new ColumnTable(m, totals, hidden);
        }

        List<Cell.Count> row(int i) {
            List<Cell.Count> out = new ArrayList<>();
            for (int j = 0; j < values[i].length; j++) {
                out.add(new Cell.Count(values[i][j], hidden[i][j]));
            }
            return out;
        }

        List<Cell.Count> totalRow() {
            List<Cell.Count> out = new ArrayList<>();
            for (long t : totals) {
                out.add(Cell.count(t));
            }
            return out;
        }
    }
}
