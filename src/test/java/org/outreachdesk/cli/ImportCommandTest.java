package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.vault.TestVaults;

/** {@code import FILE [--dry-run]} as IT staff script it: output, exit codes, nothing stored on failure. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliContext ctx = new CliContext(env, TestVaults.CLOCK, TestWorkspaces.vaults(), null);
        return Cli.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private String vault() {
        return dir.resolve("vault").toString();
    }

    @BeforeEach
    void init() {
        env.put("OUTREACH_DESK_PASSWORD", "admin password 1");
        assertThat(run("init", "--vault", vault(), "--org", "Pursat Outreach", "--admin", "admin")).isZero();
    }

    private int importAs(String user, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "import";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--vault";
        all[args.length + 2] = vault();
        all[args.length + 3] = "--user";
        all[args.length + 4] = user;
        return run(all);
    }

    @Test
    void aDryRunPrintsTheSummaryAndStoresNothingThenTheImportStoresItOnce() throws IOException {
        String file = TestRegisters.goodCsv(dir).toString();
        assertThat(importAs("admin", file, "--dry-run")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("rows:        4").contains("contacts:    2 new, 0 matched")
                .contains("encounters:  3 new, 1 already present").contains("referrals:   2 new")
                .contains("sites new:   2 (BG-01, KTV-03)").contains("staff new:   2 (OW01, OW02)");
        assertThat(err.toString()).contains("dry run: nothing was stored");

        assertThat(importAs("admin", file)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("encounters:  3 new, 1 already present");
        assertThat(err.toString()).contains("register imported");

        assertThat(importAs("admin", file)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("contacts:    0 new, 2 matched").contains("encounters:  0 new, 4 already present")
                .contains("sites new:   0");
        // nothing of a row's content reaches the console
        assertThat(out.toString() + err.toString()).doesNotContain("SOCH").doesNotContain("first visit")
                .doesNotContain(TestRegisters.KHMER_NOTE);
    }

    @Test
    void anInvalidRegisterListsEveryProblemOnStandardErrorExitsTwoAndStoresNothing() throws IOException {
        String bad = TestRegisters.csv(dir, "bad.csv", List.of(TestRegisters.HEADER,
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,10,2,5,1,tested,HTS,ok",
                "31/02/2026,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",
                "2026-10-03,DAKA201019,OW02,BG-01,TGW,1995,TG,,,,,,,"), "\n", false).toString();
        assertThat(importAs("admin", bad)).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("row 3, date: is not a real date")
                .contains("row 4, uic: UIC has 10 characters, expected 11")
                .contains("2 problems in 2 rows; nothing was imported")
                .doesNotContain("DAKA");
        assertThat(out.toString()).isEmpty();
        assertThat(importAs("admin", bad, "--dry-run")).isEqualTo(ExitCode.INVALID_INPUT);

        // nothing was stored: the good register still creates everything
        assertThat(importAs("admin", TestRegisters.goodCsv(dir).toString(), "--dry-run")).isZero();
        assertThat(out.toString()).contains("contacts:    2 new, 0 matched");
    }

    @Test
    void anOutreachWorkerIsRefusedWithExitThree() throws IOException {
        env.put("OUTREACH_DESK_NEW_PASSWORD", "worker password");
        assertThat(run("user", "add", "--vault", vault(), "--user", "admin", "--name", "sokha",
                "--role", "outreach-worker")).isZero();
        env.put("OUTREACH_DESK_PASSWORD", "worker password");
        assertThat(importAs("sokha", TestRegisters.goodCsv(dir).toString(), "--dry-run")).isEqualTo(ExitCode.DENIED);
        assertThat(err.toString()).contains("role does not allow this (import)");
    }

    @Test
    void aFileThatIsNoRegisterIsInvalidInputAndAMissingArgumentIsUsage() {
        assertThat(importAs("admin", dir.resolve("none.csv").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("does not exist");
        assertThat(run("import", "--vault", vault(), "--user", "admin")).isEqualTo(ExitCode.USAGE);
    }
}
