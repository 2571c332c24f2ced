package org.outreachdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

/**
 * Writes a {@link Report} as an Excel workbook (XSSF): one sheet per contract table, each table a real Excel
 * table object named as the contract says, the monthly reach chart on the Summary sheet, and an About sheet.
 * Counts are stored as numbers; suppressed cells as the text {@code <5}. An internal report says CONFIDENTIAL
 * at the top of every sheet, in every printed page's header, and has red sheet tabs.
 *
 * <p>Layout of every table sheet: row 1 a banner (CONFIDENTIAL, or what suppression means), row 2 the title,
 * row 3 organisation and period, row 5 the table's header row, its data below.
 */
public final class ReportWorkbook {

    /** The first row of every table (0-based: Excel row 5). */
    public static final int HEADER_ROW = 4;
    /** Where the trend data starts on the Summary sheet (column D). */
    public static final int TREND_COLUMN = 3;
    public static final String TREND_MONTH_HEADER = "Month";
    public static final String TREND_VALUE_HEADER = "Reached";
    public static final String CONFIDENTIAL = "CONFIDENTIAL";
    static final String CHART_TITLE = "Individuals reached per month";
    private static final String TABLE_STYLE = "TableStyleMedium2";
    private static final int ABOUT_CHARS_PER_LINE = 110;

    private final Report report;
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Styles st;

    private ReportWorkbook(Report report) {
        this.report = report;
        this.st = new Styles(wb);
    }

    /** The workbook of {@code report}, in memory. The caller closes it. */
    public static XSSFWorkbook create(Report report) {
        return new ReportWorkbook(report).build();
    }

    /** Writes the workbook of {@code report} to {@code out} (not closed). */
    public static void write(Report report, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = create(report)) {
            wb.write(out);
        }
    }

    /** The workbook as bytes; encrypted with {@code password} (Excel's agile encryption) unless it is null. */
    public static byte[] bytes(Report report, char[] password) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(64 * 1024);
        try {
            write(report, bos);
        } catch (IOException e) {
            throw new UncheckedIOException("the workbook could not be written", e);
        }
        byte[] plain = bos.toByteArray();
        if (password == null) {
            return plain;
        }
        try {
            return WorkbookEncryption.encrypt(plain, password);
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private XSSFWorkbook build() {
        var props = wb.getProperties().getCoreProperties();
        props.setCreator("Outreach Desk");
        props.setTitle("Outreach report " + report.period().code() + " (" + report.audience().code() + ")");
        for (ReportTable t : report.tables()) {
            XSSFSheet sheet = sheet(t.name());
            int lastRow = writeTable(sheet, t);
            if (t.name().equals(ReportTables.SUMMARY)) {
                writeTrend(sheet, lastRow);
            }
            widths(sheet, t);
        }
        writeAbout();
        wb.setActiveSheet(0);
        return wb;
    }

    private XSSFSheet sheet(String name) {
        XSSFSheet sheet = wb.createSheet(name);
        PrintSetup ps = sheet.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setDisplayGridlines(false);
        String org = report.organisation().isBlank() ? "" : report.organisation() + " · ";
        sheet.getFooter().setLeft(org + "Outreach report " + report.period().code());
        sheet.getFooter().setRight("Page &P of &N");
        if (!report.suppressed()) {
            sheet.getHeader().setCenter("&B" + CONFIDENTIAL + "&B");
            sheet.setTabColor(new XSSFColor(new byte[] {(byte) 0xC0, 0, 0}, null));
        }
        banner(sheet);
        return sheet;
    }

    /** Rows 1–3: banner, title, organisation and period. */
    private void banner(XSSFSheet sheet) {
        XSSFRow r0 = sheet.createRow(0);
        XSSFCell b = r0.createCell(0);
        if (report.suppressed()) {
            b.setCellValue("Donor report: counts from 1 to " + (report.threshold() - 1) + " are shown as "
                    + report.mark() + ", and some larger ones too so that small counts cannot be worked out "
                    + "from the totals (see About).");
            b.setCellStyle(st.note);
        } else {
            b.setCellValue(CONFIDENTIAL + " — internal report with exact counts. For managers and admins of "
                    + "the organisation only; never send it outside.");
            b.setCellStyle(st.confidential);
        }
    }

    private void titles(XSSFSheet sheet, String title) {
        XSSFCell t = sheet.createRow(1).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(st.title);
        XSSFCell s = sheet.createRow(2).createCell(0);
        String org = report.organisation().isBlank() ? "" : report.organisation() + " · ";
        s.setCellValue(org + report.period().describe() + " · "
                + (report.suppressed() ? "donor report" : "internal report"));
        s.setCellStyle(st.note);
    }

    /** Writes the table with its header at {@link #HEADER_ROW}; answers the last row used. */
    private int writeTable(XSSFSheet sheet, ReportTable t) {
        titles(sheet, t.title());
        XSSFRow header = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < t.headers().size(); c++) {
            XSSFCell cell = header.createCell(c);
            cell.setCellValue(t.headers().get(c));
            cell.setCellStyle(st.header);
        }
        int r = HEADER_ROW;
        for (List<Cell> row : t.rows()) {
            r++;
            XSSFRow xr = sheet.createRow(r);
            boolean total = row.get(0) instanceof Cell.Text tx && tx.text().equals(ReportTables.TOTAL);
            for (int c = 0; c < row.size(); c++) {
                put(xr.createCell(c), row.get(c), total);
            }
        }
        AreaReference area = new AreaReference(new CellReference(HEADER_ROW, 0),
                new CellReference(r, t.headers().size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        table.setName(t.name());
        table.setDisplayName(t.name());
        CTTable ct = table.getCTTable();
        ct.setTotalsRowShown(false);
        if (!ct.isSetAutoFilter()) {
            ct.addNewAutoFilter();
        }
        ct.getAutoFilter().setRef(ct.getRef());
        CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        style.setName(TABLE_STYLE);
        style.setShowRowStripes(true);
        style.setShowColumnStripes(false);
        style.setShowFirstColumn(false);
        style.setShowLastColumn(false);
        table.updateReferences();
        table.updateHeaders();
        return r;
    }

    private void put(XSSFCell cell, Cell value, boolean total) {
        if (value instanceof Cell.Text t) {
            cell.setCellValue(t.text());
            cell.setCellStyle(total ? st.totalText : st.text);
        } else if (value instanceof Cell.Count n) {
            if (n.suppressed()) {
                cell.setCellValue(report.mark());
                cell.setCellStyle(total ? st.totalSuppressed : st.suppressed);
            } else {
                cell.setCellValue((double) n.value());
                cell.setCellStyle(total ? st.totalCount : st.count);
            }
        } else if (value instanceof Cell.Percent p) {
            if (p.value() != null) {
                cell.setCellValue(p.value());
            }
            cell.setCellStyle(total ? st.totalPercent : st.percent);
        } else {
            cell.setCellStyle(total ? st.totalText : st.text);
        }
    }

    /** The monthly reach beside the Summary table and its line chart below. */
    private void writeTrend(XSSFSheet sheet, int lastTableRow) {
        XSSFRow label = sheet.getRow(HEADER_ROW - 1) != null ? sheet.getRow(HEADER_ROW - 1)
                : sheet.createRow(HEADER_ROW - 1);
        XSSFCell l = label.createCell(TREND_COLUMN);
        l.setCellValue("Monthly reach, last 12 months");
        l.setCellStyle(st.bold);
        XSSFRow h = sheet.getRow(HEADER_ROW);
        XSSFCell h1 = h.createCell(TREND_COLUMN);
        h1.setCellValue(TREND_MONTH_HEADER);
        h1.setCellStyle(st.trendHeader);
        XSSFCell h2 = h.createCell(TREND_COLUMN + 1);
        h2.setCellValue(TREND_VALUE_HEADER);
        h2.setCellStyle(st.trendHeader);
        int r = HEADER_ROW;
        for (Report.TrendPoint p : report.trend()) {
            r++;
            XSSFRow row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
            XSSFCell m = row.createCell(TREND_COLUMN);
            m.setCellValue(p.month().toString());
            m.setCellStyle(st.text);
            put(row.createCell(TREND_COLUMN + 1), p.reached(), false);
        }
        int first = HEADER_ROW + 1;
        int last = r;
        int chartTop = Math.max(last, lastTableRow) + 2;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, chartTop, 6, chartTop + 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(CHART_TITLE);
        chart.setTitleOverlay(false);
        chart.getTitle().getOrAddTextProperties().setFontSize(12.0);
        chart.getTitle().getOrAddTextProperties().setBold(true);
        // suppressed months (text) are gaps, never a fake zero
        chart.displayBlanksAs(DisplayBlanks.GAP);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setMinimum(0);
        XDDFDataSource<String> months = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, TREND_COLUMN, TREND_COLUMN));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, TREND_COLUMN + 1, TREND_COLUMN + 1));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(months, values);
        series.setTitle(TREND_VALUE_HEADER, new CellReference(sheet.getSheetName(), HEADER_ROW, TREND_COLUMN + 1,
                true, true));
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.CIRCLE);
        XDDFLineProperties line = new XDDFLineProperties(
                new XDDFSolidFillProperties(XDDFColor.from(new byte[] {0x2F, 0x55, (byte) 0x97})));
        line.setWidth(2.25);
        series.setLineProperties(line);
        chart.plot(data);
    }

    private void writeAbout() {
        XSSFSheet sheet = sheet(ReportTables.ABOUT);
        titles(sheet, "About this report");
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Organisation", report.organisation()});
        lines.add(new String[] {"Period", report.period().describe()});
        lines.add(new String[] {"Period code", report.period().code()});
        lines.add(new String[] {"Generated", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'")
                .format(report.generatedAt().atZone(report.zone()))});
        lines.add(new String[] {"Program", "Outreach Desk " + report.programVersion()});
        lines.add(new String[] {"Audience", report.suppressed()
                ? "Donor report (may be shared with donors)"
                : CONFIDENTIAL + ": internal report with exact counts, for managers and admins only"});
        lines.add(new String[] {"Small cells suppressed", report.suppressed()
                ? "Yes. Counts from 1 to " + (report.threshold() - 1) + " are shown as " + report.mark()
                + ". Where a row or column would then have exactly one hidden count next to a shown total, the "
                + "next smallest count of that row or column is hidden too (also shown as " + report.mark()
                + "), and this is repeated, with a final check, until no hidden count can be worked out from the "
                + "totals shown. Zeros are shown. The grand total of each table is exact. Hidden cells in this "
                + "workbook: " + report.suppressedCells() + "."
                : "No. Every count is exact."});
        lines.add(new String[] {"", ""});
        lines.add(new String[] {"Rules", ""});
        lines.add(new String[] {"Reached", "A person with at least one encounter dated inside the period, "
                + "counted once however often they were met."});
        lines.add(new String[] {"New / returning", "New: reached, and their first-ever encounter is inside the "
                + "period. Returning: reached, and met before the period too."});
        lines.add(new String[] {"Age", "At the person's first encounter in the period: that year minus the birth "
                + "year. Bands <15, 15-19 ... 45-49, 50+; Unknown when the birth year is not known."});
        lines.add(new String[] {"Sex / gender", "Female (F), Male (M), Transgender (transgender women and men), "
                + "Other or unknown."});
        lines.add(new String[] {"Key population", "FSW includes FEW (female entertainment workers, Cambodia's "
                + "term); MSM; TG; PWID; OTHER."});
        lines.add(new String[] {"KP_PREV", "One status per person reached, the first that applies: Known Positive "
                + "(any encounter up to the end of the period recorded a known positive status); Newly Tested or "
                + "Testing Referred (an encounter in the period recorded tested or referred for a test, or an HIV "
                + "testing referral was made in the period); Declined Testing or Testing Referral (an encounter in "
                + "the period recorded declined); otherwise Test Not Required."});
        lines.add(new String[] {"Sites", "Reached at a site: people met there in the period (someone met at two "
                + "sites counts at both). Coverage % = reached / estimated size x 100; blank when the site has no "
                + "estimate or the count is hidden."});
        lines.add(new String[] {"Commodities", "Sums of the quantities handed out at encounters in the period. "
                + "These are quantities of things, not counts of people, and are never hidden."});
        lines.add(new String[] {"Referrals", "Referrals whose date made is in the period, by service; completed: "
                + "those of them with status completed. Completion % is blank where a count is hidden."});
        lines.add(new String[] {"Incidents", "Safety incidents dated in the period, by type, and those where "
                + "support was given."});
        lines.add(new String[] {"Safeguarding flags", "Safeguarding screens in the period with at least one "
                + "trafficking or child-protection indicator."});
        lines.add(new String[] {"Monthly reach", "People reached in each of the 12 calendar months ending with "
                + "the period's last month (chart on the Summary sheet)."});
        lines.add(new String[] {"Privacy", "This workbook holds counts and sums only: no UIC, no name, no note "
                + "and no row about one person."});
        int r = HEADER_ROW;
        for (String[] kv : lines) {
            XSSFRow row = sheet.createRow(r++);
            XSSFCell k = row.createCell(0);
            k.setCellValue(kv[0]);
            k.setCellStyle(kv[0].equals("Rules") ? st.title : st.bold);
            XSSFCell v = row.createCell(1);
            v.setCellValue(kv[1]);
            v.setCellStyle(st.wrap);
            // spreadsheets do not grow wrapped rows on opening: give each the lines its text needs
            int textLines = Math.max(1, (kv[1].length() + ABOUT_CHARS_PER_LINE - 1) / ABOUT_CHARS_PER_LINE);
            row.setHeightInPoints(textLines * 15f + 2f);
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    /** Column widths from the longest text each column shows (headers included), within reason. */
    private void widths(XSSFSheet sheet, ReportTable t) {
        for (int c = 0; c < t.headers().size(); c++) {
            int chars = t.headers().get(c).length();
            for (List<Cell> row : t.rows()) {
                chars = Math.max(chars, row.get(c).shown(report.mark()).length() + 2);
            }
            // room for the table's filter button beside the header text
            int width = Math.min(48, Math.max(10, chars + 4));
            sheet.setColumnWidth(c, width * 256);
        }
        if (t.name().equals(ReportTables.SUMMARY)) {
            sheet.setColumnWidth(TREND_COLUMN - 1, 4 * 256);
            sheet.setColumnWidth(TREND_COLUMN, 12 * 256);
            sheet.setColumnWidth(TREND_COLUMN + 1, 12 * 256);
        }
    }

    /** The few cell styles of the workbook (an .xlsx has a limit on styles, so they are shared). */
    private static final class Styles {
        final XSSFCellStyle text;
        final XSSFCellStyle count;
        final XSSFCellStyle suppressed;
        final XSSFCellStyle percent;
        final XSSFCellStyle totalText;
        final XSSFCellStyle totalCount;
        final XSSFCellStyle totalSuppressed;
        final XSSFCellStyle totalPercent;
        final XSSFCellStyle header;
        final XSSFCellStyle trendHeader;
        final XSSFCellStyle title;
        final XSSFCellStyle note;
        final XSSFCellStyle bold;
        final XSSFCellStyle wrap;
        final XSSFCellStyle confidential;

        Styles(XSSFWorkbook wb) {
            XSSFFont base = wb.getFontAt(0);
            base.setFontName("Calibri");
            base.setFontHeightInPoints((short) 11);
            XSSFFont boldFont = wb.createFont();
            boldFont.setBold(true);
            XSSFFont headerFont = wb.createFont();
            headerFont.setBold(true);
            headerFont.setColor(IndexedColors.WHITE.getIndex());
            XSSFFont titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            XSSFFont noteFont = wb.createFont();
            noteFont.setItalic(true);
            noteFont.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
            XSSFFont redFont = wb.createFont();
            redFont.setBold(true);
            redFont.setFontHeightInPoints((short) 12);
            redFont.setColor(IndexedColors.DARK_RED.getIndex());
            short countFormat = wb.createDataFormat().getFormat("#,##0");
            short pctFormat = wb.createDataFormat().getFormat("0.0");

            text = wb.createCellStyle();
            text.setFont(base);
            count = wb.createCellStyle();
            count.setFont(base);
            count.setDataFormat(countFormat);
            suppressed = wb.createCellStyle();
            suppressed.setFont(base);
            suppressed.setAlignment(HorizontalAlignment.RIGHT);
            percent = wb.createCellStyle();
            percent.setFont(base);
            percent.setDataFormat(pctFormat);
            totalText = bordered(wb, boldFont);
            totalCount = bordered(wb, boldFont);
            totalCount.setDataFormat(countFormat);
            totalSuppressed = bordered(wb, boldFont);
            totalSuppressed.setAlignment(HorizontalAlignment.RIGHT);
            totalPercent = bordered(wb, boldFont);
            totalPercent.setDataFormat(pctFormat);
            // the table style colours headers in Excel; LibreOffice shows table styles plainly, so say it here too
            header = wb.createCellStyle();
            header.setFont(headerFont);
            header.setFillForegroundColor(new XSSFColor(new byte[] {0x44, 0x72, (byte) 0xC4}, null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(false);
            trendHeader = header;
            title = wb.createCellStyle();
            title.setFont(titleFont);
            note = wb.createCellStyle();
            note.setFont(noteFont);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = wb.createCellStyle();
            wrap.setFont(base);
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            confidential = wb.createCellStyle();
            confidential.setFont(redFont);
        }

        private static XSSFCellStyle bordered(XSSFWorkbook wb, XSSFFont font) {
            XSSFCellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setBorderTop(BorderStyle.THIN);
            return s;
        }
    }
}
