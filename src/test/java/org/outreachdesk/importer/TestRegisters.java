package org.outreachdesk.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Register files for tests, written to disk as teams' tools write them. */
public final class TestRegisters {

    public static final String HEADER = "date,uic,worker,site,gender,birth_year,kp_type,male_condoms,female_condoms,"
            + "lubricants,hiv_self_tests,hiv_status,referrals,notes";

    /** Khmer text for notes ("she came with a friend"). */
    public static final String KHMER_NOTE = "នាងមកជាមួយមិត្តភក្តិ";

    /**
     * A valid register (header + 4 rows, today being 2026-10-20): two people, three encounters of the first
     * (one repeated exactly), one of the second; two referrals; sites KTV-03 and BG-01, workers OW01, OW02.
     */
    public static final List<String> GOOD = List.of(
            HEADER,
            "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,10,2,5,1,tested,HTS;STI,first visit",
            "02/10/2026,soch 215 0398,ow01,ktv-03,F,,FEW,,,,,,,\"" + KHMER_NOTE + "\"",
            "2026-10-05,DAKA2010195,OW02,BG-01,TGW,1995,TG,4,0,2,0,,,",
            "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,10,2,5,1,tested,HTS;STI,first visit");

    private TestRegisters() {
    }

    /** Writes lines joined by {@code eol}, optionally with a UTF-8 byte-order mark. */
    public static Path csv(Path dir, String name, List<String> lines, String eol, boolean bom) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write((String.join(eol, lines) + eol).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** The good register as CSV (BOM, CRLF, as Excel's "CSV UTF-8" writes it). */
    public static Path goodCsv(Path dir) throws IOException {
        return csv(dir, "register.csv", GOOD, "\r\n", true);
    }

    /**
     * An .xlsx register built with POI: real date cells (formatted d/m/yyyy and yyyy-mm-dd), numeric cells
     * for years and quantities, a text date, a Khmer note.
     */
    public static Path goodXlsx(Path dir) throws IOException {
        Path file = dir.resolve("register.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle dmy = wb.createCellStyle();
            dmy.setDataFormat(wb.createDataFormat().getFormat("d/m/yyyy"));
            CellStyle iso = wb.createCellStyle();
            iso.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("Register");
            wb.createSheet("Notes for staff").createRow(0).createCell(0).setCellValue("not the register");
            String[] header = {"Date", "UIC", "Worker", "Site", "Gender", "Age", "KP_Type", "Male_Condoms",
                "Lubricants", "HIV_Status", "Referrals", "Notes"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = {
                {LocalDate.of(2026, 10, 1), "SOCH2150398", "OW01", "KTV-03", "F", 28, "FEW", 10, 5, "tested", "HTS", KHMER_NOTE},
                {LocalDate.of(2026, 10, 3), "daka 201 0195", "OW02", "BG-01", "TGW", 31.0, "TG", 4, null, null, null, null},
                {"2026-10-04", "MEPI1220702", "OW02", "BG-01", "M", null, "MSM", null, 3, "declined", "PREP;LEGAL", null},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(r == 0 ? dmy : iso);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            // a blank row formatted by someone, then nothing: trailing blank rows are ignored
            sheet.createRow(10).createCell(2).setCellValue("");
            wb.write(out);
        }
        return file;
    }
}
