package org.outreachdesk.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outreachdesk.domain.Coded;
import org.outreachdesk.domain.Codes;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.InvalidUicException;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.ImportProblemCode;
import org.outreachdesk.domain.Problem;
import java.util.ArrayList;

/**
 * Checks a register's header and rows exactly as DOMAIN.md defines the format, and turns each valid row into
 * a {@link RegisterRow}. Every problem is reported with the row number a spreadsheet shows and the column's
 * header name; nothing is guessed (an impossible date, an unknown code or a negative number is a problem).
 *
 * <p>Problem texts never repeat a cell's value (a register holds UICs, HIV statuses, referrals and notes).
 */
final class RowValidator {

    /** The earliest visit date accepted (outreach registers do not go further back). */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /** Oldest age accepted. */
    static final int MAX_AGE = 120;
    /** Age from which a person may be recorded as FSW or FEW. */
    static final int ADULT_AGE = 18;

    static final String SAFEGUARDING_PROBLEM = "the person is under 18 at this visit and cannot be recorded as "
            + "FSW or FEW: a child is never recorded as a sex worker";
    static final String SAFEGUARDING_EXPECTED = "this row is not imported: it is a child-protection case; follow "
            + "the safeguarding protocol (hotline 1288, child-protection and anti-trafficking referral) and record a "
            + "safeguarding screen instead";
    static final Problem SAFEGUARDING_WHAT = Problems.what(ImportProblemCode.CHILD_AS_SEX_WORKER);
    static final Problem SAFEGUARDING_EXPECTS = Problems.expects("childProtection");

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern DMY_SHORT_YEAR = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{2}");
    private static final Pattern WHOLE = Pattern.compile("\\+?(\\d+)(?:\\.0+)?");
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\d*(?:[.,]\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("\\d*[.,]\\d+");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final LocalDate today;
    private final Problems problems;

    /** For each cell index of the header, its column (null: blank or unknown header). */
    private RegisterColumn[] columnAt;
    private final Map<RegisterColumn, Integer> indexOf = new EnumMap<>(RegisterColumn.class);
    private int headerRow;

    // shared instances keep a large register's rows small
    private final Map<String, String> codes = new HashMap<>();
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();
    private final Map<Set<ServiceType>, Set<ServiceType>> referralSets = new HashMap<>();

    RowValidator(LocalDate today, Problems problems) {
        this.today = today;
        this.problems = problems;
    }

    boolean hasHeader() {
        return columnAt != null;
    }

    int headerRow() {
        return headerRow;
    }

    /** Whether every cell of a row is blank. */
    static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Reads the header row: which column is where; unknown, repeated and missing columns are problems. */
    void header(int row, List<String> cells) {
        headerRow = row;
        columnAt = new RegisterColumn[cells.size()];
        List<String> named = cells.stream().filter(c -> c != null && !c.isBlank()).toList();
        if (named.size() == 1 && RegisterColumn.byHeader(named.get(0)) == null
                && (named.get(0).contains(";") || named.get(0).contains("\t"))) {
            problems.add(row, "file", ImportProblemCode.WRONG_SEPARATOR,
                    "the columns are separated by '" + (named.get(0).contains(";") ? ";" : "tab")
                    + "', not by commas", "a comma-separated file (save it from Excel as \"CSV UTF-8\")",
                    Problems.what(ImportProblemCode.WRONG_SEPARATOR, named.get(0).contains(";") ? "semicolon" : "tab"),
                    Problems.expects("commaSeparated"));
            return;
        }
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i) == null ? "" : cells.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            RegisterColumn col = RegisterColumn.byHeader(text);
            if (col == null) {
                unknown.add(i);
            } else if (indexOf.containsKey(col)) {
                problems.add(row, col.header(), ImportProblemCode.COLUMN_TWICE,
                        "appears twice (columns " + letters(indexOf.get(col)) + " and "
                        + letters(i) + ")", "each column once",
                        Problems.what(ImportProblemCode.COLUMN_TWICE, letters(indexOf.get(col)), letters(i)),
                        Problems.expects("eachColumnOnce"));
            } else {
                indexOf.put(col, i);
                columnAt[i] = col;
            }
        }
        // a header cell is named by its letter only: when the header row is missing, the first row's cells are a
        // person's data (UIC, HIV status, referrals, note)
        if (indexOf.isEmpty() && !unknown.isEmpty()) {
            problems.add(row, "file", ImportProblemCode.NO_HEADER_ROW,
                    "no cell of row " + row + " is a column name: the header row is missing",
                    "a header row first, with these column names: " + RegisterColumn.allHeaders(),
                    Problems.what(ImportProblemCode.NO_HEADER_ROW, row),
                    Problems.expects("headerRow", RegisterColumn.allHeaders()));
            return;
        }
        for (int i : unknown) {
            problems.add(row, "column " + letters(i), ImportProblemCode.UNKNOWN_COLUMN,
                    "is not a column of a register",
                    "only these column names: " + RegisterColumn.allHeaders(),
                    Problems.what(ImportProblemCode.UNKNOWN_COLUMN), Problems.expects("knownColumns",
                            RegisterColumn.allHeaders()));
        }
        for (RegisterColumn c : RegisterColumn.values()) {
            if (c.required() && !indexOf.containsKey(c)) {
                problems.add(row, c.header(), ImportProblemCode.COLUMN_MISSING, "the required column is missing",
                        "a column headed '" + c.header() + "': " + c.expected(),
                        Problems.what(ImportProblemCode.COLUMN_MISSING, c.header()), Problems.expectsColumn(c));
            }
        }
    }

    /** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
    static String letters(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    /**
     * Checks one data row. Columns that are absent from the header are not checked again here (the header
     * problem says it).
     *
     * @return the row as understood, or null when it has any problem (each reported)
     */
    RegisterRow row(int row, List<String> cells) {
        if (indexOf.isEmpty()) {
            // no column of a register was recognised (another table, another separator): the header's
            // problems say so, and a problem for every row would only bury them
            return null;
        }
        int before = problems.count();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            if (v != null && !v.isBlank() && (i >= columnAt.length || columnAt[i] == null)) {
                problems.add(row, "column " + letters(i), ImportProblemCode.VALUE_WITHOUT_HEADER,
                        "has a value but no column header",
                        "values only in the register's columns (remove it, or head the column)",
                        Problems.what(ImportProblemCode.VALUE_WITHOUT_HEADER), Problems.expects("valuesInColumns"));
            }
        }
        LocalDate date = date(row, cell(cells, RegisterColumn.DATE));
        Uic uic = uic(row, cell(cells, RegisterColumn.UIC));
        String worker = code(row, RegisterColumn.WORKER, cell(cells, RegisterColumn.WORKER));
        String site = code(row, RegisterColumn.SITE, cell(cells, RegisterColumn.SITE));
        Gender gender = coded(row, RegisterColumn.GENDER, Gender.class, cell(cells, RegisterColumn.GENDER),
                "is not a gender code");
        KpType kp = coded(row, RegisterColumn.KP_TYPE, KpType.class, cell(cells, RegisterColumn.KP_TYPE),
                "is not a KP type code");
        Integer birthYear = birthYear(row, date, cell(cells, RegisterColumn.BIRTH_YEAR), cell(cells, RegisterColumn.AGE));
        int male = quantity(row, RegisterColumn.MALE_CONDOMS, cell(cells, RegisterColumn.MALE_CONDOMS));
        int female = quantity(row, RegisterColumn.FEMALE_CONDOMS, cell(cells, RegisterColumn.FEMALE_CONDOMS));
        int lube = quantity(row, RegisterColumn.LUBRICANTS, cell(cells, RegisterColumn.LUBRICANTS));
        int tests = quantity(row, RegisterColumn.HIV_SELF_TESTS, cell(cells, RegisterColumn.HIV_SELF_TESTS));
        HivStatus hiv = hivStatus(row, cell(cells, RegisterColumn.HIV_STATUS));
        Set<ServiceType> referrals = referrals(row, cell(cells, RegisterColumn.REFERRALS));
        String notes = notes(row, cell(cells, RegisterColumn.NOTES));
        if (date != null && kp != null && kp.isSexWork() && isMinorAt(date, birthYear, uic)) {
            problems.add(row, RegisterColumn.KP_TYPE.header(), ImportProblemCode.CHILD_AS_SEX_WORKER,
                    SAFEGUARDING_PROBLEM, SAFEGUARDING_EXPECTED, SAFEGUARDING_WHAT, SAFEGUARDING_EXPECTS);
        }
        if (problems.count() != before || date == null || uic == null || worker == null || site == null
                || gender == null || kp == null) {
            return null;
        }
        Encounter.Quantities q = male == 0 && female == 0 && lube == 0 && tests == 0
                ? Encounter.Quantities.NONE : new Encounter.Quantities(male, female, lube, tests);
        return new RegisterRow(row, date, uic, worker, site, gender, birthYear, kp, q, hiv, referrals, notes);
    }

    /**
     * Whether a person is under 18 on {@code date}: by the birth year (visit year − birth year, as reports
     * count age) or, when the UIC carries a full birth date, by that date. Either is enough: when in doubt,
     * safeguard.
     */
    static boolean isMinorAt(LocalDate date, Integer birthYear, Uic uic) {
        if (birthYear != null && date.getYear() - birthYear < ADULT_AGE) {
            return true;
        }
        if (uic != null) {
            return uic.birthDate(date.getYear())
                    .map(born -> !born.isAfter(date) && Period.between(born, date).getYears() < ADULT_AGE)
                    .orElse(false);
        }
        return false;
    }

    /** The stripped text of a column's cell; empty when the column or the cell is absent. */
    private String cell(List<String> cells, RegisterColumn col) {
        Integer i = indexOf.get(col);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return "";
        }
        return cells.get(i).strip();
    }

    private boolean present(RegisterColumn col) {
        return indexOf.containsKey(col);
    }

    private LocalDate date(int row, String v) {
        if (!present(RegisterColumn.DATE)) {
            return null;
        }
        String col = RegisterColumn.DATE.header();
        String expected = RegisterColumn.DATE.expected();
        if (v.isEmpty()) {
            problems.add(row, col, ImportProblemCode.EMPTY, "is empty", expected);
            return null;
        }
        int y;
        int m;
        int d;
        Matcher iso = ISO.matcher(v);
        Matcher dmy = DMY.matcher(v);
        if (iso.matches()) {
            y = Integer.parseInt(iso.group(1));
            m = Integer.parseInt(iso.group(2));
            d = Integer.parseInt(iso.group(3));
        } else if (dmy.matches()) {
            d = Integer.parseInt(dmy.group(1));
            m = Integer.parseInt(dmy.group(2));
            y = Integer.parseInt(dmy.group(3));
        } else if (DMY_SHORT_YEAR.matcher(v).matches()) {
            problems.add(row, col, ImportProblemCode.TWO_DIGIT_YEAR,
                    "has a two-digit year", expected + ", with a four-digit year",
                    Problems.what(ImportProblemCode.TWO_DIGIT_YEAR), Problems.expects("fourDigitYear"));
            return null;
        } else {
            problems.add(row, col, ImportProblemCode.NOT_A_DATE,
                    "is not a date in the form YYYY-MM-DD or DD/MM/YYYY", expected);
            return null;
        }
        if (m < 1 || m > 12) {
            problems.add(row, col, ImportProblemCode.NO_SUCH_MONTH,
                    "is not a real date: there is no such month", expected);
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            problems.add(row, col, ImportProblemCode.NO_SUCH_DAY,
                    "is not a real date: that day does not exist in that month", expected);
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(row, col, ImportProblemCode.DATE_FUTURE, "is after today", expected);
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            problems.add(row, col, ImportProblemCode.DATE_TOO_OLD, "is before 1990", expected);
            return null;
        }
        return dates.computeIfAbsent(date, k -> k);
    }

    private Uic uic(int row, String v) {
        if (!present(RegisterColumn.UIC)) {
            return null;
        }
        try {
            return Uic.parse(v);
        } catch (InvalidUicException e) {
            // the message names what is wrong ("UIC has 10 characters, expected 11"), never the code
            problems.add(row, RegisterColumn.UIC.header(), ImportProblemCode.UIC_INVALID,
                    e.getMessage(), RegisterColumn.UIC.expected(), e.problem() == null
                            ? Problems.what(ImportProblemCode.UIC_INVALID)
                            : Problem.of("import.problem." + e.key(), e.args().toArray()),
                    Problems.expectsColumn(RegisterColumn.UIC));
            return null;
        }
    }

    private String code(int row, RegisterColumn col, String v) {
        if (!present(col)) {
            return null;
        }
        if (v.isEmpty()) {
            problems.add(row, col.header(), ImportProblemCode.EMPTY, "is empty", col.expected());
            return null;
        }
        if (!Codes.isValid(v)) {
            problems.add(row, col.header(), ImportProblemCode.UNKNOWN_CODE, "is not a valid code", col.expected());
            return null;
        }
        return codes.computeIfAbsent(Codes.normalise(v), k -> k);
    }

    private <E extends Enum<E> & Coded> E coded(int row, RegisterColumn col, Class<E> type, String v, String what) {
        if (!present(col)) {
            return null;
        }
        if (v.isEmpty()) {
            problems.add(row, col.header(), ImportProblemCode.EMPTY, "is empty", col.expected());
            return null;
        }
        E e = Coded.parse(type, v).orElse(null);
        if (e == null) {
            problems.add(row, col.header(), ImportProblemCode.UNKNOWN_CODE, what, col.expected(),
                    Problems.what(ImportProblemCode.UNKNOWN_CODE, col.header()), Problems.expectsColumn(col));
        }
        return e;
    }

    /** The birth year given, or computed from the age at the visit; both given must agree. */
    private Integer birthYear(int row, LocalDate date, String yearText, String ageText) {
        Integer year = null;
        if (!yearText.isEmpty()) {
            String col = RegisterColumn.BIRTH_YEAR.header();
            if (!YEAR.matcher(yearText).matches()) {
                problems.add(row, col, ImportProblemCode.BIRTH_YEAR_NOT_A_YEAR,
                        "is not a four-digit year", RegisterColumn.BIRTH_YEAR.expected());
            } else {
                year = Integer.parseInt(yearText);
                if (date != null && year > date.getYear()) {
                    problems.add(row, col, ImportProblemCode.BIRTH_YEAR_AFTER_VISIT,
                            "is after the visit", "a year before the visit's date",
                            Problems.what(ImportProblemCode.BIRTH_YEAR_AFTER_VISIT),
                            Problems.expects("birthYearBeforeVisit"));
                    year = null;
                } else if (date != null && date.getYear() - year > MAX_AGE) {
                    problems.add(row, col, ImportProblemCode.BIRTH_YEAR_IMPLAUSIBLE,
                            "is more than " + MAX_AGE + " years before the visit",
                            "a plausible birth year", Problems.what(ImportProblemCode.BIRTH_YEAR_IMPLAUSIBLE, MAX_AGE),
                            Problems.expects("plausibleBirthYear"));
                    year = null;
                }
            }
        }
        Integer fromAge = null;
        if (!ageText.isEmpty()) {
            Integer age = wholeNumber(row, RegisterColumn.AGE, ageText, MAX_AGE, "is more than " + MAX_AGE,
                    RegisterColumn.AGE.expected());
            if (age != null && date != null) {
                fromAge = date.getYear() - age;
            }
        }
        if (year != null && fromAge != null && Math.abs(year - fromAge) > 1) {
            problems.add(row, RegisterColumn.AGE.header(), ImportProblemCode.AGE_MISMATCH,
                    "does not agree with birth_year",
                    "an age that matches the birth year at the visit, or only one of the two",
                    Problems.what(ImportProblemCode.AGE_MISMATCH), Problems.expects("ageMatches"));
            return null;
        }
        return year != null ? year : fromAge;
    }

    private int quantity(int row, RegisterColumn col, String v) {
        if (v.isEmpty()) {
            return 0;
        }
        Integer n = wholeNumber(row, col, v, RegisterColumn.MAX_QUANTITY,
                "is more than " + RegisterColumn.MAX_QUANTITY, col.expected());
        return n == null ? 0 : n;
    }

    private Integer wholeNumber(int row, RegisterColumn col, String v, int max, String tooLarge, String expected) {
        Matcher m = WHOLE.matcher(v);
        if (m.matches()) {
            String digits = m.group(1);
            if (digits.length() > 9 || Integer.parseInt(digits) > max) {
                problems.add(row, col.header(), ImportProblemCode.TOO_LARGE, tooLarge, expected,
                        Problems.what(ImportProblemCode.TOO_LARGE, max), Problems.expectsColumn(col));
                return null;
            }
            return Integer.parseInt(digits);
        }
        if (NEGATIVE.matcher(v).matches()) {
            problems.add(row, col.header(), ImportProblemCode.NEGATIVE, "is negative", expected);
        } else if (DECIMAL.matcher(v).matches()) {
            problems.add(row, col.header(), ImportProblemCode.NOT_WHOLE, "is not a whole number", expected);
        } else {
            problems.add(row, col.header(), ImportProblemCode.NOT_A_NUMBER, "is not a number", expected);
        }
        return null;
    }

    private HivStatus hivStatus(int row, String v) {
        if (v.isEmpty()) {
            return null;
        }
        HivStatus s = Coded.parse(HivStatus.class, v).orElse(null);
        if (s == null) {
            problems.add(row, RegisterColumn.HIV_STATUS.header(), ImportProblemCode.UNKNOWN_CODE,
                    "is not an HIV status code", RegisterColumn.HIV_STATUS.expected(),
                    Problems.what(ImportProblemCode.UNKNOWN_CODE, RegisterColumn.HIV_STATUS.header()),
                    Problems.expectsColumn(RegisterColumn.HIV_STATUS));
        }
        return s;
    }

    private Set<ServiceType> referrals(int row, String v) {
        if (v.isEmpty()) {
            return Collections.emptySet();
        }
        EnumSet<ServiceType> out = EnumSet.noneOf(ServiceType.class);
        String[] parts = v.split(";", -1);
        int item = 0;
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            item++;
            ServiceType t = Coded.parse(ServiceType.class, p).orElse(null);
            if (t == null) {
                problems.add(row, RegisterColumn.REFERRALS.header(), ImportProblemCode.UNKNOWN_CODE,
                        "item " + item + " is not a service code", RegisterColumn.REFERRALS.expected(),
                        Problems.what(ImportProblemCode.UNKNOWN_CODE, RegisterColumn.REFERRALS.header(), item),
                        Problems.expectsColumn(RegisterColumn.REFERRALS));
            } else {
                out.add(t);
            }
        }
        Set<ServiceType> set = Collections.unmodifiableSet(out);
        return referralSets.computeIfAbsent(set, k -> k);
    }

    private String notes(int row, String v) {
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > RegisterColumn.MAX_NOTES) {
            problems.add(row, RegisterColumn.NOTES.header(), ImportProblemCode.NOTE_TOO_LONG,
                    "is longer than " + RegisterColumn.MAX_NOTES + " characters", RegisterColumn.NOTES.expected(),
                    Problems.what(ImportProblemCode.NOTE_TOO_LONG, RegisterColumn.MAX_NOTES),
                    Problems.expectsColumn(RegisterColumn.NOTES));
            return null;
        }
        return v;
    }
}
