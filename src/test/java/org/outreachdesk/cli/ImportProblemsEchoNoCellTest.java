package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.vault.TestVaults;

/**
 * Issue 17 item 4: no import problem repeats what a cell holds. Registers whose every cell is a marker (the header
 * row missing, an unknown header, invalid values in every column, a value outside the columns), as CSV and xlsx;
 * neither standard error nor the service's problem list may contain any marker.
 */
class ImportProblemsEchoNoCellTest {

    /** One marker a column, each invalid for its column (codes with spaces, a UIC of the wrong shape…). */
    private static final List<String> MARKERS = List.of("QV7 date mark", "ZQXJ2170777QV", "QV7 worker mark",
            "QV7 site mark", "QV7GENDER", "QV7YEAR", "QV7KPTYPE", "QV7MALE", "QV7FEMALE", "QV7LUBE", "QV7SELFTEST",
            "QV7HIVSECRET", "QV7REFA;QV7REFB", "QV7 a note about someone " + "y".repeat(1001), "QV7OUTSIDE");
    private static final List<String> NEEDLES = List.of("QV7", "ZQXJ", "2170777", "yyyyyyyy", "date mark",
            "worker mark", "site mark", "a note about", "OUTSIDE", "HIVSECRET", "REFA", "REFB");

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private StringWriter out;
    private StringWriter err;

    private String vault() {
        return dir.resolve("vault").toString();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliContext ctx = new CliContext(env, TestVaults.CLOCK, TestWorkspaces.vaults(), null);
        return Cli.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeEach
    void init() {
        env.put("OUTREACH_DESK_PASSWORD", TestWorkspaces.PASSWORD);
        assertThat(run("init", "--vault", vault(), "--org", "Pursat Outreach", "--admin", "admin")).isZero();
    }

    private static String csvLine(List<String> cells) {
        return String.join(",", cells.stream().map(c -> "\"" + c + "\"").toList());
    }

    private List<Path> registers() throws IOException {
        List<Path> files = new ArrayList<>();
        // the header row missing: the first row is a person's data
        files.add(TestRegisters.csv(dir, "headerless.csv", List.of(csvLine(MARKERS), csvLine(MARKERS)), "\r\n", true));
        // a header with an unknown column name, then markers under every column and beyond the last
        String header = TestRegisters.HEADER + ",QV7HEADERSECRET";
        List<String> row = new ArrayList<>(MARKERS);
        row.add("QV7BEYOND");
        files.add(TestRegisters.csv(dir, "markers.csv", List.of(header, csvLine(row)), "\n", false));
        // the same in a workbook, headerless
        Path xlsx = dir.resolve("headerless.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(xlsx)) {
            var sheet = wb.createSheet("Register");
            for (int r = 0; r < 2; r++) {
                Row x = sheet.createRow(r);
                for (int c = 0; c < MARKERS.size(); c++) {
                    x.createCell(c).setCellValue(MARKERS.get(c));
                }
            }
            wb.write(o);
        }
        files.add(xlsx);
        return files;
    }

    private static void assertNoMarker(String text, String where) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (String n : NEEDLES) {
            assertThat(upper).as(where).doesNotContain(n.toUpperCase(Locale.ROOT));
        }
        assertThat(upper).as(where).doesNotContain("BEYOND").doesNotContain("HEADERSECRET");
    }

    @Test
    void noProblemOnStandardErrorRepeatsACell() throws IOException {
        for (Path file : registers()) {
            int code = run("import", file.toString(), "--dry-run", "--vault", vault(), "--user", "admin");
            assertThat(code).as(file.getFileName().toString()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.toString()).as(file.getFileName().toString()).contains("row 1");
            assertNoMarker(err.toString() + out.toString(), file.getFileName().toString());
        }
    }

    @Test
    void noProblemInTheServicesListRepeatsACell() throws IOException {
        try (Workspace ws = TestWorkspaces.vaults().unlock(Path.of(vault()), "admin",
                TestWorkspaces.PASSWORD.toCharArray())) {
            for (Path file : registers()) {
                ImportPlan plan = new ImportService(ws).dryRun(file);
                assertThat(plan.problems()).as(file.getFileName().toString()).isNotEmpty();
                for (ImportProblem p : plan.problems()) {
                    assertNoMarker(p.column() + " | " + p.problem() + " | " + p.expected() + " | " + p.describe(),
                            file.getFileName().toString());
                }
            }
        }
    }

    @Test
    void aMissingHeaderRowIsSaidOnceWithWhatWasExpected() throws IOException {
        try (Workspace ws = TestWorkspaces.vaults().unlock(Path.of(vault()), "admin",
                TestWorkspaces.PASSWORD.toCharArray())) {
            ImportPlan plan = new ImportService(ws).dryRun(registers().get(0));
            assertThat(plan.problems()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo(1);
                assertThat(p.problem()).contains("header row is missing");
                assertThat(p.expected()).contains("date").contains("uic").contains("notes");
            });
        }
    }
}
