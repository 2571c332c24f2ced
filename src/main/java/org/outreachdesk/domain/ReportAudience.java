package org.outreachdesk.domain;

/**
 * Who a report is for. A donor report (the default) shows small counts as {@code <5}; an internal report has
 * exact counts, is for managers and admins only and says CONFIDENTIAL on every sheet.
 */
public enum ReportAudience implements Coded {
    DONOR("donor"),
    INTERNAL("internal");

    private final String code;

    ReportAudience(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether small cells are suppressed. */
    public boolean suppressed() {
        return this == DONOR;
    }
}
