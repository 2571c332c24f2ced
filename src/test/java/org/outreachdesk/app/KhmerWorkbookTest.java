package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportLanguage;
import org.outreachdesk.domain.Role;

/**
 * The workbook with Khmer labels, saved and read back from disk with POI beside the English one of the same data:
 * the same sheets, tables, headers, row labels and numbers; Khmer titles, banner, About sheet and chart title; a
 * Khmer font in every cell; the label language in the audit entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KhmerWorkbookTest {

    private Workspace ws;
    private Path english;
    private Path khmer;
    private Path khmerInternal;

    @BeforeAll
    void export(@TempDir Path dir) {
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        ReportFixture.insert(ws);
        ReportService s = new ReportService(ws);
        english = s.export(ReportRequest.of("2026-10", ReportAudience.DONOR), dir.resolve("en.xlsx"), null).file();
        khmer = s.export(ReportRequest.of("2026-10", ReportAudience.DONOR).in(ReportLanguage.KHMER),
                dir.resolve("km.xlsx"), null).file();
        khmerInternal = s.export(ReportRequest.of("2026-10", ReportAudience.INTERNAL).in(ReportLanguage.KHMER),
                dir.resolve("km-internal.xlsx"), null).file();
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

    private static boolean hasKhmer(String s) {
        return s.codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF);
    }

    @Test
    void theKhmerWorkbookHasTheSameSheetsTablesHeadersAndNumbersAsTheEnglishOne() throws Exception {
        try (XSSFWorkbook en = open(english); XSSFWorkbook km = open(khmer)) {
            assertThat(km.getNumberOfSheets()).isEqualTo(en.getNumberOfSheets()).isEqualTo(9);
            for (int i = 0; i < en.getNumberOfSheets(); i++) {
                assertThat(km.getSheetName(i)).isEqualTo(en.getSheetName(i))
                        .isEqualTo(ReportWorkbookTest.SHEETS.get(i));
                XSSFSheet e = en.getSheetAt(i);
                XSSFSheet k = km.getSheetAt(i);
                assertThat(k.getTables()).hasSameSizeAs(e.getTables());
                for (int t = 0; t < e.getTables().size(); t++) {
                    XSSFTable te = e.getTables().get(t);
                    XSSFTable tk = k.getTables().get(t);
                    assertThat(tk.getName()).isEqualTo(te.getName()).isEqualTo(e.getSheetName());
                    assertThat(tk.getDisplayName()).isEqualTo(te.getDisplayName());
                    assertThat(tk.getCTTable().getRef()).isEqualTo(te.getCTTable().getRef());
                    assertThat(columns(tk)).isEqualTo(columns(te)).noneMatch(KhmerWorkbookTest::hasKhmer);
                    // every cell of the table (headers, row labels, counts, <5, percentages) as in English
                    for (int r = te.getStartRowIndex(); r <= te.getEndRowIndex(); r++) {
                        for (int c = te.getStartColIndex(); c <= te.getEndColIndex(); c++) {
                            XSSFCell ce = e.getRow(r).getCell(c);
                            XSSFCell ck = k.getRow(r).getCell(c);
                            assertThat(ck.getCellType()).as("%s %d/%d", e.getSheetName(), r, c)
                                    .isEqualTo(ce.getCellType());
                            if (tk.getColumns().get(c - te.getStartColIndex()).getName().equals("Description")
                                    && r > te.getStartRowIndex()) {
                                // the words beside a code are in the workbook's language
                                assertThat(hasKhmer(ck.toString()) || ce.toString().isEmpty()).isTrue();
                            } else if (ce.getCellType() == CellType.NUMERIC) {
                                assertThat(ck.getNumericCellValue()).isEqualTo(ce.getNumericCellValue());
                            } else {
                                assertThat(ck.toString()).isEqualTo(ce.toString());
                            }
                        }
                    }
                }
            }
            // the monthly reach beside the Summary table: same months and counts
            for (int r = 5; r <= 16; r++) {
                XSSFCell ce = en.getSheet("Summary").getRow(r).getCell(4);
                XSSFCell ck = km.getSheet("Summary").getRow(r).getCell(4);
                assertThat(ck.toString()).isEqualTo(ce.toString());
                assertThat(km.getSheet("Summary").getRow(r).getCell(3).getStringCellValue())
                        .isEqualTo(en.getSheet("Summary").getRow(r).getCell(3).getStringCellValue());
            }
        }
    }

    @Test
    void titlesBannerAboutAndChartAreInKhmer() throws Exception {
        try (XSSFWorkbook km = open(khmer)) {
            for (int i = 0; i < km.getNumberOfSheets(); i++) {
                XSSFSheet s = km.getSheetAt(i);
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).as("banner of %s", s.getSheetName())
                        .satisfies(t -> assertThat(hasKhmer(t)).isTrue()).contains("<5");
                assertThat(s.getRow(1).getCell(0).getStringCellValue()).as("title of %s", s.getSheetName())
                        .satisfies(t -> assertThat(hasKhmer(t)).isTrue());
                assertThat(s.getRow(2).getCell(0).getStringCellValue()).contains("ខែតុលា ឆ្នាំ 2026")
                        .contains("2026-10-01 ដល់ 2026-10-31");
                assertThat(s.getFooter().getRight()).contains("ទំព័រ");
            }
            assertThat(km.getSheet("Summary").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("សេចក្តីសង្ខេបនៃរយៈពេល");
            String about = sheetText(km.getSheet("About"));
            assertThat(about).contains("អំពីរបាយការណ៍នេះ").contains("Test Outreach")
                    .contains("ខែតុលា ឆ្នាំ 2026 (2026-10-01 ដល់ 2026-10-31)").contains("2026-10")
                    .contains("Outreach Desk " + AppInfo.version())
                    .contains("<5 សម្គាល់ចំនួនពី 1 ដល់ 4").contains("x សម្គាល់តួលេខ")
                    .contains("ស្ត្រី").contains("ក្រុមប្រជាជនគន្លឹះ").contains("KP_PREV").contains("FEW")
                    // the English words of the tables, explained
                    .contains("Unique individuals reached").contains("ចំនួនបុគ្គលដែលបានជួប (មិនស្ទួន)")
                    .contains("Newly Tested or Testing Referred")
                    .doesNotContain("About this report").doesNotContain("Every count is exact");
            XSSFChart chart = km.getSheet("Summary").getDrawingPatriarch().getCharts().get(0);
            assertThat(chart.getTitleText().getString()).isEqualTo("ចំនួនបុគ្គលដែលបានជួបប្រចាំខែ");
            assertThat(km.getProperties().getCoreProperties().getTitle()).contains("2026-10");
        }
        try (XSSFWorkbook km = open(khmerInternal)) {
            for (int i = 0; i < km.getNumberOfSheets(); i++) {
                XSSFSheet s = km.getSheetAt(i);
                // the word donors and managers know stays, with its Khmer beside it
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).startsWith("CONFIDENTIAL").contains("សម្ងាត់");
                assertThat(s.getHeader().getCenter()).contains("CONFIDENTIAL");
            }
            assertThat(sheetText(km.getSheet("About"))).contains("ចំនួនទាំងអស់ជាចំនួនពិតប្រាកដ");
        }
    }

    @Test
    void everyCellOfTheKhmerWorkbookUsesAKhmerFontAndTheEnglishOneCalibri() throws Exception {
        try (XSSFWorkbook km = open(khmer); XSSFWorkbook en = open(english)) {
            for (int i = 0; i < km.getNumberOfFonts(); i++) {
                XSSFFont f = km.getFontAt(i);
                assertThat(f.getFontName()).isEqualTo("Khmer OS System");
            }
            for (int i = 0; i < en.getNumberOfFonts(); i++) {
                assertThat(en.getFontAt(i).getFontName()).isEqualTo("Calibri");
            }
            // taller rows for Khmer's stacked letters
            assertThat(km.getSheet("Summary").getDefaultRowHeightInPoints()).isGreaterThan(20f);
        }
    }

    @Test
    void theExportIsAuditedWithItsLabelLanguage() {
        List<AuditEntry> audit = ws.read(Permission.RECORDS, tx -> tx.audit().latest(10));
        List<String> details = audit.stream().filter(e -> e.action() == AuditAction.EXPORT).map(AuditEntry::detail)
                .toList();
        assertThat(details).anyMatch(d -> d.contains("audience=donor") && d.contains("labels=km"))
                .anyMatch(d -> d.contains("audience=internal") && d.contains("labels=km"))
                .anyMatch(d -> d.contains("labels=en"));
    }

    private static List<String> columns(XSSFTable t) {
        List<String> out = new ArrayList<>();
        for (CTTableColumn c : t.getCTTable().getTableColumns().getTableColumnArray()) {
            out.add(c.getName());
        }
        return out;
    }

    private static String sheetText(XSSFSheet sheet) {
        StringBuilder b = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> b.append(c.toString()).append('\n')));
        return b.toString();
    }
}
