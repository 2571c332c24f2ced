package org.outreachdesk.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a report covers, both included: a month ({@code 2026-10}), a quarter ({@code 2026-Q3}), a half-year
 * ({@code 2026-H1}), a year ({@code 2026}) or custom dates.
 */
public record ReportPeriod(PeriodKind kind, LocalDate start, LocalDate end) {

    /** Years accepted in a period (anything else is surely a typing mistake). */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2099;

    /** How many calendar months the reach trend shows, ending with the period's last month. */
    public static final int TREND_MONTHS = 12;

    private static final String FORMS = "expected a month (2026-10), a quarter (2026-Q3), a half-year (2026-H1) "
            + "or a year (2026)";
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H(\\d)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new InvalidPeriodException("period.endsBeforeStart", "the period ends (" + end + ") before it starts (" + start + ")",
                    end.toString(), start.toString());
        }
        if (start.getYear() < MIN_YEAR || end.getYear() > MAX_YEAR) {
            throw new InvalidPeriodException("period.years", "report periods must lie between " + MIN_YEAR + " and " + MAX_YEAR,
                    Integer.toString(MIN_YEAR), Integer.toString(MAX_YEAR));
        }
    }

    /**
     * Reads {@code 2026-10}, {@code 2026-Q3}, {@code 2026-H1} or {@code 2026} (case and surrounding blanks ignored).
     *
     * @throws InvalidPeriodException with a message saying what is wrong and what is expected
     */
    public static ReportPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPeriodException("period.none", "no period given: " + FORMS);
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        Matcher m;
        if ((m = MONTH.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new InvalidPeriodException("period.month", "'" + text.strip() + "': the month must be 01 to 12",
                        text.strip());
            }
            return month(YearMonth.of(year(m.group(1), text), month));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int q = Integer.parseInt(m.group(2));
            if (q < 1 || q > 4) {
                throw new InvalidPeriodException("period.quarter", "'" + text.strip() + "': the quarter must be Q1 to Q4",
                        text.strip());
            }
            return quarter(year(m.group(1), text), q);
        }
        if ((m = HALF.matcher(t)).matches()) {
            int h = Integer.parseInt(m.group(2));
            if (h < 1 || h > 2) {
                throw new InvalidPeriodException("period.half", "'" + text.strip() + "': the half-year must be H1 or H2",
                        text.strip());
            }
            return halfYear(year(m.group(1), text), h);
        }
        if ((m = YEAR.matcher(t)).matches()) {
            return year(year(m.group(1), text));
        }
        throw new InvalidPeriodException("period.unknown", "'" + text.strip() + "' is not a period: " + FORMS, text.strip());
    }

    private static int year(String digits, String text) {
        int y = Integer.parseInt(digits);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new InvalidPeriodException("period.year", "'" + text.strip() + "': the year must be " + MIN_YEAR + " to "
                    + MAX_YEAR, text.strip(), Integer.toString(MIN_YEAR), Integer.toString(MAX_YEAR));
        }
        return y;
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    /** Quarter {@code q} (1–4) of {@code year}. */
    public static ReportPeriod quarter(int year, int q) {
        if (q < 1 || q > 4) {
            throw new InvalidPeriodException("period.quarterNumber", "the quarter must be 1 to 4");
        }
        YearMonth first = YearMonth.of(year, 3 * (q - 1) + 1);
        return new ReportPeriod(PeriodKind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    /** Half-year {@code h} (1 = January–June, 2 = July–December) of {@code year}. */
    public static ReportPeriod halfYear(int year, int h) {
        if (h < 1 || h > 2) {
            throw new InvalidPeriodException("period.halfNumber", "the half-year must be 1 or 2");
        }
        YearMonth first = YearMonth.of(year, h == 1 ? 1 : 7);
        return new ReportPeriod(PeriodKind.HALF_YEAR, first.atDay(1), first.plusMonths(5).atEndOfMonth());
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(PeriodKind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Custom dates, both included. */
    public static ReportPeriod custom(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidPeriodException("period.customBoth", "custom dates need both a start (--from) and an end (--to)");
        }
        return new ReportPeriod(PeriodKind.CUSTOM, from, to);
    }

    /** The period as typed on the command line ({@code 2026-10}, {@code 2026-Q3} …; custom: {@code from..to}). */
    public String code() {
        return switch (kind) {
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> start.getYear() + "-H" + (start.getMonthValue() == 1 ? 1 : 2);
            case YEAR -> String.valueOf(start.getYear());
            case CUSTOM -> start + ".." + end;
        };
    }

    /** For people, in English: {@code October 2026 (2026-10-01 to 2026-10-31)}. */
    public String describe() {
        String dates = start + " to " + end;
        return switch (kind) {
            case MONTH -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear()
                    + " (" + dates + ")";
            case QUARTER, HALF_YEAR -> code() + " (" + dates + ")";
            case YEAR -> "Year " + start.getYear() + " (" + dates + ")";
            case CUSTOM -> "Custom dates " + dates;
        };
    }

    /** The calendar months of the reach trend: the {@value #TREND_MONTHS} months ending with the period's last. */
    public List<YearMonth> trendMonths() {
        YearMonth last = YearMonth.from(end);
        List<YearMonth> out = new ArrayList<>(TREND_MONTHS);
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            out.add(last.minusMonths(i));
        }
        return out;
    }

    /** First day of the trend window. */
    public LocalDate trendStart() {
        return trendMonths().get(0).atDay(1);
    }

    /** Number of days covered. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The month containing {@code day}. */
    public static ReportPeriod monthOf(LocalDate day) {
        return month(YearMonth.from(day));
    }
}
