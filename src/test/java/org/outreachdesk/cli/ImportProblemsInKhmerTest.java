package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.vault.TestVaults;

/**
 * {@code import} for a user whose language is Khmer: each problem's words are Khmer, the line's frame
 * ({@code row N, column: … (expected: …)}), the count line and the exit code are as DOMAIN.md says.
 */
class ImportProblemsInKhmerTest {

    @TempDir
    Path dir;

    @Test
    void aKhmerUserReadsTheProblemsInKhmer() throws Exception {
        Path vault = dir.resolve("vault");
        try (Workspace ws = TestWorkspaces.admin(vault)) {
            new UserService(ws).setOwnLanguage("km");
        }
        Path bad = TestRegisters.csv(dir, "bad.csv", List.of(TestRegisters.HEADER,
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,10,2,5,1,tested,HTS,ok",
                "31/02/2026,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",
                "2026-10-03,DAKA201019,OW02,BG-01,TGW,1995,TG,-3,,,,,,"), "\n", false);
        Map<String, String> env = new HashMap<>();
        env.put("OUTREACH_DESK_PASSWORD", TestWorkspaces.PASSWORD);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, TestVaults.CLOCK, TestWorkspaces.vaults(), null);
        int code = Cli.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("import", bad.toString(), "--vault", vault.toString(), "--user", "admin");

        assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString())
                .contains("row 3, date: មិនមែនជាកាលបរិច្ឆេទពិតទេ៖ ថ្ងៃនេះមិនមាននៅក្នុងខែនោះទេ (expected: "
                        + "កាលបរិច្ឆេទ YYYY-MM-DD ឬ DD/MM/YYYY មិនលើសពីថ្ងៃនេះ)")
                .contains("row 4, uic: UIC មាន 10 តួអក្សរ ត្រូវការ 11 (expected: ")
                .contains("row 4, male_condoms: ជាលេខអវិជ្ជមាន (expected: ចំនួនគត់ពី 0 ដល់ 100000៖ ទុកទទេមានន័យថា 0)")
                .contains("3 problems in 2 rows; nothing was imported")
                .doesNotContain("DAKA");
    }
}
