package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.domain.VenueType;

/**
 * What issues 16 and 17 found in the donor workbook, read back from disk: the one-day and the one-person cases, a
 * table whose total is 1–4, the two marks against the internal workbook of the same data, the words beside the
 * codes in English and Khmer, suppressed cells aligned with the numbers, and sites by code unless the setting
 * says otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DonorWorkbookTrustTest {

    private Path dir;
    private Workspace ws;
    private ReportService service;

    @BeforeAll
    void setUp(@TempDir Path tmp) {
        dir = tmp;
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        ReportFixture.insert(ws);
        onePersonInAugust();
        service = new ReportService(ws);
    }

    @AfterAll
    void close() {
        ws.close();
    }

    /** August 2026: one FSW, known positive, at one site, given 5 condoms (the person of issue 17). */
    private void onePersonInAugust() {
        ws.write(Permission.RECORDS, AuditAction.CREATE, "fixture", null, null, tx -> {
            Site site = new Site(ws.newMeta(), "PST-01", "Night market corner", VenueType.STREET, "Sampov Meas",
                    "Phteah Prey", 12, true);
            tx.sites().insert(site);
            Staff w = new Staff(ws.newMeta(), "W09", StaffKind.OUTREACH_WORKER, "Team B", true);
            tx.staff().insert(w);
            Contact c = new Contact(ws.newMeta(), Uic.parse("SOKH2120597"), 1997, Gender.F, KpType.FSW,
                    LocalDate.of(2026, 8, 3), site.meta().id(), w.meta().id(), ContactStatus.ACTIVE, null, null);
            tx.contacts().insert(c);
            tx.encounters().insert(new Encounter(ws.newMeta(), c.id(), LocalDate.of(2026, 8, 3), w.meta().id(),
                    site.meta().id(), EncounterType.INDIVIDUAL, true, false, new Encounter.Quantities(5, 0, 0, 0),
                    HivStatus.KNOWN_POSITIVE, false, null));
            return null;
        });
    }

    private WorkbookFile export(ReportRequest request, String name) throws Exception {
        return WorkbookFile.read(service.export(request, dir.resolve(name), null).file());
    }

    @Test
    void aDonorWorkbookForOneDayIsRefusedAndNothingIsWritten() {
        Path out = dir.resolve("one-day.xlsx");
        assertThatThrownBy(() -> service.export(ReportRequest.custom(LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 10, 3), ReportAudience.DONOR), out, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole periods only");
        assertThat(out).doesNotExist();
        // the same dates are fine for an internal report
        assertThat(service.report(ReportRequest.custom(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 3),
                ReportAudience.INTERNAL)).period().days()).isEqualTo(1);
    }

    @Test
    void aMonthWithOnePersonShowsNoExactFigure() throws Exception {
        WorkbookFile wb = export(ReportRequest.of("2026-08", ReportAudience.DONOR), "august.xlsx");
        assertThat(wb.banner).contains("withheld").contains("fewer than 5");
        assertThat(wb.table("Summary").get("Unique individuals reached", "Value")).isEqualTo("<5");
        for (WorkbookFile.Table t : wb.tables.values()) {
            for (var row : t.rows().entrySet()) {
                for (int c = 1; c < t.columns().size(); c++) {
                    String column = t.columns().get(c);
                    Object v = row.getValue().get(c);
                    if (t.name().equals("ReachBySite") && column.equals("Estimated size")) {
                        continue;   // the venue's size, not a count of people reached
                    }
                    assertThat(v).as("%s %s/%s", t.name(), row.getKey(), column)
                            .satisfiesAnyOf(x -> assertThat(x).isIn("<5", "x"), x -> assertThat(x).isNull(),
                                    x -> assertThat(x).isInstanceOf(String.class));
                }
            }
        }
        assertThat(wb.aboutText.get("Withheld")).contains("Fewer than 5 people");
    }

    @Test
    void aTableWhoseTotalIsOneToFourIsSuppressedWhole() throws Exception {
        // October: 3 safety incidents (1 physical violence, 2 police harassment)
        WorkbookFile wb = export(ReportRequest.of("2026-10", ReportAudience.DONOR), "october-incidents.xlsx");
        WorkbookFile.Table incidents = wb.table("Incidents");
        assertThat(incidents.get("Total", "Count")).isEqualTo("<5");
        for (var row : incidents.rows().entrySet()) {
            if (!row.getKey().equals("Total")) {
                assertThat(incidents.get(row.getKey(), "Count")).as(row.getKey()).isEqualTo("x");
                assertThat(incidents.get(row.getKey(), "Support given")).as(row.getKey()).isEqualTo("x");
            }
        }
        assertThat(wb.table("Summary").get("Safety incidents", "Value")).isEqualTo("<5");
    }

    @Test
    void everySmallMarkIsTrulyOneToFourAndProtectiveCellsAreX() throws Exception {
        for (String period : List.of("2026-10", "2026-Q4", "2026-H2", "2026")) {
            WorkbookFile donor = export(ReportRequest.of(period, ReportAudience.DONOR), period + "-d.xlsx");
            WorkbookFile internal = export(ReportRequest.of(period, ReportAudience.INTERNAL), period + "-i.xlsx");
            for (WorkbookFile.Table t : donor.tables.values()) {
                for (var row : t.rows().entrySet()) {
                    for (int c = 1; c < t.columns().size(); c++) {
                        Object shown = row.getValue().get(c);
                        if ("<5".equals(shown)) {
                            assertThat((Double) internal.table(t.name()).get(row.getKey(), t.columns().get(c)))
                                    .as("%s %s %s/%s", period, t.name(), row.getKey(), t.columns().get(c))
                                    .isBetween(1.0, 4.0);
                        }
                    }
                }
            }
            assertThat(new IntegerAudit(donor).pinned()).as(period).isEmpty();
        }
    }

    @Test
    void aCellHiddenToProtectAnotherIsShownAsX() throws Exception {
        // October, Commodities: BEER-02 reached 3 (hidden), so its quantities are x; one other site's are x beside
        // them so that the exact Total cannot give them away
        WorkbookFile donor = export(ReportRequest.of("2026-10", ReportAudience.DONOR), "october-x.xlsx");
        WorkbookFile internal = export(ReportRequest.of("2026-10", ReportAudience.INTERNAL), "october-i.xlsx");
        WorkbookFile.Table com = donor.table("Commodities");
        assertThat(donor.table("ReachBySite").get("BEER-02", "Reached")).isEqualTo("<5");
        assertThat(com.get("BEER-02", "Male condoms")).isEqualTo("x");
        assertThat(internal.table("Commodities").get("BEER-02", "Male condoms")).isEqualTo(24.0);
        assertThat(com.get("Total", "Male condoms")).isEqualTo(50.0);
        long hiddenMale = com.rows().values().stream().filter(r -> "x".equals(r.get(1))).count();
        assertThat(hiddenMale).isGreaterThanOrEqualTo(2);
        // no x is ever 1 to 4 shown as if it were small, and no <5 is ever large: checked above; here an x is large
        boolean largeX = false;
        for (var row : com.rows().entrySet()) {
            for (int c = 1; c < com.columns().size(); c++) {
                if ("x".equals(row.getValue().get(c))) {
                    largeX |= (Double) internal.table("Commodities").get(row.getKey(), com.columns().get(c)) >= 5;
                }
            }
        }
        assertThat(largeX).isTrue();
        assertThat(donor.banner).contains("<5 is a count from 1 to 4").contains("x is a figure hidden");
    }

    @Test
    void referralsAndIncidentsHaveTheAppsWordsBesideTheirCodesInBothLanguages() throws Exception {
        WorkbookFile en = export(ReportRequest.of("2026-Q4", ReportAudience.DONOR), "words-en.xlsx");
        WorkbookFile km = export(ReportRequest.of("2026-Q4", ReportAudience.DONOR).in(ReportLanguage.KHMER),
                "words-km.xlsx");
        assertThat(en.table("Referrals").columns()).containsExactly("Service", "Description", "Made", "Completed",
                "Completion %");
        assertThat(en.table("Incidents").columns()).containsExactly("Type", "Description", "Count", "Support given");
        assertThat(km.table("Referrals").columns()).isEqualTo(en.table("Referrals").columns());
        // the words the app's own screens use (its message bundles), in each language
        Map<ReportLanguage, WorkbookFile> books = Map.of(ReportLanguage.ENGLISH, en, ReportLanguage.KHMER, km);
        for (var b : books.entrySet()) {
            ResourceBundle app = ResourceBundle.getBundle("i18n.messages", b.getKey() == ReportLanguage.KHMER
                    ? java.util.Locale.forLanguageTag("km") : java.util.Locale.ROOT);
            for (ServiceType t : ServiceType.values()) {
                assertThat(b.getValue().table("Referrals").get(t.name(), "Description"))
                        .as("%s %s", b.getKey(), t).isEqualTo(app.getString("desk.enum.ServiceType." + t.name()));
            }
            for (IncidentType t : IncidentType.values()) {
                assertThat(b.getValue().table("Incidents").get(t.name(), "Description"))
                        .as("%s %s", b.getKey(), t).isEqualTo(app.getString("desk.enum.IncidentType." + t.name()));
            }
            assertThat(b.getValue().table("Referrals").get("Total", "Description")).isNull();
        }
        assertThat(km.table("Incidents").get("POLICE_HARASSMENT", "Description")).isEqualTo("ការយាយីពីប៉ូលិស");
        assertThat(en.table("Referrals").get("HTS", "Description")).isEqualTo("HIV testing");
    }

    @Test
    void suppressedCellsAreRightAlignedLikeTheNumbers() throws Exception {
        Path file = service.export(ReportRequest.of("2026-10", ReportAudience.DONOR), dir.resolve("align.xlsx"), null)
                .file();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            int marks = 0;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                for (var row : sheet) {
                    for (var cell : row) {
                        if (cell.getCellType() == CellType.STRING && List.of("<5", "x")
                                .contains(cell.getStringCellValue())) {
                            marks++;
                            assertThat(((XSSFCell) cell).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
                        }
                    }
                }
            }
            assertThat(marks).isPositive();
        }
    }

    @Test
    void donorWorkbooksGiveSiteCodesUnlessTheSettingNamesThem() throws Exception {
        SettingsService settings = new SettingsService(ws);
        assertThat(settings.donorSiteNames()).isFalse();
        assertThat(export(ReportRequest.of("2026-10", ReportAudience.DONOR), "sites-code.xlsx").table("ReachBySite")
                .get("KTV-01", "Site")).isEqualTo("KTV-01");
        assertThat(export(ReportRequest.of("2026-10", ReportAudience.INTERNAL), "sites-internal.xlsx")
                .table("ReachBySite").get("KTV-01", "Site")).isEqualTo("Golden KTV");
        settings.setDonorSiteNames(true);
        try {
            assertThat(settings.donorSiteNames()).isTrue();
            assertThat(export(ReportRequest.of("2026-10", ReportAudience.DONOR), "sites-name.xlsx")
                    .table("ReachBySite").get("KTV-01", "Site")).isEqualTo("Golden KTV");
        } finally {
            settings.setDonorSiteNames(false);
        }
        try (Workspace coordinator = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("coordinator"))) {
            assertThatThrownBy(() -> new SettingsService(coordinator).setDonorSiteNames(true))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
