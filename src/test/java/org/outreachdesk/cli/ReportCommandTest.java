package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ReportFixture;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.vault.TestVaults;

/** {@code report} as IT staff script it: the contract's options, passwords from the environment, exit codes. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private StringWriter err;

    @BeforeEach
    void vault() {
        try (Workspace admin = TestWorkspaces.admin(vaultDir())) {
            UserService users = new UserService(admin);
            users.add("manager", Role.MANAGER, TestWorkspaces.PASSWORD.toCharArray());
            users.add("coordinator", Role.COORDINATOR, TestWorkspaces.PASSWORD.toCharArray());
            users.add("worker", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            ReportFixture.insert(admin);
        }
        env.put("OUTREACH_DESK_PASSWORD", TestWorkspaces.PASSWORD);
    }

    private Path vaultDir() {
        return dir.resolve("vault");
    }

    private int run(String user, String... args) {
        err = new StringWriter();
        CliContext ctx = new CliContext(env, TestVaults.CLOCK, TestWorkspaces.vaults(), null);
        String[] all = new String[args.length + 5];
        all[0] = "report";
        all[1] = "--vault";
        all[2] = vaultDir().toString();
        all[3] = "--user";
        all[4] = user;
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.commandLine(ctx, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(all);
    }

    private Path out(String name) {
        return dir.resolve(name);
    }

    @Test
    void aCoordinatorSavesTheDonorReport() throws Exception {
        assertThat(run("coordinator", "--period", "2026-10", "--audience", "donor", "--out", out("r.xlsx").toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("report saved").contains("2026-10").contains("donor")
                .contains("cells hidden (<5 or x)").doesNotContain(ReportFixture.UICS[0]);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out("r.xlsx")))) {
            assertThat(wb.getSheet("KP_PREV").getTables().get(0).getName()).isEqualTo("KP_PREV");
        }
    }

    @Test
    void aCoordinatorAskingForTheInternalReportExitsWithThreeAndNothingIsWritten() {
        assertThat(run("coordinator", "--period", "2026-10", "--audience", "internal", "--out", out("i.xlsx").toString()))
                .isEqualTo(ExitCode.DENIED);
        assertThat(err.toString()).contains("role does not allow");
        assertThat(out("i.xlsx")).doesNotExist();
    }

    @Test
    void anOutreachWorkerGetsNoReportAndAManagerGetsTheInternalOne() {
        assertThat(run("worker", "--period", "2026", "--audience", "donor", "--out", out("w.xlsx").toString()))
                .isEqualTo(ExitCode.DENIED);
        assertThat(run("manager", "--period", "2026-Q4", "--audience", "internal", "--out", out("m.xlsx").toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(out("m.xlsx")).exists();
        assertThat(run("manager", "--period", "2026-H2", "--audience", "INTERNAL", "--out", out("h.xlsx").toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(run("manager", "--from", "2026-10-01", "--to", "2026-10-15", "--audience", "internal", "--out",
                out("c.xlsx").toString())).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("2026-10-01..2026-10-15");
    }

    @Test
    void aDonorReportForCustomDatesIsRefusedWithTwoAndNothingIsWritten() {
        // issue 17: one day's donor workbook showed one person's every attribute
        assertThat(run("coordinator", "--from", "2026-10-03", "--to", "2026-10-03", "--audience", "donor", "--out",
                out("day.xlsx").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("whole periods only").contains("--audience internal");
        assertThat(out("day.xlsx")).doesNotExist();
    }

    @Test
    void nationalFormatsForManagersOnlyAndBadMappingsExitWithTwoNamingTheLine() throws Exception {
        Path mapping = out("mapping.csv");
        Files.writeString(mapping, "data_set,DS\norg_unit,OU\nSummary,Encounters,Value,DE_ENC\n");
        assertThat(run("coordinator", "--period", "2026-10", "--format", "adx", "--mapping", mapping.toString(),
                "--out", out("c.xml").toString())).isEqualTo(ExitCode.DENIED);
        assertThat(out("c.xml")).doesNotExist();

        assertThat(run("manager", "--period", "2026-10", "--format", "dhis2-json", "--mapping", mapping.toString(),
                "--out", out("m.json").toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out("m.json"))).contains("\"period\" : \"202610\"").contains("\"value\" : \"8\"");
        assertThat(err.toString()).contains("dhis2-json saved").contains("1 values").contains("not mapped")
                .contains("ReachByAgeSex: <15/Female").doesNotContain(ReportFixture.UICS[0]);

        Files.writeString(mapping, "data_set,DS\norg_unit,OU\n# ok so far\nSummary,Encounters,Value,DE_ENC\n"
                + "KP_PREV,FSW,Tested,DE_X\n");
        assertThat(run("manager", "--period", "2026-10", "--format", "adx", "--mapping", mapping.toString(),
                "--out", out("bad.xml").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("mapping line 5");
        assertThat(out("bad.xml")).doesNotExist();

        assertThat(run("manager", "--period", "2026-10", "--format", "adx", "--out", out("n.xml").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(run("manager", "--period", "2026-10", "--format", "adx", "--audience", "donor", "--mapping",
                mapping.toString(), "--out", out("n.xml").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(run("manager", "--period", "2026-10", "--format", "csv", "--mapping", mapping.toString(),
                "--out", out("n.xml").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(out("n.xml")).doesNotExist();
    }

    @Test
    void aWrongPasswordExitsWithThree() {
        env.put("OUTREACH_DESK_PASSWORD", "not the password");
        assertThat(run("manager", "--period", "2026-10", "--audience", "donor", "--out", out("r.xlsx").toString()))
                .isEqualTo(ExitCode.DENIED);
    }

    @Test
    void usageErrorsExitWithOne() {
        assertThat(run("manager", "--audience", "donor", "--out", out("r.xlsx").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--period");
        assertThat(run("manager", "--period", "2026-10", "--from", "2026-10-01", "--to", "2026-10-31",
                "--audience", "donor", "--out", out("r.xlsx").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("not both");
        assertThat(run("manager", "--from", "2026-10-01", "--audience", "donor", "--out", out("r.xlsx").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(run("manager", "--period", "2026-10", "--out", out("r.xlsx").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(run("manager", "--period", "2026-10", "--audience", "donor")).isEqualTo(ExitCode.USAGE);
        assertThat(out("r.xlsx")).doesNotExist();
    }

    @Test
    void valuesThatCannotBeUsedExitWithTwo() {
        assertThat(run("manager", "--period", "2026-13", "--audience", "donor", "--out", out("r.xlsx").toString()))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("month must be 01 to 12");
        assertThat(run("manager", "--from", "2026-10-01", "--to", "1 Nov", "--audience", "donor", "--out",
                out("r.xlsx").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("manager", "--from", "2026-10-31", "--to", "2026-10-01", "--audience", "donor", "--out",
                out("r.xlsx").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("manager", "--period", "2026-10", "--audience", "press", "--out", out("r.xlsx").toString()))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("donor, internal");
        assertThat(run("manager", "--period", "2026-10", "--audience", "donor", "--out", out("r.csv").toString()))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(out("r.xlsx")).doesNotExist();
    }

    @Test
    void encryptTakesThePasswordFromTheEnvironment() throws Exception {
        env.put("OUTREACH_DESK_EXPORT_PASSWORD", "send to donor 42");
        assertThat(run("manager", "--period", "2026-10", "--audience", "donor", "--out", out("e.xlsx").toString(),
                "--encrypt")).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("password-protected");
        assertOpensOnlyWith(out("e.xlsx"), "send to donor 42");
    }

    @Test
    void encryptTakesThePasswordFromAFileWhenTheVariableIsUnset() throws Exception {
        Path pwd = Files.writeString(dir.resolve("export.txt"), "from a file 2026\n");
        assertThat(run("manager", "--period", "2026-10", "--audience", "donor", "--out", out("f.xlsx").toString(),
                "--encrypt", "--export-password-file", pwd.toString())).isEqualTo(ExitCode.OK);
        assertOpensOnlyWith(out("f.xlsx"), "from a file 2026");
    }

    @Test
    void encryptWithoutAnyPasswordSourceIsAUsageErrorAndAShortOneIsRefused() {
        assertThat(run("manager", "--period", "2026-10", "--audience", "donor", "--out", out("n.xlsx").toString(),
                "--encrypt")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("OUTREACH_DESK_EXPORT_PASSWORD").contains("--export-password-file");
        env.put("OUTREACH_DESK_EXPORT_PASSWORD", "short");
        assertThat(run("manager", "--period", "2026-10", "--audience", "donor", "--out", out("n.xlsx").toString(),
                "--encrypt")).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(out("n.xlsx")).doesNotExist();
    }

    private static void assertOpensOnlyWith(Path file, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Decryptor d = Decryptor.getInstance(new EncryptionInfo(fs));
            assertThat(d.verifyPassword("wrong password")).isFalse();
            assertThat(d.verifyPassword(password)).isTrue();
        }
        try (var wb = WorkbookFactory.create(file.toFile(), password)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Summary");
        }
    }
}
