package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.Objects;

import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;

/**
 * What report to make: a named period ({@code 2026-10}, {@code 2026-Q3}, {@code 2026-H1}, {@code 2026}) or custom
 * dates (both included), the audience, and the language of the workbook's labels (English unless asked; table
 * names and column headers are English in every language).
 */
public record ReportRequest(String period, LocalDate from, LocalDate to, ReportAudience audience,
                            ReportLanguage language) {

    public ReportRequest {
        Objects.requireNonNull(audience, "audience");
        language = language == null ? ReportLanguage.ENGLISH : language;
    }

    /** A request with English labels. */
    public ReportRequest(String period, LocalDate from, LocalDate to, ReportAudience audience) {
        this(period, from, to, audience, ReportLanguage.ENGLISH);
    }

    public static ReportRequest of(String period, ReportAudience audience) {
        return new ReportRequest(period, null, null, audience);
    }

    public static ReportRequest custom(LocalDate from, LocalDate to, ReportAudience audience) {
        return new ReportRequest(null, from, to, audience);
    }

    /** The same request with the workbook's labels in {@code language} (null: English). */
    public ReportRequest in(ReportLanguage language) {
        return new ReportRequest(period, from, to, audience, language);
    }
}
