package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.vault.TestVaults;

/**
 * Team sync from the command line, end to end: two vaults made with {@code init}, a team made with {@code team
 * create / invite / join}, a register imported on the member, {@code sync export / import}, and the hub's report then
 * shows the member's figures.
 */
class TeamSyncEndToEndCommandsTest {

    private static final String PASSWORD = "admin password 1";
    private static final Pattern COUNTS = Pattern.compile("(\\d+) applied, (\\d+) already present, (\\d+) in conflict");

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

    private int as(String vault, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--vault", dir.resolve(vault).toString(), "--user", "admin"}, 0, all,
                args.length, 4);
        return run(all);
    }

    private String lastLine() {
        List<String> lines = out.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }

    /** applied, already present, in conflict, as {@code sync import} printed them. */
    private long[] counts() {
        Matcher m = COUNTS.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /** Every cell of every sheet of the internal October report of {@code vault}, as displayed. */
    private List<String> report(String vault, String name) throws IOException {
        Path file = dir.resolve(name);
        assertThat(as(vault, "report", "--period", "2026-10", "--audience", "internal", "--out", file.toString()))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        List<String> cells = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + f.formatCellValue(cell));
                    }
                }
            }
        }
        return cells;
    }

    @Test
    void aMembersImportedRegisterReachesTheHubsReportThroughABundle() throws IOException {
        env.put("OUTREACH_DESK_PASSWORD", PASSWORD);
        for (String v : new String[] {"hub", "laptop"}) {
            assertThat(run("init", "--vault", dir.resolve(v).toString(), "--org", "Pursat Outreach", "--admin",
                    "admin")).isEqualTo(ExitCode.OK);
        }
        assertThat(as("hub", "team", "create", "--name", "Pursat")).isEqualTo(ExitCode.OK);
        Path join = dir.resolve("laptop.odjoin");
        assertThat(as("hub", "team", "invite", "--device", "laptop 1", "--out", join.toString()))
                .isEqualTo(ExitCode.OK);
        env.put("OUTREACH_DESK_JOIN_CODE", lastLine());
        assertThat(as("laptop", "team", "join", join.toString())).isEqualTo(ExitCode.OK);

        // the register's 4 rows: two people, three encounters (one row twice) in October 2026
        assertThat(as("laptop", "import", TestRegisters.goodCsv(dir).toString())).isEqualTo(ExitCode.OK);
        List<String> memberFigures = report("laptop", "laptop.xlsx");
        List<String> hubBefore = report("hub", "hub-before.xlsx");
        assertThat(hubBefore).as("the hub holds none of it yet").isNotEqualTo(memberFigures);

        Path up = dir.resolve("up.odsync");
        assertThat(as("laptop", "sync", "export", "--out", up.toString())).isEqualTo(ExitCode.OK);
        assertThat(as("hub", "sync", "import", up.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        long[] first = counts();
        assertThat(first[0]).as("applied").isGreaterThanOrEqualTo(2 + 3 + 2 + 2); // contacts, encounters, sites, staff
        assertThat(first[2]).as("in conflict").isZero();
        assertThat(report("hub", "hub-after.xlsx")).isEqualTo(memberFigures);

        // read again: nothing applied, everything already present
        assertThat(as("hub", "sync", "import", up.toString())).isEqualTo(ExitCode.OK);
        long[] again = counts();
        assertThat(again[0]).isZero();
        assertThat(again[1]).isEqualTo(first[0] + first[1]);
        assertThat(report("hub", "hub-again.xlsx")).isEqualTo(memberFigures);

        // and back: the member holds what the hub holds, no conflict listed
        Path down = dir.resolve("down.odsync");
        assertThat(as("hub", "sync", "export", "--to", "laptop 1", "--out", down.toString())).isEqualTo(ExitCode.OK);
        assertThat(as("laptop", "sync", "import", down.toString())).isEqualTo(ExitCode.OK);
        assertThat(counts()[2]).isZero();
        assertThat(as("hub", "sync", "conflicts")).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("0 unresolved conflict(s)");
        assertThat(report("laptop", "laptop-after.xlsx")).isEqualTo(memberFigures);
    }
}
