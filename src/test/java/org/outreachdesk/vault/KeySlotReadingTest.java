package org.outreachdesk.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachdesk.vault.TestVaults.ADMIN_PASSWORD;
import static org.outreachdesk.vault.TestVaults.CLOCK;
import static org.outreachdesk.vault.TestVaults.FAST_KDF;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Role;

/** Issue 17.6: one damaged key slot must not lock everyone out; two slots claiming one name are refused. */
class KeySlotReadingTest {

    private static final String WORKER_PASSWORD = "worker password 1";

    @TempDir
    Path dir;
    private String recovery;
    private UUID daraId;

    @BeforeEach
    void aVaultWithAWorker() {
        Vault.Created c = Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF);
        recovery = new String(c.recoveryKey());
        try (Vault v = c.vault()) {
            daraId = v.addUser("dara", Role.OUTREACH_WORKER, WORKER_PASSWORD.toCharArray()).id();
        }
    }

    private Path keys() {
        return dir.resolve(VaultFolder.KEYS);
    }

    private void adminAndRecoveryStillUnlock() {
        Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).close();
        Vault.unlock(dir, "recovery", recovery.toCharArray(), CLOCK, FAST_KDF).close();
    }

    @Test
    void aJunkSlotFileIsSkipped() throws Exception {
        Files.writeString(keys().resolve("junk.slot"), "this is not a key slot\n\u0000\u0001");
        Files.write(keys().resolve(UUID.randomUUID() + ".slot"), new byte[] {(byte) 0xff, '\\', 'u', 'z'});
        adminAndRecoveryStillUnlock();
        Vault.unlock(dir, "dara", WORKER_PASSWORD.toCharArray(), CLOCK, FAST_KDF).close();
    }

    @Test
    void aSlotWithABadFieldIsSkippedAndOnlyItsOwnerIsLockedOut() throws Exception {
        Path slot = keys().resolve(daraId + ".slot");
        Files.writeString(slot, Files.readString(slot).replaceAll("kdf\\.memoryKiB=\\d+", "kdf.memoryKiB=lots"));
        adminAndRecoveryStillUnlock();
        assertThatThrownBy(() -> Vault.unlock(dir, "dara", WORKER_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aSlotAskingForAbsurdMemoryIsSkippedNotRun() throws Exception {
        Path slot = keys().resolve(daraId + ".slot");
        Files.writeString(slot, Files.readString(slot).replaceAll("kdf\\.memoryKiB=\\d+", "kdf.memoryKiB=2000000000"));
        adminAndRecoveryStillUnlock();
        assertThatThrownBy(() -> Vault.unlock(dir, "dara", WORKER_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aCopyOfASlotUnderAnotherFileNameIsSkipped() throws Exception {
        Files.copy(keys().resolve(daraId + ".slot"), keys().resolve("copy.slot"));
        Vault.unlock(dir, "dara", WORKER_PASSWORD.toCharArray(), CLOCK, FAST_KDF).close();
    }

    @Test
    void twoSlotsClaimingOneUserNameAreRefusedClearlyAndOthersStillUnlock() throws Exception {
        byte[] key;
        try (Vault v = Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            key = v.dataKey().clone();
        }
        UUID other = UUID.randomUUID();
        new VaultFolder(dir).writeSlot(KeySlot.seal(other, "dara", "another password 1".toCharArray(), key, FAST_KDF));
        assertThatThrownBy(() -> Vault.unlock(dir, "dara", WORKER_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(VaultException.class).isNotInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("two key slots").hasMessageContaining(other + ".slot")
                .hasMessageContaining(daraId + ".slot")
                .satisfies(e -> assertThat(((VaultException) e).key()).isEqualTo("vault.slotClash"));
        adminAndRecoveryStillUnlock();
    }
}
