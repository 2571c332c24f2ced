package org.outreachdesk.report;

/**
 * Age bands of donor tables. The age of a reached contact is taken at their first encounter in the period:
 * that encounter's year minus the birth year. No birth year (or one after the encounter) is {@link #UNKNOWN}.
 */
public enum AgeBand {
    UNDER_15("<15"),
    A15_19("15-19"),
    A20_24("20-24"),
    A25_29("25-29"),
    A30_34("30-34"),
    A35_39("35-39"),
    A40_44("40-44"),
    A45_49("45-49"),
    A50_PLUS("50+"),
    UNKNOWN("Unknown");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    /** The row label in the workbook (a contract: {@code <15}, {@code 15-19} … {@code 50+}, {@code Unknown}). */
    public String label() {
        return label;
    }

    /** The band of someone born in {@code birthYear} (null when unknown), met in {@code encounterYear}. */
    public static AgeBand of(Integer birthYear, int encounterYear) {
        if (birthYear == null) {
            return UNKNOWN;
        }
        return ofAge(encounterYear - birthYear);
    }

    /** The band of an age in whole years; a negative age (a birth year after the encounter) is unknown. */
    public static AgeBand ofAge(int age) {
        if (age < 0) {
            return UNKNOWN;
        }
        if (age < 15) {
            return UNDER_15;
        }
        if (age >= 50) {
            return A50_PLUS;
        }
        return values()[1 + (age - 15) / 5];
    }
}
