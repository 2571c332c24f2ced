package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.Objects;

import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.ReportPeriod;

/**
 * What report to make: the period (read where it is typed or chosen: the command line's argument, the view's
 * choice), the audience, and the language of the workbook's labels (English unless asked; table names and column
 * headers are English in every language).
 */
public record ReportRequest(ReportPeriod period, ReportAudience audience, ReportLanguage language) {

    public ReportRequest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(audience, "audience");
        language = language == null ? ReportLanguage.ENGLISH : language;
    }

    /** A request with English labels. */
    public static ReportRequest of(ReportPeriod period, ReportAudience audience) {
        return new ReportRequest(period, audience, ReportLanguage.ENGLISH);
    }

    /**
     * A request for a named period ({@code 2026-10}, {@code 2026-Q3}, {@code 2026-H1}, {@code 2026}), English labels.
     *
     * @throws org.outreachdesk.domain.InvalidPeriodException when {@code period} is no period
     */
    public static ReportRequest of(String period, ReportAudience audience) {
        return of(ReportPeriod.parse(period), audience);
    }

    /** Custom dates, both included; English labels. */
    public static ReportRequest custom(LocalDate from, LocalDate to, ReportAudience audience) {
        return of(ReportPeriod.custom(from, to), audience);
    }

    /** The same request with the workbook's labels in {@code language} (null: English). */
    public ReportRequest in(ReportLanguage language) {
        return new ReportRequest(period, audience, language);
    }
}
