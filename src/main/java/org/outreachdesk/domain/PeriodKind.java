package org.outreachdesk.domain;

/** The kinds of report period: how a {@link ReportPeriod} is named and chosen. */
public enum PeriodKind {
    MONTH, QUARTER, HALF_YEAR, YEAR, CUSTOM
}
