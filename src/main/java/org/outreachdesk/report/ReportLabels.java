package org.outreachdesk.report;

import java.text.MessageFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.ServiceType;

/**
 * The texts of a workbook meant for people, in English or Khmer, from the report's own bundle
 * ({@code org/outreachdesk/report/labels*.properties}; the report package knows nothing of the desktop's
 * bundles): sheet titles and captions, the banner, the About sheet, the chart title, period descriptions, the
 * footer. Never the contract: table names, sheet names, column headers and row labels are {@link ReportTables}'
 * and are English in every language.
 *
 * <p>Every text goes through {@link MessageFormat} (so a single quote is written {@code ''} in the bundles);
 * arguments are passed as strings, so years are never grouped ({@code 2026}, not {@code 2,026}).
 */
public final class ReportLabels {

    static final String BUNDLE = "org.outreachdesk.report.labels";
    /** The workbook's font in English (as before). */
    public static final String LATIN_FONT = "Calibri";
    /**
     * The workbook's font in Khmer: Khmer OS System (the font the desktop app ships), which also has Latin
     * letters and digits, so codes and numbers look right beside Khmer. Where it is not installed, Excel and
     * LibreOffice substitute a font that covers Khmer.
     */
    public static final String KHMER_FONT = "Khmer OS System";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ReportLanguage language;
    private final ResourceBundle bundle;

    private ReportLabels(ReportLanguage language) {
        this.language = language;
        // no fallback to the JVM's default locale: a Khmer laptop asking for English gets English
        this.bundle = ResourceBundle.getBundle(BUNDLE,
                language == ReportLanguage.ENGLISH ? Locale.ROOT : language.locale(), NO_FALLBACK);
    }

    public static ReportLabels of(ReportLanguage language) {
        return new ReportLabels(language == null ? ReportLanguage.ENGLISH : language);
    }

    public static ReportLabels english() {
        return of(ReportLanguage.ENGLISH);
    }

    public ReportLanguage language() {
        return language;
    }

    public boolean khmer() {
        return language == ReportLanguage.KHMER;
    }

    /** The font every cell of the workbook uses. */
    public String fontName() {
        return khmer() ? KHMER_FONT : LATIN_FONT;
    }

    /**
     * The text of {@code key} with {@code args} in its places.
     *
     * @throws MissingResourceException when the key is missing (a programming error, caught by the tests)
     */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, language.locale()).format(text);
    }

    /** Every key the bundle of this language has (for the completeness test). */
    public Set<String> keys() {
        return bundle.keySet();
    }

    /** The title shown above a table (for people; the table's name is what scripts use). */
    public String title(String table) {
        return ReportTables.NAMES.contains(table) ? get("title." + table) : table;
    }

    /** The words beside a service code in the Referrals table (the app's words, in this language). */
    public String service(ServiceType type) {
        return get("service." + type.code());
    }

    /** The words beside an incident type code in the Incidents table (the app's words, in this language). */
    public String incident(IncidentType type) {
        return get("incident." + type.code());
    }

    /** A period for people: {@code October 2026 (2026-10-01 to 2026-10-31)}, or in Khmer. */
    public String describe(ReportPeriod p) {
        String start = p.start().toString();
        String end = p.end().toString();
        String year = Integer.toString(p.start().getYear());
        return switch (p.kind()) {
            case MONTH -> get("period.month", get("month." + p.start().getMonthValue()), year, start, end);
            case QUARTER -> get("period.quarter", p.code(), year, (p.start().getMonthValue() - 1) / 3 + 1, start, end);
            case HALF_YEAR -> get("period.half", p.code(), year, p.start().getMonthValue() == 1 ? 1 : 2, start, end);
            case YEAR -> get("period.year", year, start, end);
            case CUSTOM -> get("period.custom", start, end);
        };
    }

    /** The contract's English words a Khmer reader meets in the tables: every column header and Summary indicator. */
    public static List<String> terms() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (List<String> h : List.of(ReportTables.SUMMARY_HEADERS, ReportTables.AGE_SEX_HEADERS,
                ReportTables.KP_TYPE_HEADERS, ReportTables.KP_PREV_HEADERS, ReportTables.SITE_HEADERS,
                ReportTables.COMMODITY_HEADERS, ReportTables.REFERRAL_HEADERS, ReportTables.INCIDENT_HEADERS,
                ReportTables.INDICATORS)) {
            out.addAll(h);
        }
        out.add(AgeBand.UNKNOWN.label());
        return List.copyOf(out);
    }

    /** What a contract word ({@link #terms()}) means, in this language (Khmer bundle only). */
    public String term(String word) {
        return get("term." + word.replaceAll("[^A-Za-z0-9]", "_"));
    }

    /** The keys of the About sheet's rules, in order (each {@code about.rule.<key>} and {@code about.rule.<key>.text}). */
    static final List<String> RULES = List.of("reached", "newReturning", "age", "gender", "kp", "kpPrev", "sites",
            "commodities", "referrals", "incidents", "safeguarding", "trend", "privacy");
}
