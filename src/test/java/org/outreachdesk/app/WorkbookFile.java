package org.outreachdesk.app;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A saved report workbook read back from disk with POI, as a donor's script reads it: each named Excel table as
 * its header names and rows of what the cells hold (a number as {@link Double}, text as {@link String}, blank as
 * null). Knows nothing of the program's report model.
 */
final class WorkbookFile {

    /** One table: its columns in order, and its rows by the text of their first cell. */
    record Table(String name, List<String> columns, Map<String, List<Object>> rows) {
        Object get(String row, String column) {
            List<Object> r = rows.get(row);
            if (r == null) {
                throw new AssertionError("table " + name + " has no row " + row);
            }
            int c = columns.indexOf(column);
            if (c < 0) {
                throw new AssertionError("table " + name + " has no column " + column);
            }
            return r.get(c);
        }
    }

    final Map<String, Table> tables = new LinkedHashMap<>();
    final Map<String, String> aboutText = new LinkedHashMap<>();
    String banner;

    static WorkbookFile read(Path file) throws Exception {
        WorkbookFile out = new WorkbookFile();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                if (i == 0) {
                    out.banner = sheet.getRow(0).getCell(0).getStringCellValue();
                }
                for (XSSFTable t : sheet.getTables()) {
                    out.tables.put(t.getName(), table(sheet, t));
                }
                if (sheet.getSheetName().equals("About")) {
                    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                        XSSFRow row = sheet.getRow(r);
                        if (row != null && row.getCell(0) != null && row.getCell(1) != null) {
                            out.aboutText.put(row.getCell(0).toString(), row.getCell(1).toString());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Table table(XSSFSheet sheet, XSSFTable t) {
        int first = t.getStartColIndex();
        int last = t.getEndColIndex();
        List<String> columns = new ArrayList<>();
        for (int c = first; c <= last; c++) {
            columns.add(sheet.getRow(t.getStartRowIndex()).getCell(c).getStringCellValue());
        }
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
            List<Object> values = new ArrayList<>();
            for (int c = first; c <= last; c++) {
                values.add(value(sheet.getRow(r).getCell(c)));
            }
            rows.put(String.valueOf(values.get(0)), values);
        }
        return new Table(t.getName(), columns, rows);
    }

    private static Object value(XSSFCell c) {
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC) {
            return c.getNumericCellValue();
        }
        return c.getStringCellValue();
    }

    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new AssertionError("no table " + name);
        }
        return t;
    }
}
