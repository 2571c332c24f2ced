package org.outreachdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.common.usermodel.fonts.FontGroup;
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
import org.apache.poi.xddf.usermodel.text.XDDFFont;
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
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.ReportFacts;
import org.outreachdesk.domain.ReportPeriod;

/**
 * Writes a {@link Report} as an Excel workbook (XSSF): one sheet per contract table, each table a real Excel
 * table object named as the contract says, the monthly reach chart on the Summary sheet, and an About sheet.
 * Counts are stored as numbers; suppressed cells as the text {@code <5} (truly 1–4) or {@code x} (hidden to protect another), right-aligned like the numbers. An internal report says CONFIDENTIAL
 * at the top of every sheet, in every printed page's header, and has red sheet tabs.
 *
 * <p>Layout of every table sheet: row 1 a banner (CONFIDENTIAL, or what suppression means), row 2 the title,
 * row 3 organisation and period, row 5 the table's header row, its data below.
 *
 * <p>The texts for people (banner, titles, captions, About, chart title, footer) come from {@link ReportLabels}
 * in English (the default) or Khmer; sheet names, table names, column headers and row labels are the contract
 * and are the same in every language. A Khmer workbook uses a Khmer font ({@link ReportLabels#KHMER_FONT}) in
 * every cell, and taller rows for Khmer's stacked vowels and subscript consonants.
 */
public final class ReportWorkbook {

    /** The first row of every table (0-based: Excel row 5). */
    public static final int HEADER_ROW = 4;
    /** Where the trend data starts on the Summary sheet (column D). */
    public static final int TREND_COLUMN = 3;
    public static final String TREND_MONTH_HEADER = "Month";
    public static final String TREND_VALUE_HEADER = "Reached";
    public static final String CONFIDENTIAL = "CONFIDENTIAL";
    private static final String TABLE_STYLE = "TableStyleMedium2";
    private static final int ABOUT_CHARS_PER_LINE = 110;
    /** Row height of a Khmer workbook (Khmer OS System needs about 1.6 times Calibri's line). */
    private static final float KHMER_ROW_POINTS = 24f;

    private final Report report;
    private final ReportLabels labels;
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Styles st;

    private ReportWorkbook(Report report, ReportLabels labels) {
        this.report = report;
        this.labels = labels;
        this.st = new Styles(wb, labels.fontName());
    }

    /** The workbook of {@code report} with English labels, in memory. The caller closes it. */
    public static XSSFWorkbook create(Report report) {
        return create(report, ReportLabels.english());
    }

    /** The workbook of {@code report} with {@code labels}, in memory. The caller closes it. */
    public static XSSFWorkbook create(Report report, ReportLabels labels) {
        return new ReportWorkbook(report, labels).build();
    }

    /** Writes the workbook of {@code report} with English labels to {@code out} (not closed). */
    public static void write(Report report, OutputStream out) throws IOException {
        write(report, ReportLabels.english(), out);
    }

    /** Writes the workbook of {@code report} with {@code labels} to {@code out} (not closed). */
    public static void write(Report report, ReportLabels labels, OutputStream out) throws IOException {
        XSSFWorkbook wb = create(report, labels);
        try {
            wb.write(out);
        } finally {
            // not close(): closing a workbook made in memory writes the whole package once more, into a buffer
            // thrown away (about a tenth of the workbook's time, ADR 23); revert() lets it go without that
            wb.getPackage().revert();
        }
    }

    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    /**
     * Builds one empty workbook in memory (once per program) and throws it away: the first workbook in a program otherwise pays
     * about 2 s for loading POI and its XML types (measured on these machines). Nothing touches the disk.
     */
    public static void warmUp() {
        if (!WARMED_UP.compareAndSet(false, true)) {
            return;
        }
        ReportPeriod p = ReportPeriod.parse("2026-01");
        ReportFacts none = new ReportFacts(p.start(), p.end(),
                List.of(), List.of(), List.of(), List.of(), 0, List.of());
        Report r = ReportBuilder.build(none, p, ReportAudience.DONOR,
                Suppression.DEFAULT_THRESHOLD, "-", Instant.EPOCH, ZoneOffset.UTC, "-");
        bytes(r, null);
    }

    /** The workbook with English labels as bytes; encrypted with {@code password} unless it is null. */
    public static byte[] bytes(Report report, char[] password) {
        return bytes(report, ReportLabels.english(), password);
    }

    /** The workbook as bytes; encrypted with {@code password} (Excel's agile encryption) unless it is null. */
    public static byte[] bytes(Report report, ReportLabels labels, char[] password) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(64 * 1024);
        try {
            write(report, labels, bos);
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
            Arrays.fill(plain, (byte) 0);
        }
    }

    private XSSFWorkbook build() {
        var props = wb.getProperties().getCoreProperties();
        props.setCreator("Outreach Desk");
        props.setTitle(labels.get("workbook.title", report.period().code(), report.audience().code()));
        if (labels.khmer()) {
            props.setKeywords("language=km");
        }
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
        sheet.getFooter().setLeft(org + labels.get("footer", report.period().code()));
        sheet.getFooter().setRight(labels.get("footer.page"));
        if (labels.khmer()) {
            // Khmer's stacked vowels and subscript consonants need taller rows than Calibri's 15 points
            sheet.setDefaultRowHeightInPoints(KHMER_ROW_POINTS);
        }
        if (!report.suppressed()) {
            sheet.getHeader().setCenter("&B" + labels.get("header.confidential") + "&B");
            sheet.setTabColor(new XSSFColor(new byte[] {(byte) 0xC0, 0, 0}, null));
        }
        banner(sheet);
        return sheet;
    }

    /** Rows 1–3: banner, title, organisation and period. */
    private void banner(XSSFSheet sheet) {
        XSSFRow r0 = sheet.createRow(0);
        XSSFCell b = r0.createCell(0);
        if (report.withheld()) {
            b.setCellValue(labels.get("banner.withheld", report.threshold()));
            b.setCellStyle(st.confidential);
        } else if (report.suppressed()) {
            b.setCellValue(labels.get("banner.donor", report.threshold() - 1, report.mark()));
            b.setCellStyle(st.note);
        } else {
            b.setCellValue(labels.get("banner.internal"));
            b.setCellStyle(st.confidential);
        }
    }

    private void titles(XSSFSheet sheet, String title) {
        XSSFCell t = sheet.createRow(1).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(st.title);
        XSSFCell s = sheet.createRow(2).createCell(0);
        String org = report.organisation().isBlank() ? "" : report.organisation() + " · ";
        s.setCellValue(org + labels.describe(report.period()) + " · "
                + labels.get(report.suppressed() ? "audience.donor" : "audience.internal"));
        s.setCellStyle(st.note);
    }

    /** Writes the table with its header at {@link #HEADER_ROW}; answers the last row used. */
    private int writeTable(XSSFSheet sheet, ReportTable t) {
        titles(sheet, labels.title(t.name()));
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
        // the table's area and columns are written here once: POI's createTable(area) re-reads every header
        // cell once per column it adds (a tenth of the whole workbook's time, ADR 23)
        XSSFTable table = sheet.createTable(null);
        table.setName(t.name());
        table.setDisplayName(t.name());
        CTTable ct = table.getCTTable();
        ct.setRef(area.formatAsString());
        CTTableColumns columns = ct.getTableColumns() != null ? ct.getTableColumns() : ct.addNewTableColumns();
        for (int c = 0; c < t.headers().size(); c++) {
            CTTableColumn column = columns.addNewTableColumn();
            column.setId(c + 1L);
            column.setName(t.headers().get(c));
        }
        columns.setCount(t.headers().size());
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
        return r;
    }

    private void put(XSSFCell cell, Cell value, boolean total) {
        if (value instanceof Cell.Text t) {
            cell.setCellValue(t.text());
            cell.setCellStyle(total ? st.totalText : st.text);
        } else if (value instanceof Cell.Count n) {
            if (n.suppressed()) {
                cell.setCellValue(n.shown(report.mark()));
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
        l.setCellValue(labels.get("trend.caption"));
        l.setCellStyle(st.bold);
        XSSFRow h = sheet.getRow(HEADER_ROW);
        XSSFCell h1 = h.createCell(TREND_COLUMN);
        h1.setCellValue(labels.get("trend.month"));
        h1.setCellStyle(st.trendHeader);
        XSSFCell h2 = h.createCell(TREND_COLUMN + 1);
        h2.setCellValue(labels.get("trend.reached"));
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
        chart.setTitleText(labels.get("chart.title"));
        chart.setTitleOverlay(false);
        chart.getTitle().getOrAddTextProperties().setFontSize(12.0);
        chart.getTitle().getOrAddTextProperties().setBold(true);
        if (labels.khmer()) {
            // Khmer is a "complex script" in DrawingML: name the font for it (and for Latin, for the digits)
            chart.getTitle().getOrAddTextProperties().setFonts(new XDDFFont[] {
                new XDDFFont(FontGroup.COMPLEX_SCRIPT, labels.fontName(), null, null, null),
                new XDDFFont(FontGroup.LATIN, labels.fontName(), null, null, null)});
        }
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
        series.setTitle(labels.get("trend.reached"), new CellReference(sheet.getSheetName(), HEADER_ROW, TREND_COLUMN + 1,
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
        titles(sheet, labels.get("about.title"));
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {labels.get("about.organisation"), report.organisation()});
        lines.add(new String[] {labels.get("about.period"), labels.describe(report.period())});
        lines.add(new String[] {labels.get("about.periodCode"), report.period().code()});
        lines.add(new String[] {labels.get("about.generated"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'")
                .format(report.generatedAt().atZone(report.zone()))});
        lines.add(new String[] {labels.get("about.program"), "Outreach Desk " + report.programVersion()});
        lines.add(new String[] {labels.get("about.audience"),
            labels.get(report.suppressed() ? "about.audience.donor" : "about.audience.internal")});
        lines.add(new String[] {labels.get("about.suppressed"), report.suppressed()
                ? labels.get("about.suppressed.yes", report.threshold() - 1, report.mark(), report.suppressedCells(),
                        report.protectiveCells())
                : labels.get("about.suppressed.no")});
        if (report.suppressed()) {
            if (report.withheld()) {
                lines.add(new String[] {labels.get("about.withheld"),
                    labels.get("about.withheld.text", report.threshold(), report.mark())});
            }
            lines.add(new String[] {labels.get("about.audit"), labels.get("about.audit.text", report.auditCells())});
            lines.add(new String[] {labels.get("about.periods"), labels.get("about.periods.text")});
        }
        if (labels.khmer()) {
            lines.add(new String[] {labels.get("about.language"), labels.get("about.language.text")});
        }
        lines.add(new String[] {"", ""});
        lines.add(new String[] {labels.get("about.rules"), null});
        for (String rule : ReportLabels.RULES) {
            lines.add(new String[] {labels.get("about.rule." + rule), labels.get("about.rule." + rule + ".text")});
        }
        if (labels.khmer()) {
            // the contract's words stay English in the tables; say here what they mean
            lines.add(new String[] {"", ""});
            lines.add(new String[] {labels.get("about.terms"), null});
            for (String term : ReportLabels.terms()) {
                lines.add(new String[] {term, labels.term(term)});
            }
        }
        int r = HEADER_ROW;
        float lineHeight = labels.khmer() ? KHMER_ROW_POINTS : 15f;
        for (String[] kv : lines) {
            XSSFRow row = sheet.createRow(r++);
            XSSFCell k = row.createCell(0);
            k.setCellValue(kv[0]);
            boolean heading = kv[1] == null;
            k.setCellStyle(heading ? st.title : st.bold);
            String value = heading ? "" : kv[1];
            XSSFCell v = row.createCell(1);
            v.setCellValue(value);
            v.setCellStyle(st.wrap);
            // spreadsheets do not grow wrapped rows on opening: give each the lines its text needs
            int textLines = Math.max(1, (value.length() + ABOUT_CHARS_PER_LINE - 1) / ABOUT_CHARS_PER_LINE);
            row.setHeightInPoints(heading ? lineHeight + 6f : textLines * lineHeight + 2f);
        }
        sheet.setColumnWidth(0, (labels.khmer() ? 34 : 24) * 256);
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

        Styles(XSSFWorkbook wb, String fontName) {
            XSSFFont base = wb.getFontAt(0);
            base.setFontName(fontName);
            base.setFontHeightInPoints((short) 11);
            XSSFFont boldFont = font(wb, fontName);
            boldFont.setBold(true);
            XSSFFont headerFont = font(wb, fontName);
            headerFont.setBold(true);
            headerFont.setColor(IndexedColors.WHITE.getIndex());
            XSSFFont titleFont = font(wb, fontName);
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            XSSFFont noteFont = font(wb, fontName);
            // Khmer has no italics: a slanted Khmer line is only harder to read
            noteFont.setItalic(!ReportLabels.KHMER_FONT.equals(fontName));
            noteFont.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
            XSSFFont redFont = font(wb, fontName);
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

        private static XSSFFont font(XSSFWorkbook wb, String name) {
            XSSFFont f = wb.createFont();
            f.setFontName(name);
            return f;
        }

        private static XSSFCellStyle bordered(XSSFWorkbook wb, XSSFFont font) {
            XSSFCellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setBorderTop(BorderStyle.THIN);
            return s;
        }
    }
}
