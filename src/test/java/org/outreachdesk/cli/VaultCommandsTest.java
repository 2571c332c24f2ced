package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.vault.TestVaults;

/** The vault commands as IT staff script them: passwords from the environment or a file, exit codes. */
class VaultCommandsTest {

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

    private Path vault() {
        return dir.resolve("vault");
    }

    private void init() {
        env.put("OUTREACH_DESK_PASSWORD", "admin password 1");
        assertThat(run("init", "--vault", vault().toString(), "--org", "Pursat Outreach", "--admin", "admin"))
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void initPrintsTheRecoveryKeyOnceAndTheKeyOpensTheVault() {
        init();
        String key = out.toString().lines().map(String::strip).filter(l -> l.matches("([A-Z2-9]{4}-){7}[A-Z2-9]{4}"))
                .findFirst().orElseThrow();
        env.put("OUTREACH_DESK_PASSWORD", key);
        assertThat(run("user", "list", "--vault", vault().toString(), "--user", "recovery")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("admin").contains("active");
    }

    @Test
    void initRefusesAnExistingVault() {
        init();
        assertThat(run("init", "--vault", vault().toString(), "--org", "X", "--admin", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void usersAreAddedWithTheNewPasswordVariableAndRolesAreEnforced() {
        init();
        env.put("OUTREACH_DESK_NEW_PASSWORD", "worker password");
        assertThat(run("user", "add", "--vault", vault().toString(), "--user", "admin", "--name", "sokha",
                "--role", "outreach-worker")).isEqualTo(ExitCode.OK);
        env.put("OUTREACH_DESK_PASSWORD", "worker password");
        assertThat(run("user", "list", "--vault", vault().toString(), "--user", "sokha")).isEqualTo(ExitCode.DENIED);
        assertThat(err.toString()).contains("role does not allow");
        assertThat(run("user", "add", "--vault", vault().toString(), "--user", "sokha", "--name", "x1",
                "--role", "wizard")).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void guessablePasswordsAreRefusedEverywhereAPasswordIsSetWithTheReason() throws Exception {
        // the four that issue 17's attacker found accepted
        for (String weak : new String[] {"password12", "1234567890", "qwertyuiop", "ababababab"}) {
            env.put("OUTREACH_DESK_PASSWORD", weak);
            assertThat(run("init", "--vault", vault().toString(), "--org", "Pursat Outreach", "--admin", "admin"))
                    .as(weak).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.toString()).as(weak).contains("would do").doesNotContain(weak);
            assertThat(vault().resolve("keys")).doesNotExist();
        }
        init();
        env.put("OUTREACH_DESK_NEW_PASSWORD", "password12");
        assertThat(run("user", "add", "--vault", vault().toString(), "--user", "admin", "--name", "sokha",
                "--role", "outreach-worker")).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("commonest passwords");
        env.put("OUTREACH_DESK_NEW_PASSWORD", "qwertyuiop");
        assertThat(run("user", "passwd", "--vault", vault().toString(), "--user", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        // the organisation's name is one of the first guesses
        env.put("OUTREACH_DESK_NEW_PASSWORD", "pursatoutreach");
        assertThat(run("user", "passwd", "--vault", vault().toString(), "--user", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("organisation");
        env.put("OUTREACH_DESK_PASSWORD", "admin password 1");
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
    }

    @Test
    void disablingAUserRemovesTheirSlotFileAtOnceAndTheirPasswordNoLongerOpensTheVault() throws Exception {
        init();
        env.put("OUTREACH_DESK_NEW_PASSWORD", "worker password");
        assertThat(run("user", "add", "--vault", vault().toString(), "--user", "admin", "--name", "sokha",
                "--role", "outreach-worker")).isEqualTo(ExitCode.OK);
        java.util.Set<Path> before;
        try (var files = java.nio.file.Files.list(vault().resolve("keys"))) {
            before = files.collect(java.util.stream.Collectors.toSet());
        }
        assertThat(before).hasSize(3); // admin, recovery, sokha
        assertThat(run("user", "disable", "--vault", vault().toString(), "--user", "admin", "--name", "sokha"))
                .isEqualTo(ExitCode.OK);
        try (var files = java.nio.file.Files.list(vault().resolve("keys"))) {
            assertThat(files.toList()).hasSize(2).allMatch(before::contains);
        }
        env.put("OUTREACH_DESK_PASSWORD", "worker password");
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "sokha")).isEqualTo(ExitCode.DENIED);
        // a disabled account gets no password again
        env.put("OUTREACH_DESK_PASSWORD", "admin password 1");
        env.put("OUTREACH_DESK_NEW_PASSWORD", "a brand new password");
        assertThat(run("user", "passwd", "--vault", vault().toString(), "--user", "admin", "--name", "sokha"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        try (var files = java.nio.file.Files.list(vault().resolve("keys"))) {
            assertThat(files.toList()).hasSize(2);
        }
    }

    @Test
    void theAuditChainOfAFreshVaultIsIntactWithTheRealClock() {
        // a real clock may give nanoseconds while the database keeps microseconds: the chain must still verify
        java.time.Clock real = java.time.Clock.systemUTC();
        CliContext ctx = new CliContext(env, real, new org.outreachdesk.app.VaultService(real, TestVaults.FAST_KDF), null);
        env.put("OUTREACH_DESK_PASSWORD", "admin password 1");
        StringWriter e = new StringWriter();
        assertThat(Cli.commandLine(ctx, new PrintWriter(new StringWriter(), true), new PrintWriter(e, true))
                .execute("init", "--vault", vault().toString(), "--org", "Org", "--admin", "admin")).isZero();
        assertThat(Cli.commandLine(ctx, new PrintWriter(new StringWriter(), true), new PrintWriter(e, true))
                .execute("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isZero();
        assertThat(e.toString()).contains("audit chain intact");
    }

    @Test
    void aWrongPasswordExitsWithThree() {
        init();
        env.put("OUTREACH_DESK_PASSWORD", "not the password");
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.DENIED);
        assertThat(err.toString()).contains("wrong user name or password");
    }

    @Test
    void thePasswordFileIsUsedWhenTheVariableIsUnset() throws Exception {
        init();
        env.remove("OUTREACH_DESK_PASSWORD");
        Path pwd = Files.writeString(dir.resolve("pwd.txt"), "admin password 1\n");
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin", "--password-file",
                pwd.toString())).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("audit chain intact");
    }

    @Test
    void withoutAnyPasswordSourceItIsAUsageError() {
        init();
        env.remove("OUTREACH_DESK_PASSWORD");
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("OUTREACH_DESK_PASSWORD");
    }

    @Test
    void openingAFolderWithoutAVaultIsInvalidInput() {
        env.put("OUTREACH_DESK_PASSWORD", "admin password 1");
        assertThat(run("audit", "verify", "--vault", dir.resolve("none").toString(), "--user", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
    }
}
