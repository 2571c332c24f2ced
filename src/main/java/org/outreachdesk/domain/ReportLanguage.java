package org.outreachdesk.domain;

import java.util.Locale;

/**
 * The language of a report workbook's labels for people: titles, captions, the About sheet, the chart title.
 * English is the default (donors read it); Khmer is for the provincial health department. Table names, sheet
 * names, column headers and row labels are a contract and stay English in both.
 */
public enum ReportLanguage implements Coded {
    ENGLISH("en", Locale.ENGLISH),
    KHMER("km", Locale.forLanguageTag("km"));

    private final String code;
    private final Locale locale;

    ReportLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    @Override
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }
}
