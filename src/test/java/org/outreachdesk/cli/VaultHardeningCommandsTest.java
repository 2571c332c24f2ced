package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.vault.TestVaults;

/** Issue 17 items 5–7 as the attacker ran them, with the command line only. */
class VaultHardeningCommandsTest {

    private static final String ADMIN_PASSWORD = "admin password 1";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private StringWriter err;

    private int run(String... args) {
        err = new StringWriter();
        CliContext ctx = new CliContext(env, TestVaults.CLOCK, TestWorkspaces.vaults(), null);
        return Cli.commandLine(ctx, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    private Path vault() {
        return dir.resolve("vault");
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @BeforeEach
    void aVault() {
        env.put("OUTREACH_DESK_PASSWORD", ADMIN_PASSWORD);
        assertThat(run("init", "--vault", vault().toString(), "--org", "Pursat Outreach", "--admin", "admin"))
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void aBackupThroughASymlinkedVaultCannotOverwriteTheDatabase() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), vault());
        Path db = vault().resolve("outreach.mv.db");
        assertThat(run("backup", "--vault", link.toString(), "--user", "admin", "--out", db.toString(), "--force"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("inside the vault folder");
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out",
                link.resolve("outreach.mv.db").toString(), "--force")).isEqualTo(ExitCode.INVALID_INPUT);
        // and a file outside that is a symbolic link into the vault
        Path sneaky = Files.createSymbolicLink(dir.resolve("sneaky.odbackup"), db);
        assertThat(run("backup", "--vault", link.toString(), "--user", "admin", "--out", sneaky.toString(), "--force"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        // still the H2 file (each refused command only added its LOGIN and LOCK entries), not a backup
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(db), 9);
        assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("H2encrypt");
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
    }

    @Test
    void anExistingBackupIsReplacedOnlyWithForce() throws Exception {
        Path out = dir.resolve("nightly.odbackup");
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out", out.toString()))
                .isEqualTo(ExitCode.OK);
        String first = sha(out);
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out", out.toString()))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("exists already").contains("--force");
        assertThat(sha(out)).isEqualTo(first);
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out", out.toString(), "--force"))
                .isEqualTo(ExitCode.OK);
        assertThat(sha(out)).isNotEqualTo(first);
    }

    @Test
    void aReportIsNeverSavedInsideTheVault() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), vault());
        assertThat(run("report", "--vault", vault().toString(), "--user", "admin", "--period", "2026-10",
                "--audience", "internal", "--out", link.resolve("r.xlsx").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("inside the vault folder");
        assertThat(vault().resolve("r.xlsx")).doesNotExist();
    }

    @Test
    void aJunkSlotLocksNobodyOutAndADamagedDatabaseIsNotAWrongPassword() throws Exception {
        Files.writeString(vault().resolve("keys").resolve("junk.slot"), "junk");
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.OK);

        try (RandomAccessFile f = new RandomAccessFile(vault().resolve("outreach.mv.db").toFile(), "rw")) {
            f.seek(12);
            int b = f.read();
            f.seek(12);
            f.write(b ^ 0x01);
        }
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("the database is damaged").doesNotContain("password is wrong")
                .doesNotContain("unexpected");
    }

    @Test
    void aRolledBackDatabaseExitsTwoUntilAnAdminAcceptsIt() throws Exception {
        Path db = vault().resolve("outreach.mv.db");
        Path older = dir.resolve("older.mv.db");
        Files.copy(db, older);
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
        Files.copy(older, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("older than its last recorded state").contains("restore from a backup");
        assertThat(run("audit", "accept-older", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
    }
}
