package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.report.Cell;
import org.outreachdesk.report.Report;
import org.outreachdesk.report.ReportBuilder;
import org.outreachdesk.report.ReportWorkbook;

/**
 * What a donor knows beyond the sums, on hand-built facts: a part is at most its whole (referrals completed of those
 * made, support given of the incidents), each site's reach is at most the number reached and all sites' together at
 * least it (someone met at two sites counts at both), each month of the period likewise. Every expected mark and
 * range below is worked out by hand; the donor workbook is saved, read back and attacked by {@link IntegerAudit}.
 */
class DonorWorkbookRelationsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Phnom_Penh");

    /** Eight people, all in one cell of every person table (8: shown), so the person tables pin nothing. */
    private static List<ReportFacts.ReachGroup> eightPeople() {
        return List.of(new ReportFacts.ReachGroup(true, 2026, 1998, Gender.F, KpType.FSW,
                KpPrevStatus.NEWLY_TESTED_OR_REFERRED, 8));
    }

    private static ReportFacts.SiteActivity site(String code, long reached) {
        return new ReportFacts.SiteActivity(code, code, VenueType.KTV, null, true, reached, reached, 0, 0, 0, 0);
    }

    private static Report donor(ReportPeriod period, List<ReportFacts.SiteActivity> sites,
                                List<ReportFacts.ReferralCount> referrals, List<ReportFacts.IncidentCount> incidents,
                                List<ReportFacts.MonthReach> monthly) {
        ReportFacts facts = new ReportFacts(period.start(), period.end(), eightPeople(), sites, referrals, incidents, 0,
                monthly);
        return ReportBuilder.build(facts, period, ReportAudience.DONOR, 5, "Org", Instant.parse("2026-11-02T03:00:00Z"),
                ZONE, "test");
    }

    private static WorkbookFile saved(Report r, Path dir) throws Exception {
        Path file = dir.resolve("donor.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            ReportWorkbook.write(r, out);
        }
        return WorkbookFile.read(file);
    }

    private static String shown(Report r, String table, String row, String column) {
        return r.table(table).cell(row, column).shown(r.mark());
    }

    @Test
    void completedReferralsAreAtMostThoseMadeSoAZeroBesideNoneMadeHidesNothing(@TempDir Path dir) throws Exception {
        // made: HTS 4, STI 4, PEP 6 (total 14); completed: HTS 4, STI 4 (total 8).
        // Completed: <5 + <5 = 8 says both are 4; no shown count is left in that column and its total is exact.
        // Hiding ART's completed 0 would not help: ART made is a shown 0, and completed is at most made, so it is 0.
        // PEP's made is hidden (x, beside the two <5 made that add up to 8 with it), so hiding PEP's completed 0
        // (x) does: HTS and STI completed are then 1 to 4 again.
        Report r = donor(ReportPeriod.month(YearMonth.of(2026, 10)), List.of(site("S1", 8)),
                List.of(new ReportFacts.ReferralCount(ServiceType.HTS, 4, 4),
                        new ReportFacts.ReferralCount(ServiceType.STI, 4, 4),
                        new ReportFacts.ReferralCount(ServiceType.PEP, 6, 0)),
                List.of(), List.of(new ReportFacts.MonthReach(YearMonth.of(2026, 10), 8)));
        assertThat(shown(r, "Referrals", "HTS", "Made")).isEqualTo("<5");
        assertThat(shown(r, "Referrals", "PEP", "Made")).isEqualTo("x");
        assertThat(shown(r, "Referrals", "HTS", "Completed")).isEqualTo("<5");
        assertThat(shown(r, "Referrals", "STI", "Completed")).isEqualTo("<5");
        assertThat(shown(r, "Referrals", "ART", "Completed")).isEqualTo("0");
        assertThat(shown(r, "Referrals", "PEP", "Completed")).isEqualTo("x");
        assertThat(shown(r, "Referrals", "Total", "Completed")).isEqualTo("8");

        IntegerAudit audit = new IntegerAudit(saved(r, dir));
        assertThat(audit.pinned()).isEmpty();
        // HTS completed: 8 minus STI's (1 to 4) minus PEP's (0 or more), at most 4
        assertThat(audit.range("Referrals[HTS][Completed]")).containsExactly(1, 4);
    }

    @Test
    void supportGivenIsAtMostTheIncidentsOfItsRow(@TempDir Path dir) throws Exception {
        // the same shape in Incidents: count PHYSICAL 4, SEXUAL 4, POLICE 6 (14); support PHYSICAL 4, SEXUAL 4 (8).
        // THEFT's support 0 beside a shown count of 0 is 0 whatever it shows; POLICE's is hidden instead.
        Report r = donor(ReportPeriod.month(YearMonth.of(2026, 10)), List.of(site("S1", 8)), List.of(),
                List.of(new ReportFacts.IncidentCount(IncidentType.PHYSICAL_VIOLENCE, 4, 4),
                        new ReportFacts.IncidentCount(IncidentType.SEXUAL_VIOLENCE, 4, 4),
                        new ReportFacts.IncidentCount(IncidentType.POLICE_HARASSMENT, 6, 0)),
                List.of(new ReportFacts.MonthReach(YearMonth.of(2026, 10), 8)));
        assertThat(shown(r, "Incidents", "POLICE_HARASSMENT", "Count")).isEqualTo("x");
        assertThat(shown(r, "Incidents", "PHYSICAL_VIOLENCE", "Support given")).isEqualTo("<5");
        assertThat(shown(r, "Incidents", "THEFT", "Support given")).isEqualTo("0");
        assertThat(shown(r, "Incidents", "POLICE_HARASSMENT", "Support given")).isEqualTo("x");

        IntegerAudit audit = new IntegerAudit(saved(r, dir));
        assertThat(audit.pinned()).isEmpty();
        assertThat(audit.range("Incidents[SEXUAL_VIOLENCE][Support given]")).containsExactly(1, 4);
    }

    @Test
    void sitesTogetherReachAtLeastTheNumberReachedSoTwoSmallSitesOfEightAreNotBothSmall(@TempDir Path dir)
            throws Exception {
        // 8 reached, 4 at S1 and 4 at S2: "<5, <5" beside 8 says both are 4 (the sites together reached at least 8).
        // Nothing shown is left to hide, so S1 shows x (0 or more): S1 is then 4 to 8 (at most the 8 reached),
        // S2 still 1 to 4.
        Report r = donor(ReportPeriod.month(YearMonth.of(2026, 10)), List.of(site("S1", 4), site("S2", 4)), List.of(),
                List.of(), List.of(new ReportFacts.MonthReach(YearMonth.of(2026, 10), 8)));
        assertThat(shown(r, "ReachBySite", "S1", "Reached")).isEqualTo("x");
        assertThat(shown(r, "ReachBySite", "S2", "Reached")).isEqualTo("<5");
        assertThat(shown(r, "Summary", "Unique individuals reached", "Value")).isEqualTo("8");

        IntegerAudit audit = new IntegerAudit(saved(r, dir));
        assertThat(audit.pinned()).isEmpty();
        assertThat(audit.range("ReachBySite[S1][Reached]")).containsExactly(4, 8);
        assertThat(audit.range("ReachBySite[S2][Reached]")).containsExactly(1, 4);
    }

    @Test
    void theMonthsOfAQuarterTogetherReachAtLeastTheQuarterSoTheirTrendHidesAZero() {
        // Q4: 8 reached, 4 in October and 4 in November, none in December: "<5, <5, 0" beside 8 says 4 and 4.
        // December's 0 is the only figure left to hide: shown as x, October and November are 1 to 4 again.
        Report r = donor(ReportPeriod.quarter(2026, 4), List.of(site("S1", 8)), List.of(), List.of(),
                List.of(new ReportFacts.MonthReach(YearMonth.of(2026, 10), 4),
                        new ReportFacts.MonthReach(YearMonth.of(2026, 11), 4),
                        new ReportFacts.MonthReach(YearMonth.of(2026, 7), 30)));
        assertThat(trend(r, YearMonth.of(2026, 10))).isEqualTo("<5");
        assertThat(trend(r, YearMonth.of(2026, 11))).isEqualTo("<5");
        assertThat(trend(r, YearMonth.of(2026, 12))).isEqualTo("x");
        // months before the quarter relate to nothing in it: shown as they are
        assertThat(trend(r, YearMonth.of(2026, 7))).isEqualTo("30");
        assertThat(trend(r, YearMonth.of(2026, 8))).isEqualTo("0");
    }

    @Test
    void theSummarysEncountersAndSafeguardingFlagsAreCountsLikeTheRest() {
        ReportPeriod october = ReportPeriod.month(YearMonth.of(2026, 10));
        for (long flags : new long[] {1, 4, 5}) {
            ReportFacts facts = new ReportFacts(october.start(), october.end(), eightPeople(), List.of(site("S1", 8)),
                    List.of(), List.of(), flags, List.of(new ReportFacts.MonthReach(YearMonth.of(2026, 10), 8)));
            Report r = ReportBuilder.build(facts, october, ReportAudience.DONOR, 5, "Org",
                    Instant.parse("2026-11-02T03:00:00Z"), ZONE, "test");
            Cell.Count shown = (Cell.Count) r.table("Summary").cell("Safeguarding flags", "Value");
            assertThat(shown.shown(r.mark())).as("%d flags", flags).isEqualTo(flags < 5 ? "<5" : "5");
            assertThat(shown(r, "Summary", "Encounters", "Value")).isEqualTo("8");
        }
    }

    private static String trend(Report r, YearMonth month) {
        return r.trend().stream().filter(p -> p.month().equals(month)).findFirst().orElseThrow().reached()
                .shown(r.mark());
    }

}
