package org.outreachdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an {@code .xlsx} register with POI's streaming API ({@link XSSFReader} and a SAX
 * handler over the sheet's XML), so memory does not grow with the number of rows: only the shared-string
 * table (the workbook's distinct texts) is held.
 *
 * <p>Cells are handed over as text the validator reads the same way as CSV:
 * <ul>
 *   <li>a numeric cell whose format is a date format → the date as {@code YYYY-MM-DD} (a time of day is
 *       dropped; 1904-based workbooks are honoured);</li>
 *   <li>another numeric cell → the number without a spurious {@code .0} ({@code 12}, {@code 2.5});</li>
 *   <li>text (shared, inline or a formula's text result) → the text;</li>
 *   <li>booleans → {@code TRUE}/{@code FALSE}; error cells → their error text (e.g. {@code #N/A}).</li>
 * </ul>
 * Formulas give their cached result. Row numbers are the sheet's own ({@code r} attributes), so the numbers
 * in problem reports are those Excel shows even when rows are missing from the file.
 */
final class XlsxRegisterReader implements RegisterReader {

    @Override
    public void read(Path file, RowHandler handler) {
        if (!Files.isRegularFile(file)) {
            throw new RegisterFileException("import.file.missing", "the file does not exist");
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | OpenXML4JRuntimeException | POIXMLException | IllegalArgumentException e) {
            throw notAWorkbook(e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            boolean date1904 = isDate1904(reader);
            SharedStrings strings = reader.getSharedStringsTable();
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new RegisterFileException("import.file.noSheet", "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, styles, date1904, handler));
                xml.parse(new InputSource(sheet));
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | POIXMLException | RecordFormatException | OpenXML4JRuntimeException e) {
            throw notAWorkbook(e);
        } finally {
            // read-only: revert, never save
            pkg.revert();
        }
    }

    private static RegisterFileException notAWorkbook(Exception e) {
        // POI's messages may name parts or quote XML: keep them out of what users and logs see
        return new RegisterFileException("import.file.notXlsx", "the file cannot be read as an Excel workbook (.xlsx); "
                + "save it from Excel as \"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\"", e);
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
    private static boolean isDate1904(XSSFReader reader) throws IOException, InvalidFormatException, SAXException,
            ParserConfigurationException {
        boolean[] found = {false};
        try (InputStream wb = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if ("workbookPr".equals(name(localName, qName))) {
                        String v = atts.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(wb));
        }
        return found[0];
    }

    private static String name(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    /** Turns the sheet's XML into rows of text cells. */
    private static final class SheetHandler extends DefaultHandler {

        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final RowHandler handler;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        private final List<String> cells = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int rowNumber;
        private int column;
        private String type;
        private int style;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private String value;
        private StringBuilder inline;

        SheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, RowHandler handler) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (name(localName, qName)) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells.clear();
                    column = -1;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    column = ref == null ? column + 1 : columnIndex(ref);
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value = null;
                    inline = null;
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> inline = new StringBuilder();
                case "rPh" -> inPhonetic = true;
                case "t" -> {
                    if (inline != null && !inPhonetic) {
                        inInlineText = true;
                        text.setLength(0);
                    }
                }
                default -> {
                    // other elements (formulas, sheet properties, merged cells, …) carry nothing we read
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (name(localName, qName)) {
                case "v" -> {
                    inValue = false;
                    value = text.toString();
                }
                case "t" -> {
                    if (inInlineText) {
                        inInlineText = false;
                        inline.append(text);
                    }
                }
                case "rPh" -> inPhonetic = false;
                case "c" -> put(column, cellText());
                case "row" -> handler.row(rowNumber, new ArrayList<>(cells));
                default -> {
                    // nothing to do
                }
            }
        }

        private void put(int col, String v) {
            if (v == null || v.isEmpty()) {
                return;
            }
            while (cells.size() <= col) {
                cells.add("");
            }
            cells.set(col, v);
        }

        private String cellText() {
            if ("inlineStr".equals(type)) {
                return inline == null ? (value == null ? "" : value) : inline.toString();
            }
            if (value == null) {
                return "";
            }
            if (type == null || "n".equals(type)) {
                return number(value);
            }
            return switch (type) {
                case "s" -> sharedString(value);
                case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
                // ISO 8601 date cells (strict OOXML): keep the date part
                case "d" -> value.length() >= 10 ? value.substring(0, 10) : value;
                // "str" (a formula's text), "e" (an error such as #N/A)
                default -> value;
            };
        }

        private String sharedString(String index) {
            try {
                if (strings == null) {
                    throw new RegisterFileException("import.file.missingTexts", "the workbook refers to texts it does not contain");
                }
                return strings.getItemAt(Integer.parseInt(index.strip())).getString();
            } catch (NumberFormatException | IndexOutOfBoundsException | POIXMLException e) {
                throw new RegisterFileException("import.file.missingTexts", "the workbook refers to texts it does not contain", e);
            }
        }

        private String number(String raw) {
            double d;
            try {
                d = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                return raw;
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return raw;
            }
            if (isDateStyle(style) && DateUtil.isValidExcelDate(d)) {
                LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
                if (t != null) {
                    return t.toLocalDate().toString();
                }
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return new BigDecimal(raw.strip()).stripTrailingZeros().toPlainString();
        }

        private boolean isDateStyle(int index) {
            if (styles == null) {
                return false;
            }
            return dateStyles.computeIfAbsent(index, i -> {
                if (i < 0 || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle cs = styles.getStyleAt(i);
                return cs != null && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString());
            });
        }

        /** Column index of a cell reference such as {@code AB12} (0 = column A). */
        static int columnIndex(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = ref.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    col = col * 26 + (c - 'A' + 1);
                } else if (c >= 'a' && c <= 'z') {
                    col = col * 26 + (c - 'a' + 1);
                } else {
                    break;
                }
            }
            return col - 1;
        }
    }
}
