package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.InvalidPeriodException;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.report.Cell;
import org.outreachdesk.report.Report;
import org.outreachdesk.report.ReportTable;
import org.outreachdesk.report.ReportTables;

/**
 * The reporting rules on hand-built data where every figure is known ({@link ReportFixture}), through the real
 * store into a real vault: new vs returning across the period edges, age at the first encounter in the period,
 * KP_PREV precedence (known positive before the period), FEW counted as FSW, commodities, referrals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportServiceTest {

    private Path dir;

    private Workspace ws;
    private ReportService service;

    @BeforeAll
    void setUp(@TempDir Path tmp) {
        dir = tmp;
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        ReportFixture.insert(ws);
        service = new ReportService(ws);
    }

    @AfterAll
    void tearDown() {
        ws.close();
    }

    private Report internal(String period) {
        return service.report(ReportRequest.of(period, ReportAudience.INTERNAL));
    }

    private static long n(ReportTable t, String row, String column) {
        Cell c = t.cell(row, column);
        assertThat(c).as("%s %s/%s", t.name(), row, column).isInstanceOf(Cell.Count.class);
        return ((Cell.Count) c).value();
    }

    private static String shown(Report r, String table, String row, String column) {
        return r.table(table).cell(row, column).shown(r.mark());
    }

    @Test
    void summaryOfOctoberMatchesTheHandCount() {
        ReportTable s = internal("2026-10").table(ReportTables.SUMMARY);
        assertThat(n(s, "Unique individuals reached", "Value")).isEqualTo(6);
        assertThat(n(s, "New individuals", "Value")).isEqualTo(4);
        assertThat(n(s, "Returning individuals", "Value")).isEqualTo(2);
        assertThat(n(s, "Encounters", "Value")).isEqualTo(8);
        assertThat(n(s, "Male condoms", "Value")).isEqualTo(50);
        assertThat(n(s, "Female condoms", "Value")).isEqualTo(4);
        assertThat(n(s, "Lubricants", "Value")).isEqualTo(22);
        assertThat(n(s, "HIV self-test kits", "Value")).isEqualTo(3);
        assertThat(n(s, "Referrals made", "Value")).isEqualTo(5);
        assertThat(n(s, "Referrals completed", "Value")).isEqualTo(2);
        assertThat(n(s, "Safety incidents", "Value")).isEqualTo(3);
        assertThat(n(s, "Safeguarding flags", "Value")).isEqualTo(1);
        assertThat(s.rows()).extracting(r -> r.get(0).shown("")).containsExactly(
                // the donor's indicator names, in the donor's order (the contract; written out, not copied)
                "Unique individuals reached", "New individuals", "Returning individuals", "Encounters", "Male condoms",
                "Female condoms", "Lubricants", "HIV self-test kits", "Referrals made", "Referrals completed",
                "Safety incidents", "Safeguarding flags");
    }

    @Test
    void ageIsTakenAtTheFirstEncounterInThePeriodAndGendersFallInTheirColumns() {
        ReportTable t = internal("2026-10").table(ReportTables.REACH_BY_AGE_SEX);
        assertThat(n(t, "25-29", "Female")).isEqualTo(2);     // A (FEW, 1998) and B (2001)
        assertThat(n(t, "35-39", "Male")).isEqualTo(1);       // C, 1990
        assertThat(n(t, "50+", "Female")).isEqualTo(1);       // G, 1970
        assertThat(n(t, "15-19", "Other or unknown")).isEqualTo(1);   // E, 2010, O
        assertThat(n(t, "Unknown", "Transgender")).isEqualTo(1);      // D, no birth year, TGW
        assertThat(n(t, "20-24", "Female")).isZero();
        assertThat(n(t, "Total", "Female")).isEqualTo(3);
        assertThat(n(t, "Total", "Male")).isEqualTo(1);
        assertThat(n(t, "Total", "Transgender")).isEqualTo(1);
        assertThat(n(t, "Total", "Other or unknown")).isEqualTo(1);
        assertThat(n(t, "Total", "Total")).isEqualTo(6);
        assertThat(t.rows()).extracting(r -> r.get(0).shown("")).containsExactly("<15", "15-19", "20-24", "25-29",
                "30-34", "35-39", "40-44", "45-49", "50+", "Unknown", "Total");
    }

    @Test
    void ageUsesTheYearOfTheFirstEncounterInsideACustomPeriodAcrossNewYear() {
        // H, born 2000, met 2025-12-31 and 2026-01-02: age 25 at the first encounter in the period, not 26
        Report r = service.report(ReportRequest.custom(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 1, 15),
                ReportAudience.INTERNAL));
        ReportTable t = r.table(ReportTables.REACH_BY_AGE_SEX);
        assertThat(n(t, "25-29", "Female")).isEqualTo(1);
        assertThat(n(t, "Total", "Total")).isEqualTo(1);
        // and the same person in January alone is returning, 26
        Report jan = internal("2026-01");
        assertThat(n(jan.table(ReportTables.REACH_BY_AGE_SEX), "25-29", "Female")).isEqualTo(1);
        assertThat(n(jan.table(ReportTables.REACH_BY_KP_TYPE), "FSW", "Returning")).isEqualTo(1);
        Report dec = internal("2025-12");
        assertThat(n(dec.table(ReportTables.REACH_BY_KP_TYPE), "FSW", "New")).isEqualTo(1);
    }

    @Test
    void newAndReturningAcrossThePeriodEdgesAndFewCountsAsFsw() {
        ReportTable t = internal("2026-10").table(ReportTables.REACH_BY_KP_TYPE);
        // FSW: A (FEW, met 09-30: returning), B (first 10-01, the first day: new), G (new)
        assertThat(n(t, "FSW", "New")).isEqualTo(2);
        assertThat(n(t, "FSW", "Returning")).isEqualTo(1);
        assertThat(n(t, "FSW", "Total")).isEqualTo(3);
        assertThat(n(t, "MSM", "Returning")).isEqualTo(1);
        assertThat(n(t, "TG", "New")).isEqualTo(1);
        assertThat(n(t, "PWID", "Total")).isZero();           // F met only before and after the period
        assertThat(n(t, "OTHER", "New")).isEqualTo(1);
        assertThat(n(t, "Total", "New")).isEqualTo(4);
        assertThat(n(t, "Total", "Returning")).isEqualTo(2);
        assertThat(t.rows()).extracting(r -> r.get(0).shown("")).containsExactly("FSW", "MSM", "TG", "PWID", "OTHER",
                "Total");
        // September: A (09-30, the last day) is new then, F too
        ReportTable sep = internal("2026-09").table(ReportTables.REACH_BY_KP_TYPE);
        assertThat(n(sep, "FSW", "New")).isEqualTo(1);
        assertThat(n(sep, "PWID", "New")).isEqualTo(1);
    }

    @Test
    void kpPrevFollowsThePrecedence() {
        ReportTable t = internal("2026-10").table(ReportTables.KP_PREV);
        // FSW: B known positive in the period; A tested; G declined (her positive status comes after the end)
        assertThat(n(t, "FSW", "Known Positive")).isEqualTo(1);
        assertThat(n(t, "FSW", "Newly Tested or Testing Referred")).isEqualTo(1);
        assertThat(n(t, "FSW", "Declined Testing or Testing Referral")).isEqualTo(1);
        assertThat(n(t, "FSW", "Test Not Required")).isZero();
        // C: known positive in May beats declining in October
        assertThat(n(t, "MSM", "Known Positive")).isEqualTo(1);
        assertThat(n(t, "MSM", "Declined Testing or Testing Referral")).isZero();
        // D: declined at the encounter, but an HTS referral made the same day beats declining
        assertThat(n(t, "TG", "Newly Tested or Testing Referred")).isEqualTo(1);
        assertThat(n(t, "OTHER", "Test Not Required")).isEqualTo(1);
        assertThat(n(t, "Total", "Known Positive")).isEqualTo(2);
        assertThat(n(t, "Total", "Newly Tested or Testing Referred")).isEqualTo(2);
        assertThat(n(t, "Total", "Declined Testing or Testing Referral")).isEqualTo(1);
        assertThat(n(t, "Total", "Test Not Required")).isEqualTo(1);
        assertThat(n(t, "Total", "Total")).isEqualTo(6);
        // November: G's known positive status is in the period now
        assertThat(n(internal("2026-11").table(ReportTables.KP_PREV), "FSW", "Known Positive")).isEqualTo(1);
    }

    @Test
    void sitesCommoditiesReferralsAndIncidents() {
        Report r = internal("2026-10");
        ReportTable sites = r.table(ReportTables.REACH_BY_SITE);
        assertThat(sites.rows()).extracting(x -> x.get(0).shown("")).containsExactly("BEER-02", "KTV-01", "OLD-05",
                "ST-03");   // OLD-04 is inactive and unvisited
        assertThat(n(sites, "KTV-01", "Reached")).isEqualTo(3);
        assertThat(sites.cell("KTV-01", "Coverage %")).isEqualTo(new Cell.Percent(15.0));
        assertThat(n(sites, "BEER-02", "Reached")).isEqualTo(3);
        assertThat(sites.cell("BEER-02", "Coverage %")).isEqualTo(new Cell.Percent(30.0));
        assertThat(sites.cell("ST-03", "Estimated size")).isEqualTo(new Cell.Blank());
        assertThat(sites.cell("ST-03", "Coverage %")).isEqualTo(new Cell.Percent(null));
        assertThat(sites.cell("KTV-01", "Venue type")).isEqualTo(Cell.text("KTV"));

        ReportTable com = r.table(ReportTables.COMMODITIES);
        assertThat(n(com, "KTV-01", "Male condoms")).isEqualTo(21);
        assertThat(n(com, "KTV-01", "Female condoms")).isEqualTo(4);
        assertThat(n(com, "KTV-01", "Lubricants")).isEqualTo(13);
        assertThat(n(com, "KTV-01", "HIV self-test kits")).isEqualTo(2);
        assertThat(n(com, "BEER-02", "Male condoms")).isEqualTo(24);
        assertThat(n(com, "Total", "Male condoms")).isEqualTo(50);
        assertThat(n(com, "Total", "HIV self-test kits")).isEqualTo(3);

        ReportTable ref = r.table(ReportTables.REFERRALS);
        assertThat(ref.rows()).extracting(x -> x.get(0).shown("")).containsExactly("HTS", "STI", "ART", "PEP", "PREP",
                "FP", "LEGAL", "VIOLENCE", "TRAFFICKING", "CHILD_PROTECTION", "LIVELIHOOD", "MENTAL_HEALTH", "OTHER",
                "Total");
        assertThat(n(ref, "HTS", "Made")).isEqualTo(2);
        assertThat(n(ref, "HTS", "Completed")).isEqualTo(1);
        assertThat(ref.cell("HTS", "Completion %")).isEqualTo(new Cell.Percent(50.0));
        assertThat(n(ref, "LEGAL", "Made")).isZero();          // made in September
        assertThat(n(ref, "VIOLENCE", "Made")).isZero();       // made in November
        assertThat(n(ref, "TRAFFICKING", "Made")).isEqualTo(1);
        assertThat(n(ref, "TRAFFICKING", "Completed")).isZero();
        assertThat(n(ref, "Total", "Made")).isEqualTo(5);
        assertThat(n(ref, "Total", "Completed")).isEqualTo(2);
        assertThat(ref.cell("Total", "Completion %")).isEqualTo(new Cell.Percent(40.0));

        ReportTable inc = r.table(ReportTables.INCIDENTS);
        assertThat(n(inc, "POLICE_HARASSMENT", "Count")).isEqualTo(2);
        assertThat(n(inc, "POLICE_HARASSMENT", "Support given")).isEqualTo(1);
        assertThat(n(inc, "THEFT", "Count")).isZero();
        assertThat(n(inc, "Total", "Count")).isEqualTo(3);
        assertThat(n(inc, "Total", "Support given")).isEqualTo(2);
    }

    @Test
    void theMonthlyTrendEndsWithThePeriod() {
        Report r = internal("2026-10");
        assertThat(r.trend()).hasSize(12);
        assertThat(r.trend().get(0).month()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(r.trend().get(11).month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(r.trend().get(11).reached().value()).isEqualTo(6);
        assertThat(r.trend().get(10).reached().value()).isEqualTo(2);   // September: A and F
        assertThat(r.trend().get(6).reached().value()).isEqualTo(1);    // May: C
        assertThat(r.trend().get(1).reached().value()).isEqualTo(1);    // December 2025: H
    }

    @Test
    void theDonorReportHidesSmallCountsButKeepsGrandTotals() {
        Report r = service.report(ReportRequest.of("2026-10", ReportAudience.DONOR));
        assertThat(r.mark()).isEqualTo("<5");
        // six people, every one in a cell of 1 to 4; the number reached (6) is the exact grand total
        assertThat(shown(r, ReportTables.SUMMARY, ReportTables.REACHED, "Value")).isEqualTo("6");
        assertThat(shown(r, ReportTables.SUMMARY, ReportTables.NEW, "Value")).isEqualTo("<5");
        assertThat(shown(r, ReportTables.SUMMARY, ReportTables.RETURNING, "Value")).isEqualTo("<5");
        assertThat(shown(r, ReportTables.SUMMARY, ReportTables.REFERRALS_MADE, "Value")).isEqualTo("5");
        assertThat(shown(r, ReportTables.SUMMARY, ReportTables.SAFETY_INCIDENTS, "Value")).isEqualTo("<5");   // 3: table hidden whole
        // one safeguarding flag is a count of 1 like any other; 8 encounters are shown
        assertThat(shown(r, ReportTables.SUMMARY, ReportTables.SAFEGUARDING_FLAGS, "Value")).isEqualTo("<5");
        assertThat(shown(r, ReportTables.SUMMARY, ReportTables.ENCOUNTERS, "Value")).isEqualTo("8");
        assertThat(shown(r, ReportTables.REACH_BY_AGE_SEX, "25-29", "Female")).isEqualTo("<5");
        // KP_PREV: six people in six cells of 1 (FSW 1+1+1, MSM, TG, OTHER) beside the exact 6 would say every
        // one is 1; one of them (the first: FSW Known Positive) is shown as x, so each <5 is 1 or 2. Nothing else
        // of the person tables is hidden beyond the cells of 1 to 4: their zeros and the grand total are shown.
        assertThat(shown(r, ReportTables.KP_PREV, "FSW", "Known Positive")).isEqualTo("x");
        for (String[] small : new String[][] {{"FSW", "Newly Tested or Testing Referred"},
            {"FSW", "Declined Testing or Testing Referral"}, {"MSM", "Known Positive"},
            {"TG", "Newly Tested or Testing Referred"}, {"OTHER", "Test Not Required"}, {"FSW", "Total"},
            {"MSM", "Total"}, {"Total", "Known Positive"}}) {
            assertThat(shown(r, ReportTables.KP_PREV, small[0], small[1])).as("%s/%s", small[0], small[1])
                    .isEqualTo("<5");
        }
        assertThat(shown(r, ReportTables.KP_PREV, "FSW", "Test Not Required")).isEqualTo("0");
        assertThat(shown(r, ReportTables.KP_PREV, "Total", "Total")).isEqualTo("6");
        assertThat(shown(r, ReportTables.REACH_BY_KP_TYPE, "MSM", "New")).isEqualTo("0");
        assertThat(shown(r, ReportTables.REACH_BY_KP_TYPE, "FSW", "New")).isEqualTo("<5");
        assertThat(shown(r, ReportTables.REACH_BY_AGE_SEX, "20-24", "Female")).isEqualTo("0");
        assertThat(shown(r, ReportTables.REACH_BY_AGE_SEX, "Total", "Female")).isEqualTo("<5");
        // the workbook's audit hid no extra cell: showing one <5 as x was enough
        assertThat(r.auditCells()).isZero();
        assertThat(shown(r, ReportTables.REACH_BY_AGE_SEX, "Total", "Total"))
                .isEqualTo(shown(r, ReportTables.KP_PREV, "Total", "Total"))
                .isEqualTo(shown(r, ReportTables.SUMMARY, ReportTables.REACHED, "Value"));
        assertThat(shown(r, ReportTables.REACH_BY_SITE, "KTV-01", "Reached")).isEqualTo("<5");
        assertThat(shown(r, ReportTables.REACH_BY_SITE, "KTV-01", "Coverage %")).isEmpty();
        assertThat(shown(r, ReportTables.REFERRALS, "HTS", "Made")).isEqualTo("<5");
        assertThat(shown(r, ReportTables.REFERRALS, "HTS", "Completion %")).isEmpty();
        assertThat(shown(r, ReportTables.REFERRALS, "Total", "Made")).isEqualTo("5");
        // commodities of a site where 1 to 4 were reached are hidden as x
        assertThat(shown(r, ReportTables.COMMODITIES, "KTV-01", "Female condoms")).isEqualTo("x");
        // the per-KP totals are the same numbers in ReachByKpType and KP_PREV, so they are hidden alike
        for (String kp : List.of("FSW", "MSM", "TG", "PWID", "OTHER")) {
            assertThat(shown(r, ReportTables.KP_PREV, kp, "Total"))
                    .isEqualTo(shown(r, ReportTables.REACH_BY_KP_TYPE, kp, "Total"));
        }
        assertThat(r.suppressedCells()).isPositive();
        assertThat(service.preview(ReportRequest.of("2026-10", ReportAudience.DONOR)).figure("new").value()).isNull();
    }

    @Test
    void theThresholdIsAnAdminSetting() {
        assertThat(service.suppressionThreshold()).isEqualTo(5);
        assertThatThrownBy(() -> service.setSuppressionThreshold(3)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCoordinatorMakesDonorReportsButNotInternalOnes() {
        Workspace coordinator = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("coordinator"));
        try (coordinator) {
            ReportService s = new ReportService(coordinator);
            assertThat(s.audiences()).containsExactly(ReportAudience.DONOR);
            assertThat(s.preview(ReportRequest.of("2026-10", ReportAudience.DONOR)).figure("reached").value()).isZero();
            assertThatThrownBy(() -> s.preview(ReportRequest.of("2026-10", ReportAudience.INTERNAL)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> s.export(ReportRequest.of("2026-10", ReportAudience.INTERNAL),
                    dir.resolve("x.xlsx"), null)).isInstanceOf(AccessDeniedException.class);
            assertThat(dir.resolve("x.xlsx")).doesNotExist();
        }
    }

    @Test
    void anOutreachWorkerMakesNoReports() {
        try (Workspace worker = TestWorkspaces.as(Role.OUTREACH_WORKER, dir.resolve("worker"))) {
            ReportService s = new ReportService(worker);
            assertThat(s.audiences()).isEmpty();
            assertThatThrownBy(() -> s.preview(ReportRequest.of("2026-10", ReportAudience.DONOR)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(s::dashboard).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void managersAndAdminsMayChooseEitherAudience() {
        assertThat(service.audiences()).containsExactly(ReportAudience.DONOR, ReportAudience.INTERNAL);
    }

    @Test
    void badRequestsAreInvalidInput() {
        // the period is read where it is typed: a request holds a period or cannot be made
        assertThatThrownBy(() -> ReportRequest.of("2026-13", ReportAudience.DONOR))
                .isInstanceOf(InvalidPeriodException.class).hasMessageContaining("month must be 01 to 12");
        assertThatThrownBy(() -> ReportRequest.custom(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1),
                ReportAudience.DONOR)).isInstanceOf(InvalidPeriodException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new ReportRequest(null, ReportAudience.DONOR, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> service.export(ReportRequest.of("2026-10", ReportAudience.DONOR),
                dir.resolve("report.csv"), null)).isInstanceOf(InvalidInputException.class).hasMessageContaining(".xlsx");
        assertThatThrownBy(() -> service.export(ReportRequest.of("2026-10", ReportAudience.DONOR),
                dir.resolve("no/such/folder/r.xlsx"), null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.export(ReportRequest.of("2026-10", ReportAudience.DONOR),
                dir.resolve("r.xlsx"), "short".toCharArray())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("8 characters");
    }

    @Test
    void anExportIsSavedWholeAndAuditedWithPeriodAndAudienceOnly() throws Exception {
        Path out = dir.resolve("october.xlsx");
        Files.writeString(out, "an older file of that name");
        ExportResult res = service.export(ReportRequest.of("2026-10", ReportAudience.INTERNAL), out, null);
        assertThat(res.file()).isEqualTo(out.toAbsolutePath());
        assertThat(Files.size(out)).isEqualTo(res.bytes()).isGreaterThan(5000);
        assertThat(Files.readAllBytes(out)).startsWith('P', 'K');
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        List<AuditEntry> audit = ws.read(Permission.RECORDS, tx -> tx.audit().latest(3));
        AuditEntry export = audit.stream().filter(e -> e.action() == AuditAction.EXPORT).findFirst().orElseThrow();
        assertThat(export.userName()).isEqualTo("manager");
        assertThat(export.recordType()).isEqualTo("report");
        assertThat(export.detail()).contains("period=2026-10").contains("audience=internal")
                .contains("from=2026-10-01").contains("to=2026-10-31").contains("encrypted=false");
        assertThat(export.detail()).doesNotContain(ReportFixture.UICS[0]).doesNotContain("reached");
    }

    @Test
    void aPreviewIsNotAudited() {
        long before = ws.read(Permission.RECORDS, tx -> tx.audit().latest(100)).stream()
                .filter(e -> e.action() == AuditAction.EXPORT).count();
        service.preview(ReportRequest.of("2026-10", ReportAudience.INTERNAL));
        long after = ws.read(Permission.RECORDS, tx -> tx.audit().latest(100)).stream()
                .filter(e -> e.action() == AuditAction.EXPORT).count();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void preparingTheFirstReportWritesAndAuditsNothing() throws Exception {
        int entries = ws.read(Permission.RECORDS, tx -> tx.audit().latest(1000)).size();
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        service.prepareFirstReport();
        int after = ws.read(Permission.RECORDS, tx -> tx.audit().latest(1000)).size();
        assertThat(after).isEqualTo(entries);
        try (var list = Files.list(dir)) {
            assertThat(list.sorted().toList()).isEqualTo(files);
        }
        // a role without reports reads nothing for it (and is not refused: it runs at every unlock)
        try (Workspace worker = TestWorkspaces.as(Role.OUTREACH_WORKER, dir.resolve("worker-prepare"))) {
            assertThat(new ReportService(worker).prepareFirstReport()).isZero();
        }
    }

    @Test
    void theDashboardShowsThisMonthOverdueReferralsAndLowStock() {
        Dashboard d = service.dashboard();
        assertThat(d.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(d.reached()).isEqualTo(6);
        assertThat(d.newContacts()).isEqualTo(4);
        assertThat(d.encounters()).isEqualTo(8);
        assertThat(d.kpPrev()).containsEntry(KpPrevStatus.KNOWN_POSITIVE, 2L)
                .containsEntry(KpPrevStatus.NEWLY_TESTED_OR_REFERRED, 2L)
                .containsEntry(KpPrevStatus.DECLINED, 1L).containsEntry(KpPrevStatus.NOT_REQUIRED, 1L);
        assertThat(d.trend()).hasSize(12);
        assertThat(d.trend().get(11).reached()).isEqualTo(6);
        // A's ART referral was due 2026-10-10 and is pending; D's HTS one is due 2026-10-29 (today is 10-20)
        assertThat(d.overdueReferrals()).containsOnly(java.util.Map.entry(ServiceType.ART, 1L));
        assertThat(d.coverage()).filteredOn(c -> c.code().equals("KTV-01")).singleElement()
                .satisfies(c -> assertThat(c.coveragePercent()).isEqualTo(15.0));
        Dashboard.StockLevel male = d.stock().stream().filter(s -> s.commodity() == Commodity.MALE_CONDOM)
                .findFirst().orElseThrow();
        assertThat(male.onHand()).isEqualTo(200);
        assertThat(male.usedInWindow()).isEqualTo(800);
        assertThat(male.daysLeft()).isEqualTo(22);
        assertThat(male.low()).isTrue();
        Dashboard.StockLevel female = d.stock().stream().filter(s -> s.commodity() == Commodity.FEMALE_CONDOM)
                .findFirst().orElseThrow();
        assertThat(female.low()).isFalse();
        assertThat(d.lowStockCount()).isEqualTo(1);
    }
}
