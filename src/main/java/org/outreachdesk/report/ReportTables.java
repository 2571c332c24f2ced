package org.outreachdesk.report;

import java.util.List;

import org.outreachdesk.domain.KpPrevStatus;

/**
 * The workbook contract (DOMAIN.md, "Report workbook"): table names, header texts, row labels and Summary
 * indicators. Donors' scripts read these; they never change and are never translated.
 */
public final class ReportTables {

    public static final String SUMMARY = "Summary";
    public static final String REACH_BY_AGE_SEX = "ReachByAgeSex";
    public static final String REACH_BY_KP_TYPE = "ReachByKpType";
    public static final String KP_PREV = "KP_PREV";
    public static final String REACH_BY_SITE = "ReachBySite";
    public static final String COMMODITIES = "Commodities";
    public static final String REFERRALS = "Referrals";
    public static final String INCIDENTS = "Incidents";
    /** The sheet that says what the report is and how it was made (not a table). */
    public static final String ABOUT = "About";

    /** Every table, in workbook order. */
    public static final List<String> NAMES = List.of(SUMMARY, REACH_BY_AGE_SEX, REACH_BY_KP_TYPE, KP_PREV,
            REACH_BY_SITE, COMMODITIES, REFERRALS, INCIDENTS);

    public static final String TOTAL = "Total";

    public static final List<String> SUMMARY_HEADERS = List.of("Indicator", "Value");
    public static final List<String> AGE_SEX_HEADERS = List.of("Age band", "Female", "Male", "Transgender",
            "Other or unknown", TOTAL);
    public static final List<String> KP_TYPE_HEADERS = List.of("KP type", "New", "Returning", TOTAL);
    public static final List<String> KP_PREV_HEADERS = List.of("KP type", "Known Positive",
            "Newly Tested or Testing Referred", "Declined Testing or Testing Referral", "Test Not Required", TOTAL);
    public static final List<String> SITE_HEADERS = List.of("Site code", "Site", "Venue type", "Estimated size",
            "Reached", "Coverage %");
    public static final List<String> COMMODITY_HEADERS = List.of("Site code", "Male condoms", "Female condoms",
            "Lubricants", "HIV self-test kits");
    /** The words beside a code (Referrals, Incidents), in the workbook's language; the code column stays first. */
    public static final String DESCRIPTION = "Description";
    public static final List<String> REFERRAL_HEADERS = List.of("Service", DESCRIPTION, "Made", "Completed",
            "Completion %");
    public static final List<String> INCIDENT_HEADERS = List.of("Type", DESCRIPTION, "Count", "Support given");

    // Summary indicators, in order
    public static final String REACHED = "Unique individuals reached";
    public static final String NEW = "New individuals";
    public static final String RETURNING = "Returning individuals";
    public static final String ENCOUNTERS = "Encounters";
    public static final String MALE_CONDOMS = "Male condoms";
    public static final String FEMALE_CONDOMS = "Female condoms";
    public static final String LUBRICANTS = "Lubricants";
    public static final String SELF_TESTS = "HIV self-test kits";
    public static final String REFERRALS_MADE = "Referrals made";
    public static final String REFERRALS_COMPLETED = "Referrals completed";
    public static final String SAFETY_INCIDENTS = "Safety incidents";
    public static final String SAFEGUARDING_FLAGS = "Safeguarding flags";
    public static final List<String> INDICATORS = List.of(REACHED, NEW, RETURNING, ENCOUNTERS, MALE_CONDOMS,
            FEMALE_CONDOMS, LUBRICANTS, SELF_TESTS, REFERRALS_MADE, REFERRALS_COMPLETED, SAFETY_INCIDENTS,
            SAFEGUARDING_FLAGS);

    private ReportTables() {
    }

    /** The KP_PREV column header of a status. */
    public static String header(KpPrevStatus s) {
        return KP_PREV_HEADERS.get(1 + s.ordinal());
    }

    /** Titles shown above each table (for people; the table names are what scripts use). */
    static String title(String table) {
        return switch (table) {
            case SUMMARY -> "Summary of the period";
            case REACH_BY_AGE_SEX -> "Unique individuals reached, by age band and sex";
            case REACH_BY_KP_TYPE -> "Unique individuals reached, by key population: new and returning";
            case KP_PREV -> "KP_PREV: individuals reached, by key population and HIV testing status";
            case REACH_BY_SITE -> "Unique individuals reached, by site, against the estimated size";
            case COMMODITIES -> "Commodities handed out, by site";
            case REFERRALS -> "Referrals made in the period, by service, and those completed";
            case INCIDENTS -> "Safety incidents, by type, and those where support was given";
            default -> table;
        };
    }
}
