package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ReportFixture;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.vault.TestVaults;

/** {@code report --labels en|km}: an extra option beside the contract's; English without it. */
class ReportLabelsCommandTest {

    @TempDir
    Path dir;

    private StringWriter err;

    @BeforeEach
    void vault() {
        try (Workspace admin = TestWorkspaces.admin(dir.resolve("vault"))) {
            ReportFixture.insert(admin);
        }
    }

    private int run(String... args) {
        err = new StringWriter();
        CliContext ctx = new CliContext(Map.of("OUTREACH_DESK_PASSWORD", TestWorkspaces.PASSWORD), TestVaults.CLOCK,
                TestWorkspaces.vaults(), null);
        String[] all = new String[args.length + 5];
        all[0] = "report";
        all[1] = "--vault";
        all[2] = dir.resolve("vault").toString();
        all[3] = "--user";
        all[4] = "admin";
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.commandLine(ctx, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(all);
    }

    private static String title(Path p) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(p))) {
            assertThat(wb.getSheet("Summary").getTables().get(0).getName()).isEqualTo("Summary");
            return wb.getSheet("Summary").getRow(1).getCell(0).getStringCellValue();
        }
    }

    @Test
    void khmerLabelsOnAskingAndEnglishOtherwise() throws Exception {
        Path km = dir.resolve("km.xlsx");
        assertThat(run("--period", "2026-10", "--audience", "donor", "--labels", "km", "--out", km.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("report saved").contains("labels km");
        assertThat(title(km)).isEqualTo("សេចក្តីសង្ខេបនៃរយៈពេល");

        Path en = dir.resolve("en.xlsx");
        assertThat(run("--period", "2026-10", "--audience", "donor", "--out", en.toString())).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).doesNotContain("labels");
        assertThat(title(en)).isEqualTo("Summary of the period");

        Path en2 = dir.resolve("en2.xlsx");
        assertThat(run("--period", "2026-10", "--audience", "donor", "--labels", "EN", "--out", en2.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(title(en2)).isEqualTo("Summary of the period");
    }

    @Test
    void anUnknownLabelsLanguageIsInvalidInputAndWritesNothing() {
        Path out = dir.resolve("fr.xlsx");
        assertThat(run("--period", "2026-10", "--audience", "donor", "--labels", "fr", "--out", out.toString()))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("fr").contains("en, km");
        assertThat(out).doesNotExist();
    }
}
