package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.vault.TestVaults;

/** {@code team} and {@code sync} as IT staff script them: exit codes, and the join code alone on the last line. */
class TeamSyncCommandsTest {

    private static final String PASSWORD = "admin password 1";

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

    private String vault(String name) {
        return dir.resolve(name).toString();
    }

    private int as(String vault, String user, String... args) {
        env.put("OUTREACH_DESK_PASSWORD", user.equals("sokha") ? "worker password 1" : PASSWORD);
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--vault", vault(vault), "--user", user}, 0, all, args.length, 4);
        return run(all);
    }

    private String lastLine() {
        List<String> lines = out.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @BeforeEach
    void twoVaults() {
        env.put("OUTREACH_DESK_PASSWORD", PASSWORD);
        for (String v : new String[] {"hub", "laptop"}) {
            assertThat(run("init", "--vault", vault(v), "--org", "Pursat Outreach", "--admin", "admin"))
                    .isEqualTo(ExitCode.OK);
        }
        env.put("OUTREACH_DESK_NEW_PASSWORD", "worker password 1");
        assertThat(as("hub", "admin", "user", "add", "--name", "sokha", "--role", "outreach-worker"))
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void aHubInvitesAMemberJoinsAndBundlesAreReadOrRefusedWithTheContractsExitCodes() throws Exception {
        assertThat(as("hub", "sokha", "team", "create", "--name", "Pursat")).isEqualTo(ExitCode.DENIED);
        assertThat(as("hub", "admin", "team", "create", "--name", "Pursat")).isEqualTo(ExitCode.OK);
        Path join = dir.resolve("laptop.odjoin");
        assertThat(as("hub", "admin", "team", "invite", "--device", "laptop 1", "--out", join.toString()))
                .isEqualTo(ExitCode.OK);
        String code = lastLine();
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");
        assertThat(err.toString()).doesNotContain(code);

        env.put("OUTREACH_DESK_JOIN_CODE", "AAAA-BBBB-CCCC-DDDD-EEEE");
        assertThat(as("laptop", "admin", "team", "join", join.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("join code");
        env.put("OUTREACH_DESK_JOIN_CODE", code);
        assertThat(as("laptop", "admin", "team", "join", join.toString())).isEqualTo(ExitCode.OK);
        assertThat(as("laptop", "admin", "team", "join", join.toString())).isEqualTo(ExitCode.INVALID_INPUT);

        Path up = dir.resolve("up.odsync");
        assertThat(as("laptop", "admin", "sync", "export", "--out", up.toString())).isEqualTo(ExitCode.OK);
        assertThat(as("hub", "sokha", "sync", "import", up.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("applied").contains("already present").contains("in conflict");

        byte[] bytes = Files.readAllBytes(up);
        bytes[bytes.length - 80] ^= 1;
        Path bad = dir.resolve("bad.odsync");
        Files.write(bad, bytes);
        assertThat(as("hub", "admin", "sync", "import", bad.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("nothing was changed");

        assertThat(as("hub", "admin", "sync", "export", "--out", dir.resolve("x.odsync").toString()))
                .isEqualTo(ExitCode.INVALID_INPUT); // the hub names the member
        assertThat(as("hub", "admin", "sync", "export", "--to", "laptop 1", "--out",
                dir.resolve("down.odsync").toString())).isEqualTo(ExitCode.OK);
        assertThat(as("laptop", "admin", "sync", "import", dir.resolve("down.odsync").toString()))
                .isEqualTo(ExitCode.OK);

        assertThat(as("hub", "sokha", "team", "list")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("hub (this)").contains("laptop 1").contains("active");
        assertThat(as("hub", "sokha", "team", "revoke", "--device", "laptop 1")).isEqualTo(ExitCode.DENIED);
        assertThat(as("hub", "admin", "team", "revoke", "--device", "laptop 1")).isEqualTo(ExitCode.OK);
        assertThat(as("hub", "admin", "sync", "import", up.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("revoked");
        assertThat(as("hub", "admin", "team", "list")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("revoked");

        assertThat(as("hub", "sokha", "sync", "conflicts")).isEqualTo(ExitCode.DENIED);
        assertThat(as("hub", "admin", "sync", "conflicts")).isEqualTo(ExitCode.OK);
    }

    @Test
    void withoutACodeOrAConsoleJoinIsAUsageError() {
        assertThat(as("hub", "admin", "team", "create", "--name", "Pursat")).isEqualTo(ExitCode.OK);
        Path join = dir.resolve("laptop.odjoin");
        assertThat(as("hub", "admin", "team", "invite", "--device", "laptop 1", "--out", join.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(as("laptop", "admin", "team", "join", join.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("OUTREACH_DESK_JOIN_CODE");
    }
}
