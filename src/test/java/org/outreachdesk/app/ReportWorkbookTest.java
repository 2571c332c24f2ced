package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;

/**
 * The saved workbook read back from disk with POI, table by table, as a donor's script would: names, headers,
 * numbers as numbers, {@code <5} cells, CONFIDENTIAL on every internal sheet, the About sheet, the chart; and the
 * password-protected file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportWorkbookTest {

    static final List<String> SHEETS = List.of("Summary", "ReachByAgeSex", "ReachByKpType", "KP_PREV", "ReachBySite",
            "Commodities", "Referrals", "Incidents", "About");

    private Path dir;

    private Workspace ws;
    private Path donor;
    private Path internal;
    private Path encrypted;

    @BeforeAll
    void export(@TempDir Path tmp) {
        dir = tmp;
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        ReportFixture.insert(ws);
        ReportService s = new ReportService(ws);
        donor = s.export(ReportRequest.of("2026-10", ReportAudience.DONOR), dir.resolve("donor.xlsx"), null).file();
        internal = s.export(ReportRequest.of("2026-10", ReportAudience.INTERNAL), dir.resolve("internal.xlsx"), null)
                .file();
        encrypted = s.export(ReportRequest.of("2026-10", ReportAudience.DONOR), dir.resolve("sealed.xlsx"),
                "donor mail 2026".toCharArray()).file();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private static XSSFWorkbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    private static XSSFTable onlyTable(XSSFSheet sheet) {
        assertThat(sheet.getTables()).as("tables on %s", sheet.getSheetName()).hasSize(1);
        return sheet.getTables().get(0);
    }

    private static XSSFCell cell(XSSFSheet sheet, String rowLabel, String column) {
        XSSFTable t = onlyTable(sheet);
        int header = t.getStartRowIndex();
        int col = t.findColumnIndex(column);
        assertThat(col).as("column %s", column).isGreaterThanOrEqualTo(0);
        for (int r = header + 1; r <= t.getEndRowIndex(); r++) {
            if (sheet.getRow(r).getCell(t.getStartColIndex()).getStringCellValue().equals(rowLabel)) {
                return sheet.getRow(r).getCell(t.getStartColIndex() + col);
            }
        }
        throw new AssertionError("no row " + rowLabel + " on " + sheet.getSheetName());
    }

    private static double number(XSSFSheet sheet, String row, String column) {
        XSSFCell c = cell(sheet, row, column);
        assertThat(c.getCellType()).as("%s %s/%s", sheet.getSheetName(), row, column).isEqualTo(CellType.NUMERIC);
        return c.getNumericCellValue();
    }

    private static String text(XSSFSheet sheet, String row, String column) {
        XSSFCell c = cell(sheet, row, column);
        assertThat(c.getCellType()).isEqualTo(CellType.STRING);
        return c.getStringCellValue();
    }

    @Test
    void everyContractTableIsARealExcelTableWithItsExactNameAndHeaders() throws Exception {
        try (XSSFWorkbook wb = open(donor)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            assertThat(names).containsExactlyElementsOf(SHEETS);
            String[][] headers = {
                {"Indicator", "Value"},
                {"Age band", "Female", "Male", "Transgender", "Other or unknown", "Total"},
                {"KP type", "New", "Returning", "Total"},
                {"KP type", "Known Positive", "Newly Tested or Testing Referred", "Declined Testing or Testing Referral",
                    "Test Not Required", "Total"},
                {"Site code", "Site", "Venue type", "Estimated size", "Reached", "Coverage %"},
                {"Site code", "Male condoms", "Female condoms", "Lubricants", "HIV self-test kits"},
                {"Service", "Description", "Made", "Completed", "Completion %"},
                {"Type", "Description", "Count", "Support given"},
            };
            for (int i = 0; i < headers.length; i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                XSSFTable t = onlyTable(sheet);
                assertThat(t.getName()).isEqualTo(SHEETS.get(i));
                assertThat(t.getDisplayName()).isEqualTo(SHEETS.get(i));
                List<String> columns = new ArrayList<>();
                for (CTTableColumn c : t.getCTTable().getTableColumns().getTableColumnArray()) {
                    columns.add(c.getName());
                }
                assertThat(columns).containsExactly(headers[i]);
                // the header cells say exactly what the table's columns are called (else Excel repairs the file)
                for (int c = 0; c < headers[i].length; c++) {
                    assertThat(sheet.getRow(t.getStartRowIndex()).getCell(t.getStartColIndex() + c).getStringCellValue())
                            .isEqualTo(headers[i][c]);
                }
                assertThat(t.getCTTable().getAutoFilter().getRef()).isEqualTo(t.getCTTable().getRef());
                AreaReference area = t.getArea();
                assertThat(area.getFirstCell()).isEqualTo(new CellReference(4, 0));
                assertThat(t.getCTTable().getTableColumns().getCount()).isEqualTo(headers[i].length);
                // readable widths: at least the header text
                for (int c = 0; c < headers[i].length; c++) {
                    assertThat(sheet.getColumnWidth(c)).isGreaterThanOrEqualTo(headers[i][c].length() * 256);
                }
            }
            assertThat(wb.getSheet("About").getTables()).isEmpty();
        }
    }

    @Test
    void theInternalWorkbookHoldsTheExactCountsAsNumbers() throws Exception {
        try (XSSFWorkbook wb = open(internal)) {
            XSSFSheet summary = wb.getSheet("Summary");
            assertThat(number(summary, "Unique individuals reached", "Value")).isEqualTo(6);
            assertThat(number(summary, "New individuals", "Value")).isEqualTo(4);
            assertThat(number(summary, "Returning individuals", "Value")).isEqualTo(2);
            assertThat(number(summary, "Male condoms", "Value")).isEqualTo(50);
            assertThat(number(summary, "Safeguarding flags", "Value")).isEqualTo(1);
            assertThat(number(wb.getSheet("ReachByAgeSex"), "25-29", "Female")).isEqualTo(2);
            assertThat(number(wb.getSheet("ReachByAgeSex"), "Total", "Total")).isEqualTo(6);
            assertThat(number(wb.getSheet("ReachByKpType"), "FSW", "Returning")).isEqualTo(1);
            assertThat(number(wb.getSheet("KP_PREV"), "MSM", "Known Positive")).isEqualTo(1);
            assertThat(number(wb.getSheet("ReachBySite"), "BEER-02", "Coverage %")).isEqualTo(30.0);
            assertThat(number(wb.getSheet("ReachBySite"), "KTV-01", "Estimated size")).isEqualTo(20);
            assertThat(text(wb.getSheet("ReachBySite"), "KTV-01", "Site")).isEqualTo("Golden KTV");
            assertThat(cell(wb.getSheet("ReachBySite"), "ST-03", "Coverage %").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(number(wb.getSheet("Commodities"), "Total", "Lubricants")).isEqualTo(22);
            assertThat(number(wb.getSheet("Referrals"), "HTS", "Completion %")).isEqualTo(50.0);
            assertThat(number(wb.getSheet("Incidents"), "POLICE_HARASSMENT", "Support given")).isEqualTo(1);
        }
    }

    @Test
    void theDonorWorkbookShowsSmallCountsAsLessThanFive() throws Exception {
        try (XSSFWorkbook wb = open(donor)) {
            XSSFSheet summary = wb.getSheet("Summary");
            // six people all in cells of 1 to 4 beside the exact 6 reached; in KP_PREV six cells of 1 add up to 6,
            // so one of them (FSW Known Positive) is x and the others stay <5 (1 or 2 for a reader)
            assertThat(number(summary, "Unique individuals reached", "Value")).isEqualTo(6);
            assertThat(text(summary, "New individuals", "Value")).isEqualTo("<5");
            assertThat(text(wb.getSheet("ReachByAgeSex"), "25-29", "Female")).isEqualTo("<5");
            assertThat(text(wb.getSheet("KP_PREV"), "MSM", "Known Positive")).isEqualTo("<5");
            assertThat(text(wb.getSheet("KP_PREV"), "FSW", "Known Positive")).isEqualTo("x");
            assertThat(number(wb.getSheet("KP_PREV"), "Total", "Total")).isEqualTo(6);
            assertThat(text(wb.getSheet("Referrals"), "HTS", "Made")).isEqualTo("<5");
            assertThat(cell(wb.getSheet("ReachBySite"), "KTV-01", "Coverage %").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(number(wb.getSheet("Referrals"), "Total", "Made")).isEqualTo(5);
            // KTV-01 reached 3: its quantities are hidden too, as x (a quantity, not a small count)
            assertThat(text(wb.getSheet("Commodities"), "KTV-01", "Female condoms")).isEqualTo("x");
            assertThat(number(wb.getSheet("Commodities"), "Total", "Female condoms")).isEqualTo(4);
        }
    }

    @Test
    void everySheetOfTheInternalReportSaysConfidentialAndNoDonorSheetDoes() throws Exception {
        try (XSSFWorkbook wb = open(internal)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as(sheet.getSheetName())
                        .startsWith("CONFIDENTIAL");
                assertThat(sheet.getHeader().getCenter()).contains("CONFIDENTIAL");
            }
        }
        try (XSSFWorkbook wb = open(donor)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).doesNotContain("CONFIDENTIAL")
                        .contains("<5");
                assertThat(sheet.getHeader().getCenter()).doesNotContain("CONFIDENTIAL");
            }
        }
    }

    @Test
    void theAboutSheetSaysWhatTheReportIsAndHowItWasMade() throws Exception {
        try (XSSFWorkbook wb = open(donor)) {
            String about = sheetText(wb.getSheet("About"));
            assertThat(about).contains("Test Outreach").contains("October 2026 (2026-10-01 to 2026-10-31)")
                    .contains("Generated").contains("2026-10-20").contains("Outreach Desk " + AppInfo.version())
                    .contains("Small cells suppressed").contains("Yes. <5 marks a count from 1 to 4")
                    .contains("x marks a figure hidden only so that no <5 can be worked out")
                    .contains("Workbook check").contains("Extra cells that check had to hide")
                    .contains("Overlapping periods").contains("Send a donor one kind of period only")
                    .contains("FEW").contains("Known Positive").contains("first encounter in the period")
                    .contains("no UIC");
        }
        try (XSSFWorkbook wb = open(internal)) {
            assertThat(sheetText(wb.getSheet("About"))).contains("No. Every count is exact.").contains("CONFIDENTIAL");
        }
    }

    @Test
    void theSummarySheetChartsMonthlyReachOverTwelveMonths() throws Exception {
        try (XSSFWorkbook wb = open(internal)) {
            XSSFSheet summary = wb.getSheet("Summary");
            XSSFDrawing drawing = summary.getDrawingPatriarch();
            assertThat(drawing.getCharts()).hasSize(1);
            XSSFChart chart = drawing.getCharts().get(0);
            assertThat(chart.getCTChart().getPlotArea().getLineChartArray()).hasSize(1);
            var series = chart.getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0);
            assertThat(series.getVal().getNumRef().getF()).isEqualTo("Summary!$E$6:$E$17");
            assertThat(series.getCat().getStrRef().getF()).isEqualTo("Summary!$D$6:$D$17");
            assertThat(summary.getRow(16).getCell(3).getStringCellValue()).isEqualTo("2026-10");
            assertThat(summary.getRow(16).getCell(4).getNumericCellValue()).isEqualTo(6);
            assertThat(summary.getRow(15).getCell(4).getNumericCellValue()).isEqualTo(2);
        }
    }

    @Test
    void noWorkbookContainsAUicANoteOrAnIdentifier() throws Exception {
        for (Path p : List.of(donor, internal)) {
            String xml = allXml(p);
            for (String uic : ReportFixture.UICS) {
                assertThat(xml).doesNotContain(uic);
            }
            assertThat(xml).doesNotContain(ReportFixture.NOTE).doesNotContain("landlord");
            assertThat(xml).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    @Test
    void theProtectedWorkbookOpensWithItsPasswordAndNotWithout() throws Exception {
        assertThatThrownBy(() -> WorkbookFactory.create(encrypted.toFile()).close())
                .isInstanceOf(EncryptedDocumentException.class);
        try (POIFSFileSystem fs = new POIFSFileSystem(encrypted.toFile(), true)) {
            EncryptionInfo info = new EncryptionInfo(fs);
            assertThat(info.getEncryptionMode().name()).isEqualTo("agile");
            Decryptor d = Decryptor.getInstance(info);
            assertThat(d.verifyPassword("not the password")).isFalse();
            assertThat(d.verifyPassword("donor mail 2026")).isTrue();
            try (InputStream in = d.getDataStream(fs); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(onlyTable(wb.getSheet("Summary")).getName()).isEqualTo("Summary");
                assertThat(text(wb.getSheet("Summary"), "New individuals", "Value")).isEqualTo("<5");
            }
        }
        try (var wb = WorkbookFactory.create(encrypted.toFile(), "donor mail 2026")) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(SHEETS.size());
        }
        // the plain bytes of the workbook appear nowhere in the file
        assertThat(new String(Files.readAllBytes(encrypted), StandardCharsets.ISO_8859_1)).doesNotContain("ReachByAgeSex");
    }

    private static String sheetText(XSSFSheet sheet) {
        StringBuilder b = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> b.append(c.toString()).append('\n')));
        return b.toString();
    }

    private static String allXml(Path p) throws Exception {
        StringBuilder b = new StringBuilder();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(p))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                b.append(new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }
}
