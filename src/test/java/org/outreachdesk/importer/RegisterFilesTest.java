package org.outreachdesk.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.domain.ImportProblemCode;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.ServiceType;

/** Reading and checking register files written to disk, without a vault. */
class RegisterFilesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @TempDir
    Path dir;

    private ParsedRegister read(Path file) {
        return RegisterFiles.read(file, TODAY);
    }

    private ParsedRegister csv(String... lines) throws IOException {
        return read(TestRegisters.csv(dir, "r.csv", List.of(lines), "\n", false));
    }

    private static List<ImportProblem> problems(ParsedRegister r) {
        return r.problems().sorted();
    }

    @Test
    void csvWithBomAndCrlfIsReadAndUnderstood() throws IOException {
        ParsedRegister r = read(TestRegisters.goodCsv(dir));
        assertThat(problems(r)).isEmpty();
        assertThat(r.dataRows()).isEqualTo(4);
        assertThat(r.sha256()).hasSize(64);
        RegisterRow first = r.rows().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(first.uic().value()).isEqualTo("SOCH2150398");
        assertThat(first.worker()).isEqualTo("OW01");
        assertThat(first.site()).isEqualTo("KTV-03");
        assertThat(first.gender()).isEqualTo(Gender.F);
        assertThat(first.birthYear()).isEqualTo(1998);
        assertThat(first.kpType()).isEqualTo(KpType.FEW);
        assertThat(first.quantities()).isEqualTo(new Encounter.Quantities(10, 2, 5, 1));
        assertThat(first.hivStatus()).isEqualTo(HivStatus.TESTED);
        assertThat(first.referrals()).containsExactlyInAnyOrder(ServiceType.HTS, ServiceType.STI);
        assertThat(first.notes()).isEqualTo("first visit");
    }

    @Test
    void ddmmyyyyLowerCaseCodesSpacedUicBlankQuantitiesAndKhmerNotes() throws IOException {
        RegisterRow second = read(TestRegisters.goodCsv(dir)).rows().get(1);
        assertThat(second.row()).isEqualTo(3);
        assertThat(second.date()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(second.uic().value()).isEqualTo("SOCH2150398");
        assertThat(second.worker()).isEqualTo("OW01");
        assertThat(second.site()).isEqualTo("KTV-03");
        assertThat(second.quantities()).isEqualTo(Encounter.Quantities.NONE);
        assertThat(second.hivStatus()).isNull();
        assertThat(second.referrals()).isEmpty();
        assertThat(second.birthYear()).isNull();
        assertThat(second.notes()).isEqualTo(TestRegisters.KHMER_NOTE);
    }

    @Test
    void lfWithoutBomAndHeadersInAnyCaseAndOrder() throws IOException {
        ParsedRegister r = csv("KP_Type,Notes,SITE,Date,Worker,uic,Birth Year,GENDER,Male_Condoms",
                "FSW,,KTV-01,2026-09-30,OW09,SOCH2150398,1990,F,3");
        assertThat(problems(r)).isEmpty();
        RegisterRow row = r.rows().get(0);
        assertThat(row.kpType()).isEqualTo(KpType.FSW);
        assertThat(row.date()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(row.birthYear()).isEqualTo(1990);
        assertThat(row.quantities().maleCondoms()).isEqualTo(3);
    }

    @Test
    void ageGivesTheBirthYearFromTheVisitYear() throws IOException {
        ParsedRegister r = csv("date,uic,worker,site,gender,age,kp_type", "2026-01-15,SOCH2150398,OW1,S1,F,25,FEW");
        assertThat(problems(r)).isEmpty();
        assertThat(r.rows().get(0).birthYear()).isEqualTo(2001);
    }

    @Test
    void blankTrailingAndInteriorRowsAreSkippedAndRowNumbersStayTheSpreadsheets() throws IOException {
        ParsedRegister r = csv("date,uic,worker,site,gender,kp_type",
                "2026-10-01,SOCH2150398,OW1,S1,F,FEW",
                ",,,,,",
                "2026-10-02,SOCH2150398,OW1,S1,F,FEW",
                "",
                ",,,  ,,",
                "");
        assertThat(problems(r)).isEmpty();
        assertThat(r.dataRows()).isEqualTo(2);
        assertThat(r.blankRows()).isEqualTo(1);
        assertThat(r.rows()).extracting(RegisterRow::row).containsExactly(2, 4);
    }

    @Test
    void aQuotedNoteOverSeveralLinesIsOneRow() throws IOException {
        ParsedRegister r = csv("date,uic,worker,site,gender,kp_type,notes",
                "2026-10-01,SOCH2150398,OW1,S1,F,FEW,\"line one,\nline two\"",
                "2026-10-32,SOCH2150398,OW1,S1,F,FEW,");
        assertThat(r.rows().get(0).notes()).isEqualTo("line one,\nline two");
        assertThat(problems(r)).extracting(ImportProblem::row, ImportProblem::column).containsExactly(tuple(3, "date"));
    }

    @Test
    void everyKindOfBadValueIsReportedWithItsRowAndColumn() throws IOException {
        ParsedRegister r = csv(TestRegisters.HEADER,
                "31/02/2026,SOCH2150398,OW01,KTV-03,F,1998,FEW,1,,,,,,",        // 2: impossible date
                "2026-10-01,SOCH215039,OW01,KTV-03,F,1998,FEW,1,,,,,,",          // 3: UIC too short
                "2026-10-01,SOCH2150398,OW01,KTV-03,X,1998,FEW,1,,,,,,",         // 4: unknown gender code
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,-5,,,,,,",        // 5: negative number
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,2.5,,,,,,",       // 6: not whole
                "2026-12-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",          // 7: future
                "2026-10-01,SOCH2150398,OW 01!,KTV-03,F,1998,FEW,,,,,,,",        // 8: bad worker code
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,SW,,,,,,,",           // 9: unknown KP type
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,positive,,",  // 10: unknown HIV status
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,HTS;CLINIC,", // 11: unknown service
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,2010,FSW,,,,,,,",          // 12: under 18 as FSW
                "3/10/26,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",             // 13: two-digit year
                "2026-13-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",          // 14: no such month
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,98,FEW,,,,,,,");           // 15: two-digit birth year
        assertThat(problems(r)).extracting(ImportProblem::row, ImportProblem::column).containsExactly(
                tuple(2, "date"), tuple(3, "uic"), tuple(4, "gender"), tuple(5, "male_condoms"),
                tuple(6, "male_condoms"), tuple(7, "date"), tuple(8, "worker"), tuple(9, "kp_type"),
                tuple(10, "hiv_status"), tuple(11, "referrals"), tuple(12, "kp_type"), tuple(13, "date"),
                tuple(14, "date"), tuple(15, "birth_year"));
        assertThat(problems(r)).extracting(ImportProblem::code).containsExactly(
                ImportProblemCode.NO_SUCH_DAY, ImportProblemCode.UIC_INVALID, ImportProblemCode.UNKNOWN_CODE,
                ImportProblemCode.NEGATIVE, ImportProblemCode.NOT_WHOLE, ImportProblemCode.DATE_FUTURE,
                ImportProblemCode.UNKNOWN_CODE, ImportProblemCode.UNKNOWN_CODE, ImportProblemCode.UNKNOWN_CODE,
                ImportProblemCode.UNKNOWN_CODE, ImportProblemCode.CHILD_AS_SEX_WORKER, ImportProblemCode.TWO_DIGIT_YEAR,
                ImportProblemCode.NO_SUCH_MONTH, ImportProblemCode.BIRTH_YEAR_NOT_A_YEAR);
        List<ImportProblem> p = problems(r);
        // the words say what is wrong without repeating the cell
        assertThat(p.get(1).problem()).isEqualTo("UIC has 10 characters, expected 11");
        assertThat(p.get(2).expected()).contains("F, M, TGW, TGM, O, U");
        assertThat(p.get(9).problem()).isEqualTo("item 2 is not a service code");
        assertThat(p.get(10).expected()).contains("safeguarding").contains("1288");
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void theUicsBirthDateAlsoMakesAMinor() throws IOException {
        // born 15/03/2010 per the UIC: 16 at the visit, no birth year given
        ParsedRegister r = csv("date,uic,worker,site,gender,kp_type", "2026-10-01,SRLY2150310,OW1,S1,F,FEW",
                "2026-10-01,SRLY2150310,OW1,S2,F,OTHER");
        assertThat(problems(r)).extracting(ImportProblem::row, ImportProblem::column).containsExactly(tuple(2, "kp_type"));
        assertThat(r.rows()).extracting(RegisterRow::row).containsExactly(3);
    }

    @Test
    void problemsNeverRepeatSensitiveValues() throws IOException {
        String note = "x".repeat(1001);
        ParsedRegister r = csv(TestRegisters.HEADER,
                "2026-10-01,ZZQQ2150398X,OW01,KTV-03,F,1998,FEW,,,,,hiv_pos_secret,VIOLENCE;SECRETSVC," + note);
        List<ImportProblem> p = problems(r);
        assertThat(p).extracting(ImportProblem::column).containsExactly("uic", "hiv_status", "referrals", "notes");
        for (ImportProblem each : p) {
            assertThat(each.describe()).doesNotContain("ZZQQ").doesNotContain("hiv_pos_secret")
                    .doesNotContain("SECRETSVC").doesNotContain("xxxxx");
        }
    }

    @Test
    void missingRequiredAndUnknownAndRepeatedColumnsAreHeaderProblems() throws IOException {
        ParsedRegister r = csv("date,uic,worker,gender,kp_type,phone,Date", "2026-10-01,SOCH2150398,OW1,F,FEW,012,");
        assertThat(problems(r)).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                .containsExactly(
                        tuple(1, "date", ImportProblemCode.COLUMN_TWICE),
                        tuple(1, "column F", ImportProblemCode.UNKNOWN_COLUMN),
                        tuple(1, "site", ImportProblemCode.COLUMN_MISSING),
                        tuple(2, "column F", ImportProblemCode.VALUE_WITHOUT_HEADER));
        assertThat(problems(r).get(0).problem()).contains("columns A and G");
    }

    @Test
    void semicolonSeparatedFilesAreNamedAsSuch() throws IOException {
        ParsedRegister r = csv("date;uic;worker;site;gender;kp_type", "2026-10-01;SOCH2150398;OW1;S1;F;FEW");
        assertThat(problems(r)).extracting(ImportProblem::code).containsExactly(ImportProblemCode.WRONG_SEPARATOR);
        assertThat(problems(r)).extracting(ImportProblem::problem).first().asString().contains("';'");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreProblems() throws IOException {
        assertThat(problems(csv(""))).extracting(ImportProblem::row, ImportProblem::code)
                .containsExactly(tuple(1, ImportProblemCode.FILE_EMPTY));
        assertThat(problems(csv(TestRegisters.HEADER))).extracting(ImportProblem::row, ImportProblem::code)
                .containsExactly(tuple(2, ImportProblemCode.NO_ROWS));
    }

    @Test
    void textThatIsNotUtf8IsRefusedNotGuessed() throws IOException {
        Path file = dir.resolve("ansi.csv");
        Files.write(file, ("date,uic,worker,site,gender,kp_type,notes\n2026-10-01,SOCH2150398,OW1,S1,F,FEW,caf\u00e9\n")
                .getBytes(Charset.forName("windows-1252")));
        assertThatThrownBy(() -> read(file)).isInstanceOf(RegisterFileException.class)
                .hasMessageContaining("not UTF-8").hasMessageContaining("line 2");
    }

    @Test
    void otherFilesAreRefused() throws IOException {
        assertThatThrownBy(() -> read(Files.writeString(dir.resolve("r.txt"), "x")))
                .isInstanceOf(RegisterFileException.class).hasMessageContaining(".csv or an .xlsx");
        assertThatThrownBy(() -> read(Files.writeString(dir.resolve("fake.xlsx"), "date,uic\n")))
                .isInstanceOf(RegisterFileException.class).hasMessageContaining("Excel workbook");
        assertThatThrownBy(() -> read(dir.resolve("missing.csv")))
                .isInstanceOf(RegisterFileException.class).hasMessageContaining("does not exist");
    }

    @Test
    void xlsxDateCellsNumericCellsAndTextAreUnderstood() throws IOException {
        ParsedRegister r = read(TestRegisters.goodXlsx(dir));
        assertThat(problems(r)).isEmpty();
        assertThat(r.dataRows()).isEqualTo(3);
        assertThat(r.rows()).extracting(RegisterRow::row, RegisterRow::date, RegisterRow::birthYear).containsExactly(
                tuple(2, LocalDate.of(2026, 10, 1), 1998),
                tuple(3, LocalDate.of(2026, 10, 3), 1995),
                tuple(4, LocalDate.of(2026, 10, 4), null));
        RegisterRow first = r.rows().get(0);
        assertThat(first.quantities()).isEqualTo(new Encounter.Quantities(10, 0, 5, 0));
        assertThat(first.notes()).isEqualTo(TestRegisters.KHMER_NOTE);
        assertThat(r.rows().get(1).uic().value()).isEqualTo("DAKA2010195");
        assertThat(r.rows().get(2).referrals()).isEqualTo(EnumSet.of(ServiceType.PREP, ServiceType.LEGAL));
        assertThat(r.rows().get(2).hivStatus()).isEqualTo(HivStatus.DECLINED);
    }

    @Test
    void xlsxProblemsCarryTheSheetsRowNumbersAndNumbersAreNotTakenForDates() throws IOException {
        Path file = dir.resolve("bad.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet();
            String[] header = {"date", "uic", "worker", "site", "gender", "kp_type", "lubricants"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row a = s.createRow(1);
            a.createCell(0).setCellValue(46296); // a serial number without a date format: not guessed
            fill(a, "SOCH2150398", "OW1", "S1", "F", "FEW");
            a.createCell(6).setCellValue(1.5);
            Row b = s.createRow(6); // rows 3-6 missing from the file
            b.createCell(0).setCellValue("2026-10-01");
            fill(b, "SOCH2150398", "OW1", "S1", "F", "FEW");
            b.createCell(6).setCellValue(-2);
            wb.write(out);
        }
        ParsedRegister r = read(file);
        assertThat(problems(r)).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                .containsExactly(
                        tuple(2, "date", ImportProblemCode.NOT_A_DATE),
                        tuple(2, "lubricants", ImportProblemCode.NOT_WHOLE),
                        tuple(7, "lubricants", ImportProblemCode.NEGATIVE));
    }

    private static void fill(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i + 1).setCellValue(values[i]);
        }
    }

    @Test
    void aRegisterWithManyBadRowsListsThemAll() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("date,uic,worker,site,gender,kp_type");
        for (int i = 0; i < 500; i++) {
            lines.add("2026-02-30,SOCH2150398,OW1,S1,F,FEW");
        }
        ParsedRegister r = read(TestRegisters.csv(dir, "many.csv", lines, "\r\n", false));
        assertThat(r.problemCount()).isEqualTo(500);
        assertThat(problems(r)).extracting(ImportProblem::row).startsWith(2, 3, 4).endsWith(501);
    }
}
