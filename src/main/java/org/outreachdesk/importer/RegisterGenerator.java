package org.outreachdesk.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes synthetic, valid registers for benchmarks and demos: {@code rows} visits of about {@code rows / 4}
 * people over the year before {@code today}, by 20 workers at 60 sites, with quantities, some HIV
 * statuses, referrals and Khmer notes. Every person is an adult (18+) at every visit, and no person is met
 * twice on one day, so the whole register is importable. The same seed gives the same file.
 *
 * <p>{@code .csv} files are written with Commons CSV (UTF-8 with a byte-order mark, CRLF, as Excel's "CSV
 * UTF-8"); {@code .xlsx} files with POI's streaming writer, dates as real date cells and numbers as numeric
 * cells. Nothing in them is real: UICs are random letters and dates.
 */
public final class RegisterGenerator {

    private static final String[] HEADER = {"date", "uic", "worker", "site", "gender", "birth_year", "kp_type",
        "male_condoms", "female_condoms", "lubricants", "hiv_self_tests", "hiv_status", "referrals", "notes"};
    private static final String[] KP = {"FEW", "FEW", "FEW", "FSW", "FSW", "MSM", "TG", "OTHER"};
    private static final String[] HIV = {"tested", "referred_for_test", "declined", "not_required", "known_positive"};
    private static final String[] REFERRALS = {"HTS", "STI", "HTS;STI", "PREP", "FP", "LEGAL", "VIOLENCE"};
    private static final String[] NOTES = {"នាងមកជាមួយមិត្តភក្តិ", "asked about PrEP", "ត្រូវការស្រោមអនាម័យបន្ថែម",
        "new at this venue", "follow up next week"};

    private RegisterGenerator() {
    }

    /** One visit. */
    private record Visit(LocalDate date, String uic, String worker, String site, String gender, int birthYear,
                         String kp, int male, int female, int lube, int tests, String hiv, String referrals,
                         String notes) {
    }

    /**
     * Writes a register of {@code rows} visits to {@code file} (its extension chooses the format).
     *
     * @return the file
     */
    public static Path write(Path file, int rows, LocalDate today, long seed) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv")) {
                writeCsv(file, rows, today, seed);
            } else if (name.endsWith(".xlsx")) {
                writeXlsx(file, rows, today, seed);
            } else {
                throw new IllegalArgumentException("a register is a .csv or an .xlsx file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void writeCsv(Path file, int rows, LocalDate today, long seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            try (CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
                out.printRecord((Object[]) HEADER);
                visits(rows, today, seed, v -> {
                    try {
                        out.printRecord(v.date(), v.uic(), v.worker(), v.site(), v.gender(), v.birthYear(), v.kp(),
                                blankIfZero(v.male()), blankIfZero(v.female()), blankIfZero(v.lube()),
                                blankIfZero(v.tests()), v.hiv(), v.referrals(), v.notes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private static void writeXlsx(Path file, int rows, LocalDate today, long seed) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(true);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = wb.createSheet("Register");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                h.createCell(i).setCellValue(HEADER[i]);
            }
            int[] next = {1};
            visits(rows, today, seed, v -> {
                Row r = sheet.createRow(next[0]++);
                r.createCell(0).setCellValue(v.date());
                r.getCell(0).setCellStyle(date);
                r.createCell(1).setCellValue(v.uic());
                r.createCell(2).setCellValue(v.worker());
                r.createCell(3).setCellValue(v.site());
                r.createCell(4).setCellValue(v.gender());
                r.createCell(5).setCellValue(v.birthYear());
                r.createCell(6).setCellValue(v.kp());
                int[] q = {v.male(), v.female(), v.lube(), v.tests()};
                for (int i = 0; i < q.length; i++) {
                    if (q[i] != 0) {
                        r.createCell(7 + i).setCellValue(q[i]);
                    }
                }
                text(r, 11, v.hiv());
                text(r, 12, v.referrals());
                text(r, 13, v.notes());
            });
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    private static void text(Row r, int col, String v) {
        if (v != null && !v.isEmpty()) {
            r.createCell(col).setCellValue(v);
        }
    }

    private static Object blankIfZero(int n) {
        return n == 0 ? "" : n;
    }

    /** Generates the visits person by person (the order registers are often kept in is by date; both work). */
    private static void visits(int rows, LocalDate today, long seed, Consumer<Visit> sink) {
        Random rnd = new Random(seed);
        int made = 0;
        Set<String> uics = new HashSet<>();
        while (made < rows) {
            int visits = Math.min(1 + rnd.nextInt(7), rows - made);
            // at least 20 years before this year: an adult at every visit of the past year, by any count
            int birthYear = today.getYear() - 20 - rnd.nextInt(32);
            String uic;
            do {
                uic = uic(rnd, birthYear);
            } while (!uics.add(uic));
            String gender = rnd.nextInt(10) == 0 ? "TGW" : "F";
            String kp = gender.equals("TGW") ? "TG" : KP[rnd.nextInt(KP.length)];
            String worker = String.format(Locale.ROOT, "OW%02d", 1 + rnd.nextInt(20));
            String site = String.format(Locale.ROOT, "S-%03d", 1 + rnd.nextInt(60));
            List<Integer> days = new ArrayList<>();
            Set<Integer> used = new HashSet<>();
            while (days.size() < visits) {
                int d = rnd.nextInt(365);
                if (used.add(d)) {
                    days.add(d);
                }
            }
            for (int i = 0; i < visits; i++) {
                // one visit a day per person: every row is its own encounter
                LocalDate date = today.minusDays(days.get(i));
                sink.accept(new Visit(date, uic, worker, rnd.nextInt(5) == 0 ? String.format(Locale.ROOT, "S-%03d",
                        1 + rnd.nextInt(60)) : site, gender, birthYear, kp, rnd.nextInt(4) == 0 ? 0 : 5 * (1 + rnd.nextInt(6)),
                        rnd.nextInt(6) == 0 ? 2 : 0, rnd.nextInt(3) == 0 ? 0 : 5, rnd.nextInt(12) == 0 ? 1 : 0,
                        rnd.nextInt(3) == 0 ? HIV[rnd.nextInt(HIV.length)] : "",
                        rnd.nextInt(10) == 0 ? REFERRALS[rnd.nextInt(REFERRALS.length)] : "",
                        rnd.nextInt(10) == 0 ? NOTES[rnd.nextInt(NOTES.length)] : ""));
                made++;
            }
        }
    }

    /** A random well-formed UIC whose birth date lies in {@code birthYear}. */
    private static String uic(Random rnd, int birthYear) {
        StringBuilder b = new StringBuilder(11);
        for (int i = 0; i < 4; i++) {
            b.append((char) ('A' + rnd.nextInt(26)));
        }
        b.append('2');
        int month = 1 + rnd.nextInt(12);
        int day = 1 + rnd.nextInt(28);
        b.append(String.format(Locale.ROOT, "%02d%02d%02d", day, month, Math.floorMod(birthYear, 100)));
        return b.toString();
    }
}
