package org.outreachdesk.domain;

/**
 * The kinds of {@link ImportProblem}, so that callers and tests can tell them apart without reading the English
 * text (which names what is wrong for people, and may change). A new kind of problem the importer finds is added
 * here.
 */
public enum ImportProblemCode {
    // the file as a whole
    /** The file has no cell at all. */
    FILE_EMPTY,
    /** A header row but no row under it. */
    NO_ROWS,
    /** Separated by semicolons or tabs instead of commas. */
    WRONG_SEPARATOR,
    /** No cell of the first row is a column name. */
    NO_HEADER_ROW,
    // the header row
    /** A column name that is not one of the register's. */
    UNKNOWN_COLUMN,
    /** A column that appears twice. */
    COLUMN_TWICE,
    /** A required column that is not there. */
    COLUMN_MISSING,
    /** A value in a column without a header. */
    VALUE_WITHOUT_HEADER,
    // one cell
    /** A required cell left empty. */
    EMPTY,
    /** A date with a two-digit year. */
    TWO_DIGIT_YEAR,
    /** Not a date in a form the register accepts. */
    NOT_A_DATE,
    /** A date whose month does not exist. */
    NO_SUCH_MONTH,
    /** A date whose day does not exist in its month. */
    NO_SUCH_DAY,
    /** A visit after today. */
    DATE_FUTURE,
    /** A visit before the register's earliest year. */
    DATE_TOO_OLD,
    /** A UIC that is not a well-formed UIC. */
    UIC_INVALID,
    /** A code (worker, site, gender, KP type, HIV status, service) that is not one of the known ones. */
    UNKNOWN_CODE,
    /** A birth year that is not a four-digit year. */
    BIRTH_YEAR_NOT_A_YEAR,
    /** A birth year after the visit. */
    BIRTH_YEAR_AFTER_VISIT,
    /** A birth year too long before the visit. */
    BIRTH_YEAR_IMPLAUSIBLE,
    /** An age that does not agree with the birth year. */
    AGE_MISMATCH,
    /** A number above the column's maximum. */
    TOO_LARGE,
    /** A negative number. */
    NEGATIVE,
    /** A number with decimals where a whole number belongs. */
    NOT_WHOLE,
    /** Not a number at all. */
    NOT_A_NUMBER,
    /** A note longer than a note may be. */
    NOTE_TOO_LONG,
    // the row as a whole
    /** Someone under 18 recorded as a sex worker: a child-protection case, never imported. */
    CHILD_AS_SEX_WORKER,
    /** The same visit (UIC, date, worker, site) as an earlier row, with different values. */
    DUPLICATE_VISIT
}
