package org.outreachdesk.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportPeriod;

/**
 * A finished report: every table of the workbook contract with the rules and (for donors) suppression applied,
 * the monthly reach trend, and what the About sheet says. Holds aggregates only.
 */
public record Report(ReportPeriod period, ReportAudience audience, String organisation, Instant generatedAt,
                     ZoneId zone, String programVersion, int threshold, List<ReportTable> tables,
                     List<TrendPoint> trend, boolean withheld, int auditCells) {

    /**
     * A report as before the workbook-wide audit: nothing withheld, no extra cells.
     */
    public Report(ReportPeriod period, ReportAudience audience, String organisation, Instant generatedAt, ZoneId zone,
                  String programVersion, int threshold, List<ReportTable> tables, List<TrendPoint> trend) {
        this(period, audience, organisation, generatedAt, zone, programVersion, threshold, tables, trend, false, 0);
    }

    public Report {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(zone, "zone");
        organisation = organisation == null ? "" : organisation;
        tables = List.copyOf(tables);
        trend = List.copyOf(trend);
        if (auditCells < 0) {
            throw new IllegalArgumentException("auditCells");
        }
    }

    /** Distinct contacts reached in one month of the trend (suppressed in donor reports when small). */
    public record TrendPoint(YearMonth month, Cell.Count reached) {
    }

    public ReportTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    /** What suppressed cells show: {@code <5} with the default threshold. */
    public String mark() {
        return mark(threshold);
    }

    public static String mark(int threshold) {
        return "<" + threshold;
    }

    public boolean suppressed() {
        return audience.suppressed();
    }

    /** Suppressed cells shown as {@code x} (hidden to protect another, or withheld), over all tables. */
    public int protectiveCells() {
        return (int) tables.stream().flatMap(t -> t.rows().stream()).flatMap(List::stream)
                .filter(c -> c instanceof Cell.Count n && n.protective()).count();
    }

    /** Suppressed cells over all tables and the trend. */
    public int suppressedCells() {
        return tables.stream().mapToInt(ReportTable::suppressedCells).sum()
                + (int) trend.stream().filter(p -> p.reached().suppressed()).count();
    }
}
