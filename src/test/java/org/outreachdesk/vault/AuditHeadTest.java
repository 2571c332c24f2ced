package org.outreachdesk.vault;

import org.outreachdesk.domain.SettingKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachdesk.vault.TestVaults.ADMIN_PASSWORD;
import static org.outreachdesk.vault.TestVaults.CLOCK;
import static org.outreachdesk.vault.TestVaults.FAST_KDF;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditVerification;
import org.outreachdesk.store.Database;

/** Issue 17.5: a database cut short, swapped for an older copy, or damaged is told as such (ADR 9). */
class AuditHeadTest {

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    private Path db() {
        return dir.resolve(Database.FILE_NAME);
    }

    private Vault unlock() {
        return Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF);
    }

    /** {@code n} audited commits, each storing the idle-lock setting anew. */
    private static void work(Vault v, int from, int n) {
        for (int i = from; i < from + n; i++) {
            String key = "work." + i;
            v.writeAudited(AuditAction.SETTING_CHANGED, "setting", key, null, tx -> {
                tx.settings().put(SettingKey.IDLE_MINUTES, String.valueOf(10 + Integer.parseInt(key.substring(5))), v.user().id(), CLOCK.instant());
                return null;
            });
        }
    }

    private static String messageKey(Throwable t) {
        return t instanceof VaultException v ? v.key() : null;
    }

    @Test
    void aDatabaseSwappedForAnOlderCopyIsRefusedAtUnlock() throws Exception {
        try (Vault v = Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault()) {
            work(v, 0, 3);
        }
        Path older = elsewhere.resolve("older.mv.db");
        Files.copy(db(), older);
        try (Vault v = unlock()) {
            work(v, 3, 5);
        }
        Files.copy(older, db(), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(this::unlock).isInstanceOf(VaultException.class)
                .hasMessageStartingWith("the database is older than its last recorded state: restore from a backup")
                .extracting(AuditHeadTest::messageKey).isEqualTo("vault.olderThanRecorded");
    }

    @Test
    void aDatabaseCutShortIsRefusedAtUnlockAndNotCalledIntact() throws Exception {
        try (Vault v = Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault()) {
            work(v, 0, 3);
        }
        long before = Files.size(db());
        try (Vault v = unlock()) {
            work(v, 3, 20);
        }
        assertThat(Files.size(db())).isGreaterThan(before);
        try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
            f.setLength(before);
        }
        // the shortened file still opens on its own (as the attack found), at an older state whose chain verifies
        Path copy = Files.createDirectories(elsewhere.resolve("alone"));
        Files.copy(db(), copy.resolve(Database.FILE_NAME));
        Files.copy(dir.resolve(AuditHead.FILE), copy.resolve(AuditHead.FILE));
        Files.copy(dir.resolve(VaultFolder.MARKER), copy.resolve(VaultFolder.MARKER));
        Files.createDirectories(copy.resolve(VaultFolder.KEYS));
        try (var slots = Files.list(dir.resolve(VaultFolder.KEYS))) {
            for (Path s : slots.toList()) {
                Files.copy(s, copy.resolve(VaultFolder.KEYS).resolve(s.getFileName()));
            }
        }
        Files.delete(copy.resolve(AuditHead.FILE));
        // without its head file the shortened database is "uncheckable", never silently intact
        assertThatThrownBy(() -> Vault.unlock(copy, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                .extracting(AuditHeadTest::messageKey).isEqualTo("vault.headUncheckable");

        assertThatThrownBy(this::unlock).isInstanceOf(VaultException.class)
                .extracting(AuditHeadTest::messageKey).isEqualTo("vault.olderThanRecorded");
    }

    @Test
    void aHeadFileOneCommitBehindIsAcceptedAsACrashBetweenCommitAndFile() throws Exception {
        Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault().close();
        Path behind = elsewhere.resolve("audit.head.behind");
        try (Vault v = unlock()) {
            work(v, 0, 2);
            Files.copy(dir.resolve(AuditHead.FILE), behind);
            work(v, 2, 1);
        }
        // the LOCK entry came after too: replace the file by the one recorded before the last two commits' files
        Files.copy(behind, dir.resolve(AuditHead.FILE), StandardCopyOption.REPLACE_EXISTING);
        try (Vault v = unlock()) {
            assertThat(v.database().read(v.audit()::verify).intact()).isTrue();
        }
    }

    @Test
    void aFlippedByteInTheDatabaseIsDamagedNotAWrongPassword() throws Exception {
        Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault().close();
        try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
            f.seek(12); // inside H2's clear salt ("H2encrypt\n" + 8 bytes): the file key comes out different
            int b = f.read();
            f.seek(12);
            f.write(b ^ 0x01);
        }
        assertThatThrownBy(this::unlock).isNotInstanceOf(WrongPasswordException.class)
                .isInstanceOf(VaultException.class)
                .extracting(AuditHeadTest::messageKey).isEqualTo("vault.damaged");
        // a wrong password is still a wrong password
        assertThatThrownBy(() -> Vault.unlock(dir, "admin", "not the password".toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void anAdminMayAcceptAnOlderDatabaseAndTheAcceptanceIsAudited() throws Exception {
        try (Vault v = Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault()) {
            v.addUser("dara", org.outreachdesk.domain.Role.OUTREACH_WORKER, "worker password 1".toCharArray());
        }
        Path older = elsewhere.resolve("older.mv.db");
        Files.copy(db(), older);
        try (Vault v = unlock()) {
            work(v, 0, 2);
        }
        Files.copy(older, db(), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Vault.unlockAcceptingOlderDatabase(dir, "dara", "worker password 1".toCharArray(),
                CLOCK, FAST_KDF)).isInstanceOf(NotAdminException.class);
        try (Vault v = Vault.unlockAcceptingOlderDatabase(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK,
                FAST_KDF)) {
            AuditVerification verified = v.database().read(v.audit()::verify);
            assertThat(verified.intact()).isTrue();
            java.util.List<String> latest = v.database().read(tx -> tx.audit().latest(2)).stream()
                    .map(org.outreachdesk.domain.AuditEntry::recordId).toList();
            assertThat(latest)
                    .containsExactly(v.user().id().toString(), AuditHead.FILE);
        }
        unlock().close(); // accepted once, it opens as usual
    }

    @Test
    void auditVerifyReportsAHeadFileAheadOfTheDatabase() throws Exception {
        Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault().close();
        try (Vault v = unlock()) {
            Path ahead = elsewhere.resolve("ahead");
            work(v, 0, 1);
            Files.copy(dir.resolve(AuditHead.FILE), ahead);
            AuditVerification ok = v.database().read(v.audit()::verify);
            assertThat(ok.intact()).isTrue();
            // what a file of a longer history says, while this database stays as it is
            Files.writeString(dir.resolve(AuditHead.FILE), Files.readString(ahead).replaceAll("seq=(\\d+)", "seq=999"));
            AuditVerification broken = v.database().read(v.audit()::verify);
            assertThat(broken.intact()).isFalse();
            assertThat(broken.problem()).contains("older than its last recorded state");
            Files.copy(ahead, dir.resolve(AuditHead.FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
