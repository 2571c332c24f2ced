package org.outreachdesk.app;

import java.time.LocalDate;
import java.util.Objects;

import org.outreachdesk.domain.ReportAudience;

/**
 * What report to make: a named period ({@code 2026-10}, {@code 2026-Q3}, {@code 2026-H1}, {@code 2026}) or custom
 * dates (both included), and the audience.
 */
public record ReportRequest(String period, LocalDate from, LocalDate to, ReportAudience audience) {

    public ReportRequest {
        Objects.requireNonNull(audience, "audience");
    }

    public static ReportRequest of(String period, ReportAudience audience) {
        return new ReportRequest(period, null, null, audience);
    }

    public static ReportRequest custom(LocalDate from, LocalDate to, ReportAudience audience) {
        return new ReportRequest(null, from, to, audience);
    }
}
