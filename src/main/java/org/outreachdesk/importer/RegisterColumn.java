package org.outreachdesk.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.outreachdesk.domain.Coded;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;

/** The columns of a register (DOMAIN.md, "Register import"), by header name. */
public enum RegisterColumn {
    DATE("date", true, "a date YYYY-MM-DD or DD/MM/YYYY, not after today"),
    UIC("uic", true, "an 11-character UIC: 4 letters (or 9), sex digit 1/2/3/9, birth date DDMMYY, e.g. SOCH2150398"),
    WORKER("worker", true, "a staff code of 1-20 letters, digits, '-' or '_' (a new code creates a staff member)"),
    SITE("site", true, "a site code of 1-20 letters, digits, '-' or '_' (a new code creates a site)"),
    GENDER("gender", true, "one of " + Coded.codes(Gender.class)),
    BIRTH_YEAR("birth_year", false, "a four-digit year, or blank"),
    AGE("age", false, "the age in whole years at that visit, or blank"),
    KP_TYPE("kp_type", true, "one of " + Coded.codes(KpType.class)),
    MALE_CONDOMS("male_condoms", false, RegisterColumn.QUANTITY),
    FEMALE_CONDOMS("female_condoms", false, RegisterColumn.QUANTITY),
    LUBRICANTS("lubricants", false, RegisterColumn.QUANTITY),
    HIV_SELF_TESTS("hiv_self_tests", false, RegisterColumn.QUANTITY),
    HIV_STATUS("hiv_status", false, "one of " + Coded.codes(HivStatus.class) + ", or blank"),
    REFERRALS("referrals", false, "service codes separated by ';' (" + Coded.codes(ServiceType.class) + "), or blank"),
    NOTES("notes", false, "free text of at most " + RegisterColumn.MAX_NOTES + " characters");

    /** Longest note an encounter keeps (schema: encounter.note). */
    public static final int MAX_NOTES = 1000;
    /** Largest quantity of one commodity accepted at one encounter. */
    public static final int MAX_QUANTITY = 100_000;

    private static final String QUANTITY = "a whole number from 0 to 100000; blank means 0";
    private static final Map<String, RegisterColumn> BY_HEADER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RegisterColumn::header, Function.identity()));

    private final String header;
    private final boolean required;
    private final String expected;

    RegisterColumn(String header, boolean required, String expected) {
        this.header = header;
        this.required = required;
        this.expected = expected;
    }

    /** The header name, as DOMAIN.md spells it. */
    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    /** What the column accepts, in words, for problem reports. */
    public String expected() {
        return expected;
    }

    /**
     * The values the translated text of {@link #expected()} ({@code import.expected.<header>}) puts in its places:
     * the codes a coded column takes, the limits of a number or note.
     */
    public Object[] expectedArgs() {
        return switch (this) {
            case GENDER -> new Object[] {Coded.codes(Gender.class)};
            case KP_TYPE -> new Object[] {Coded.codes(KpType.class)};
            case HIV_STATUS -> new Object[] {Coded.codes(HivStatus.class)};
            case REFERRALS -> new Object[] {Coded.codes(ServiceType.class)};
            case MALE_CONDOMS, FEMALE_CONDOMS, LUBRICANTS, HIV_SELF_TESTS -> new Object[] {MAX_QUANTITY};
            case NOTES -> new Object[] {MAX_NOTES};
            default -> new Object[0];
        };
    }

    /**
     * The column a header cell names: case is ignored, surrounding blanks are dropped, and spaces or hyphens
     * inside count as underscores ({@code Birth Year} is {@code birth_year}).
     */
    public static RegisterColumn byHeader(String text) {
        return text == null ? null : BY_HEADER.get(normaliseHeader(text));
    }

    static String normaliseHeader(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }

    /** All header names, in the order of DOMAIN.md. */
    public static String allHeaders() {
        return Arrays.stream(values()).map(RegisterColumn::header).collect(Collectors.joining(", "));
    }
}
