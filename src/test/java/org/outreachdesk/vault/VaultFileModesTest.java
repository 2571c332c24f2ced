package org.outreachdesk.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.vault.TestVaults.ADMIN_PASSWORD;
import static org.outreachdesk.vault.TestVaults.CLOCK;
import static org.outreachdesk.vault.TestVaults.FAST_KDF;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17.8: vault folders 0700 and files 0600 (backups too); a killed backup's working folder is cleaned. */
class VaultFileModesTest {

    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void everythingInTheVaultAndEveryBackupIsTheOwnersOnly() throws Exception {
        Path vault = dir.resolve("vault");
        Path backup = dir.resolve("b.odbackup");
        try (Vault v = Vault.create(vault, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault()) {
            VaultBackup.write(v, backup, "test");
        }
        Vault.unlock(vault, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).close();
        List<Path> all;
        try (Stream<Path> s = Files.walk(vault)) {
            all = s.toList();
        }
        assertThat(all).contains(vault.resolve("keys"), vault.resolve("outreach.mv.db"), vault.resolve(AuditHead.FILE));
        for (Path p : all) {
            assertThat(mode(p)).as(vault.relativize(p).toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
        assertThat(mode(backup)).isEqualTo("rw-------");
    }

    @Test
    void aKilledBackupsWorkingFolderIsRemovedAtTheNextUnlock() throws Exception {
        Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault().close();
        Path left = Files.createDirectories(dir.resolve(".backup-" + java.util.UUID.randomUUID()));
        Files.write(left.resolve("copy.zip"), new byte[4096]);
        Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).close();
        assertThat(left).doesNotExist();
        assertThat(dir.resolve("outreach.mv.db")).isRegularFile();
    }
}
