package org.outreachdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.outreachdesk.domain.InvalidPeriodException;
import org.outreachdesk.domain.PeriodKind;
import org.outreachdesk.domain.ReportPeriod;

class ReportPeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2026-10, MONTH, 2026-10-01, 2026-10-31, 2026-10",
        "2026-02, MONTH, 2026-02-01, 2026-02-28, 2026-02",
        "2028-2, MONTH, 2028-02-01, 2028-02-29, 2028-02",
        "2026-Q3, QUARTER, 2026-07-01, 2026-09-30, 2026-Q3",
        "2026-q1, QUARTER, 2026-01-01, 2026-03-31, 2026-Q1",
        "2026-H1, HALF_YEAR, 2026-01-01, 2026-06-30, 2026-H1",
        "' 2026-h2 ', HALF_YEAR, 2026-07-01, 2026-12-31, 2026-H2",
        "2026, YEAR, 2026-01-01, 2026-12-31, 2026",
    })
    void readsEveryFormOfTheContract(String text, PeriodKind kind, LocalDate start, LocalDate end, String code) {
        ReportPeriod p = ReportPeriod.parse(text);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.start()).isEqualTo(start);
        assertThat(p.end()).isEqualTo(end);
        assertThat(p.code()).isEqualTo(code);
        assertThat(ReportPeriod.parse(p.code())).isEqualTo(p);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-13 | the month must be 01 to 12",
        "2026-00 | the month must be 01 to 12",
        "2026-Q5 | the quarter must be Q1 to Q4",
        "2026-Q0 | the quarter must be Q1 to Q4",
        "2026-H3 | the half-year must be H1 or H2",
        "1999 | the year must be 2000 to 2099",
        "26-10 | is not a period",
        "October | is not a period",
        "2026-10-01 | is not a period",
        "'' | no period given",
    })
    void explainsWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> ReportPeriod.parse(text)).isInstanceOf(InvalidPeriodException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theErrorForAnUnreadablePeriodListsTheForms() {
        assertThatThrownBy(() -> ReportPeriod.parse("last month")).hasMessageContaining("2026-10")
                .hasMessageContaining("2026-Q3").hasMessageContaining("2026-H1").hasMessageContaining("(2026)");
    }

    @Test
    void customDatesIncludeBothEndsAndMustBeInOrder() {
        ReportPeriod p = ReportPeriod.custom(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 10));
        assertThat(p.kind()).isEqualTo(PeriodKind.CUSTOM);
        assertThat(p.days()).isEqualTo(37);
        assertThat(p.code()).isEqualTo("2026-03-05..2026-04-10");
        assertThat(ReportPeriod.custom(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5)).days()).isEqualTo(1);
        assertThatThrownBy(() -> ReportPeriod.custom(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 3, 5)))
                .isInstanceOf(InvalidPeriodException.class).hasMessageContaining("ends (2026-03-05) before it starts");
        assertThatThrownBy(() -> ReportPeriod.custom(null, LocalDate.of(2026, 3, 5)))
                .hasMessageContaining("both a start (--from) and an end (--to)");
    }

    @Test
    void theTrendIsTheTwelveMonthsEndingWithThePeriodsLast() {
        ReportPeriod q = ReportPeriod.parse("2026-Q1");
        assertThat(q.trendMonths()).hasSize(12).startsWith(YearMonth.of(2025, 4)).endsWith(YearMonth.of(2026, 3));
        assertThat(q.trendStart()).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void describesPeriodsForPeople() {
        assertThat(ReportPeriod.parse("2026-10").describe()).isEqualTo("October 2026 (2026-10-01 to 2026-10-31)");
        assertThat(ReportPeriod.parse("2026").describe()).isEqualTo("Year 2026 (2026-01-01 to 2026-12-31)");
    }

    @ParameterizedTest
    @CsvSource({"1994, 2026, A30_34", "1992, 2026, A30_34", "1991, 2026, A35_39", "2012, 2026, UNDER_15", "2011, 2026, A15_19", "2007, 2026, A15_19",
        "2006, 2026, A20_24", "1977, 2026, A45_49", "1976, 2026, A50_PLUS", "2027, 2026, UNKNOWN"})
    void ageBandsAreEncounterYearMinusBirthYear(int birthYear, int encounterYear, AgeBand band) {
        assertThat(AgeBand.of(birthYear, encounterYear)).isEqualTo(band);
    }

    @Test
    void ageBandLabelsAreTheContract() {
        assertThat(java.util.Arrays.stream(AgeBand.values()).map(AgeBand::label)).containsExactly("<15", "15-19",
                "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50+", "Unknown");
        assertThat(AgeBand.of(null, 2026)).isEqualTo(AgeBand.UNKNOWN);
    }
}
