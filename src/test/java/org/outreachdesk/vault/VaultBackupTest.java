package org.outreachdesk.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachdesk.vault.TestVaults.ADMIN_PASSWORD;
import static org.outreachdesk.vault.TestVaults.CLOCK;
import static org.outreachdesk.vault.TestVaults.FAST_KDF;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.Role;
import org.outreachdesk.store.VaultInUseException;

/** The backup file format and the checks a restore makes before it replaces anything. */
class VaultBackupTest {

    private static final Predicate<Role> ADMINS = r -> r == Role.ADMIN;

    /** One vault and its backup, made once; each test works on its own copy of both. */
    @TempDir
    static Path template;
    private static String recoveryKey;

    @TempDir
    Path dir;

    private Path source;
    private Path backup;

    @BeforeAll
    static void aVaultWithABackup() {
        Path source = template.resolve("source");
        Path backup = template.resolve("vault.odbackup");
        Vault.Created c = Vault.create(source, "Pursat Outreach", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF);
        recoveryKey = new String(c.recoveryKey());
        try (Vault v = c.vault()) {
            v.addUser("dara", Role.MANAGER, "dara's password".toCharArray());
            v.writeAudited(AuditAction.CREATE, "site", "s-1", null, tx -> null);
            VaultBackup.Written w = VaultBackup.write(v, backup, "test");
            assertThat(w.file()).isEqualTo(backup.toAbsolutePath());
            assertThat(w.bytes()).isEqualTo(size(backup));
            List<AuditEntry> latest = v.database().read(tx -> tx.audit().latest(1));
            assertThat(latest.get(0).action()).isEqualTo(AuditAction.BACKUP);
            assertThat(latest.get(0).recordId()).isEqualTo(w.backupId().toString());
        }
    }

    @BeforeEach
    void copyOfTheTemplate() throws IOException {
        source = dir.resolve("source");
        backup = dir.resolve("vault.odbackup");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private VaultBackup.Restored restore(Path target, String user, String password, boolean replace) {
        return VaultBackup.restore(backup, target, user, password.toCharArray(), replace, CLOCK, ADMINS);
    }

    private List<String> siblingsOf(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theBackupRestoresIntoANewFolderAndOpensWithTheSamePasswords() {
        Path target = dir.resolve("restored");
        VaultBackup.Restored r = restore(target, "admin", ADMIN_PASSWORD, false);
        assertThat(r.vault()).isEqualTo(target.toAbsolutePath());
        assertThat(r.previousVault()).isNull();
        assertThat(r.takenAt()).isEqualTo(CLOCK.instant());
        try (Vault v = Vault.unlock(target, "dara", "dara's password".toCharArray(), CLOCK, FAST_KDF)) {
            assertThat(v.organisation()).isEqualTo("Pursat Outreach");
            assertThat(v.database().read(tx -> v.audit().verify(tx)).intact()).isTrue();
            List<AuditAction> actions = v.database().read(tx -> tx.audit().latest(3)).stream().map(AuditEntry::action)
                    .toList();
            assertThat(actions).containsExactly(AuditAction.LOGIN, AuditAction.RESTORE, AuditAction.CREATE);
        }
        Vault.unlock(target, "recovery", recoveryKey.toCharArray(), CLOCK, FAST_KDF).close();
    }

    @Test
    void theRecoveryKeyRestoresToo() {
        restore(dir.resolve("restored"), "recovery", recoveryKey.toLowerCase(), false);
        Vault.unlock(dir.resolve("restored"), "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).close();
    }

    @Test
    void aWrongPasswordOrUnknownUserRestoresNothing() throws IOException {
        Path target = dir.resolve("restored");
        List<String> before = siblingsOf(target);
        assertThatThrownBy(() -> restore(target, "admin", "not the password", false))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> restore(target, "nobody", ADMIN_PASSWORD, false))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(siblingsOf(target)).isEqualTo(before);
    }

    @Test
    void aUserWhoseRoleMayNotRestoreIsRefusedAndNothingIsLeftBehind() throws IOException {
        Path target = dir.resolve("restored");
        List<String> before = siblingsOf(target);
        assertThatThrownBy(() -> restore(target, "dara", "dara's password", false))
                .isInstanceOf(RestoreNotAllowedException.class);
        assertThat(siblingsOf(target)).isEqualTo(before);
    }

    @Test
    void anExistingVaultIsNeverReplacedUnlessAskedAndThenKeptAside() throws Exception {
        Map<String, String> before = VaultTest.hashes(source);
        assertThatThrownBy(() -> restore(source, "admin", ADMIN_PASSWORD, false))
                .isInstanceOf(VaultExistsException.class);
        assertThat(VaultTest.hashes(source)).isEqualTo(before);

        VaultBackup.Restored r = restore(source, "admin", ADMIN_PASSWORD, true);
        assertThat(r.previousVault()).isNotNull().hasFileName("source.replaced-20261020-080000");
        assertThat(VaultTest.hashes(r.previousVault())).isEqualTo(before);
        try (Vault v = Vault.unlock(source, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            AuditEntry restoreEntry = v.database().read(tx -> tx.audit().latest(2)).get(1);
            assertThat(restoreEntry.action()).isEqualTo(AuditAction.RESTORE);
            assertThat(restoreEntry.detail()).contains("replaced");
        }
    }

    @Test
    void aVaultThatIsOpenIsNotReplaced() throws Exception {
        try (Vault open = Vault.unlock(source, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            assertThatThrownBy(() -> restore(source, "admin", ADMIN_PASSWORD, true))
                    .isInstanceOf(VaultInUseException.class);
            List<org.outreachdesk.domain.AppUser> users = open.database().read(tx -> tx.users().list());
            assertThat(users).hasSize(2);
        }
        assertThat(siblingsOf(source)).containsExactly("source", "vault.odbackup");
    }

    @Test
    void aFolderWithOtherFilesIsNotUsed() throws IOException {
        Path target = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(target.resolve("letter.txt"), "keep me");
        assertThatThrownBy(() -> restore(target, "admin", ADMIN_PASSWORD, true))
                .isInstanceOf(VaultException.class).hasMessageContaining("not empty");
        assertThat(Files.readString(target.resolve("letter.txt"))).isEqualTo("keep me");
    }

    @Test
    void anEmptyFolderIsFilled() throws IOException {
        Path target = Files.createDirectories(dir.resolve("empty"));
        restore(target, "admin", ADMIN_PASSWORD, false);
        Vault.unlock(target, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).close();
    }

    @Test
    void anyChangedByteAnywhereInTheFileIsRefused() throws IOException {
        byte[] good = Files.readAllBytes(backup);
        int headerEnd = indexOf(good, "\nslot.1=".getBytes(StandardCharsets.US_ASCII));
        // a byte of the header's salt, of a key slot, of the first chunk's length, of a chunk's body, of the last tag
        int[] positions = {indexOf(good, "salt=".getBytes(StandardCharsets.US_ASCII)) + 7, headerEnd + 60,
            good.length / 2, good.length - 1};
        for (int pos : positions) {
            byte[] bad = good.clone();
            bad[pos] ^= 0x01;
            Files.write(backup, bad);
            Path target = dir.resolve("restored-" + pos);
            assertThatThrownBy(() -> restore(target, "admin", ADMIN_PASSWORD, false))
                    .as("byte %d changed", pos)
                    .isInstanceOfAny(BackupDamagedException.class, WrongPasswordException.class);
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void aFileCutShortOrExtendedIsRefused() throws IOException {
        byte[] good = Files.readAllBytes(backup);
        for (byte[] bad : List.of(Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length / 2),
                Arrays.copyOf(good, good.length + 20))) {
            Files.write(backup, bad);
            assertThatThrownBy(() -> restore(dir.resolve("restored"), "admin", ADMIN_PASSWORD, false))
                    .isInstanceOf(BackupDamagedException.class);
            assertThat(dir.resolve("restored")).doesNotExist();
        }
    }

    @Test
    void somethingElseIsNotTakenForABackup() throws IOException {
        Files.writeString(backup, "just some text, not a backup");
        assertThatThrownBy(() -> restore(dir.resolve("restored"), "admin", ADMIN_PASSWORD, false))
                .isInstanceOf(BackupDamagedException.class).hasMessageContaining("not an Outreach Desk backup");
    }

    @Test
    void theOnlyClearPartsAreTheHeaderAndTheWrappedSlots() throws IOException {
        byte[] file = Files.readAllBytes(backup);
        String start = new String(file, 0, 8, StandardCharsets.US_ASCII);
        assertThat(start).isEqualTo("ODBACKUP");
        String text = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("slots=3").contains("payload.cipher=aes-256-gcm");
        // nothing of the organisation, the database or the manifest shows
        assertThat(text).doesNotContain("Pursat").doesNotContain("H2encrypt").doesNotContain("created.at")
                .doesNotContain("program.version");
    }

    @Test
    void aBackupIsNotWrittenIntoTheVaultFolderOrAMissingFolder() {
        try (Vault v = Vault.unlock(source, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            assertThatThrownBy(() -> VaultBackup.write(v, source.resolve("inside.odbackup"), "test"))
                    .isInstanceOf(VaultException.class).hasMessageContaining("inside the vault folder");
            assertThatThrownBy(() -> VaultBackup.write(v, dir.resolve("no/such/folder/b.odbackup"), "test"))
                    .isInstanceOf(VaultException.class).hasMessageContaining("does not exist");
        }
    }

    @Test
    void writingLeavesNoWorkingFilesBehindAndReplacesAnOldBackupWhole() throws IOException {
        byte[] old = Files.readAllBytes(backup);
        try (Vault v = Vault.unlock(source, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            // not replaced unless asked (issue 17.7)
            assertThatThrownBy(() -> VaultBackup.write(v, backup, "test")).isInstanceOf(VaultException.class)
                    .satisfies(e -> assertThat(((VaultException) e).key()).isEqualTo("backup.exists"));
            assertThat(Files.readAllBytes(backup)).isEqualTo(old);
            VaultBackup.write(v, backup, "test", true);
        }
        assertThat(Files.readAllBytes(backup)).isNotEqualTo(old);
        assertThat(siblingsOf(backup)).containsExactly("source", "vault.odbackup");
        try (Stream<Path> s = Files.list(source)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".backup-"));
        }
    }

    @Test
    void whatAKilledBackupLeftBesideItsFileIsRemovedByTheNextBackupThere() throws IOException {
        // as a backup killed while sealing leaves it: a partial file named after its target and its id
        Path left = Files.write(dir.resolve(".vault.odbackup." + java.util.UUID.randomUUID() + ".partial"), new byte[100]);
        Path otherTarget = Files.write(dir.resolve(".other.odbackup." + java.util.UUID.randomUUID() + ".partial"),
                new byte[100]);
        try (Vault v = Vault.unlock(source, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            assertThat(left).as("unlock does not know backup targets").exists();
            VaultBackup.write(v, backup, "test", true);
        }
        assertThat(left).doesNotExist();
        assertThat(otherTarget).as("another target's file is not this backup's to remove").exists();
    }

    @Test
    void whatAKilledRestoreLeftBesideTheVaultIsRemovedAtUnlockAndByTheNextRestore() throws IOException {
        Path besideSource = Files.createDirectories(dir.resolve(".source.restoring-" + java.util.UUID.randomUUID()));
        Files.write(besideSource.resolve("outreach.mv.db"), new byte[100]);
        Path besideTarget = Files.createDirectories(dir.resolve(".restored.restoring-" + java.util.UUID.randomUUID()));
        Files.write(besideTarget.resolve("outreach.mv.db"), new byte[100]);
        try (Vault v = Vault.unlock(source, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            assertThat(besideSource).doesNotExist();
            assertThat(besideTarget).as("another vault's restore").exists();
        }
        restore(dir.resolve("restored"), "admin", ADMIN_PASSWORD, false);
        assertThat(besideTarget).doesNotExist();
        assertThat(siblingsOf(backup)).containsExactly("restored", "source", "vault.odbackup");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
