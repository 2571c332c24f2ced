package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.vault.TestVaults;

/** {@code backup} and {@code restore} as IT staff script them: exit codes, and no overwrite without --force. */
class BackupCommandsTest {

    private static final String ADMIN_PASSWORD = "admin password 1";

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

    private Path backup() {
        return dir.resolve("nightly.odbackup");
    }

    @BeforeEach
    void aVaultWithAManager() {
        env.put("OUTREACH_DESK_PASSWORD", ADMIN_PASSWORD);
        assertThat(run("init", "--vault", vault().toString(), "--org", "Pursat Outreach", "--admin", "admin"))
                .isEqualTo(ExitCode.OK);
        env.put("OUTREACH_DESK_NEW_PASSWORD", "manager password");
        assertThat(run("user", "add", "--vault", vault().toString(), "--user", "admin", "--name", "dara",
                "--role", "manager")).isEqualTo(ExitCode.OK);
    }

    @Test
    void backupAndRestoreRoundTrip() {
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out", backup().toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("backup written to").contains(backup().toString());
        assertThat(out.toString()).isEmpty();
        assertThat(backup()).isRegularFile();

        Path restored = dir.resolve("restored");
        assertThat(run("restore", "--from", backup().toString(), "--vault", restored.toString(), "--user", "admin"))
                .isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("restored into").contains(restored.toString());

        env.put("OUTREACH_DESK_PASSWORD", "manager password");
        assertThat(run("audit", "verify", "--vault", restored.toString(), "--user", "dara")).isEqualTo(ExitCode.DENIED);
        env.put("OUTREACH_DESK_PASSWORD", ADMIN_PASSWORD);
        assertThat(run("user", "list", "--vault", restored.toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("admin").contains("dara");
        assertThat(run("audit", "verify", "--vault", restored.toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
    }

    @Test
    void restoreRefusesAnExistingVaultWithoutForceAndReplacesItWithForce() throws Exception {
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out", backup().toString()))
                .isEqualTo(ExitCode.OK);
        Map<String, String> before = hashes(vault());

        assertThat(run("restore", "--from", backup().toString(), "--vault", vault().toString(), "--user", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("already exists").contains("--force").contains("nothing was changed");
        assertThat(hashes(vault())).isEqualTo(before);

        assertThat(run("restore", "--from", backup().toString(), "--vault", vault().toString(), "--user", "admin",
                "--force")).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("kept as");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("vault", "vault.replaced-20261020-080000", "nightly.odbackup");
        }
        assertThat(hashes(dir.resolve("vault.replaced-20261020-080000"))).isEqualTo(before);
        assertThat(run("audit", "verify", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.OK);
    }

    @Test
    void onlyAnAdminMayBackUpOrRestore() {
        env.put("OUTREACH_DESK_PASSWORD", "manager password");
        assertThat(run("backup", "--vault", vault().toString(), "--user", "dara", "--out", backup().toString()))
                .isEqualTo(ExitCode.DENIED);
        assertThat(err.toString()).contains("role does not allow");
        assertThat(backup()).doesNotExist();

        env.put("OUTREACH_DESK_PASSWORD", ADMIN_PASSWORD);
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out", backup().toString()))
                .isEqualTo(ExitCode.OK);
        env.put("OUTREACH_DESK_PASSWORD", "manager password");
        assertThat(run("restore", "--from", backup().toString(), "--vault", dir.resolve("r").toString(), "--user", "dara"))
                .isEqualTo(ExitCode.DENIED);
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void wrongPasswordsDamagedFilesAndMissingOptionsGetTheirExitCodes() throws Exception {
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out", backup().toString()))
                .isEqualTo(ExitCode.OK);
        Path target = dir.resolve("r");

        env.put("OUTREACH_DESK_PASSWORD", "not the password");
        assertThat(run("restore", "--from", backup().toString(), "--vault", target.toString(), "--user", "admin"))
                .isEqualTo(ExitCode.DENIED);
        assertThat(err.toString()).contains("wrong user name or password");

        env.put("OUTREACH_DESK_PASSWORD", ADMIN_PASSWORD);
        byte[] bytes = Files.readAllBytes(backup());
        bytes[bytes.length / 2] ^= 1;
        Files.write(backup(), bytes);
        assertThat(run("restore", "--from", backup().toString(), "--vault", target.toString(), "--user", "admin"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("damaged");

        assertThat(run("restore", "--vault", target.toString(), "--user", "admin")).isEqualTo(ExitCode.USAGE);
        assertThat(run("restore", "--from", backup().toString(), "--vault", target.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin")).isEqualTo(ExitCode.USAGE);
        assertThat(run("backup", "--vault", vault().toString(), "--user", "admin", "--out",
                vault().resolve("inside.odbackup").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(target).doesNotExist();
    }

    private static Map<String, String> hashes(Path folder) throws Exception {
        Map<String, String> h = new TreeMap<>();
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                h.put(folder.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return h;
    }
}
