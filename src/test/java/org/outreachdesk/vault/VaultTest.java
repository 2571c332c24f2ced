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
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Role;
import org.outreachdesk.store.VaultInUseException;

class VaultTest {

    @TempDir
    Path dir;

    private Vault.Created create() {
        return Vault.create(dir, "Pursat Outreach", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF);
    }

    @Test
    void theFirstAdminUnlocksWhatWasCreated() {
        try (Vault v = create().vault()) {
            assertThat(v.user().role()).isEqualTo(Role.ADMIN);
        }
        try (Vault v = Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            assertThat(v.organisation()).isEqualTo("Pursat Outreach");
            assertThat(v.user().name()).isEqualTo("admin");
        }
    }

    @Test
    void aSecondVaultCannotBeCreatedOverAFirst() {
        create().vault().close();
        assertThatThrownBy(this::create).isInstanceOf(VaultException.class).hasMessageContaining("already exists");
    }

    @Test
    void twentyWrongPasswordsChangeNoFile() throws Exception {
        create().vault().close();
        Map<String, String> before = hashes(dir);
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> Vault.unlock(dir, "admin", "wrong password!".toCharArray(), CLOCK, FAST_KDF))
                    .isInstanceOf(WrongPasswordException.class);
        }
        assertThatThrownBy(() -> Vault.unlock(dir, "nobody", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(hashes(dir)).isEqualTo(before);
    }

    @Test
    void aNonAsciiPasswordNeedsEveryByte() {
        String khmer = "ទឹកភ្លៀងលើម៉ូតូក្រហម";       // Khmer characters are U+1780..U+17FF
        Vault.create(dir, "Org", "admin", khmer.toCharArray(), CLOCK, FAST_KDF).vault().close();
        // the same characters with the high byte dropped, as H2's own password handling would do
        char[] lowBytes = new char[khmer.length()];
        for (int i = 0; i < lowBytes.length; i++) {
            lowBytes[i] = (char) (khmer.charAt(i) & 0xff);
        }
        assertThatThrownBy(() -> Vault.unlock(dir, "admin", lowBytes, CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
        Vault.unlock(dir, "admin", khmer.toCharArray(), CLOCK, FAST_KDF).close();
    }

    @Test
    void theRecoveryKeyOpensTheVaultAsAdminAndCanResetAPassword() {
        Vault.Created c = create();
        String recovery = new String(c.recoveryKey());
        c.vault().close();
        assertThat(recovery).matches("([A-Z2-9]{4}-){7}[A-Z2-9]{4}");
        try (Vault v = Vault.unlock(dir, "recovery", recovery.toLowerCase().replace("-", " ").toCharArray(), CLOCK,
                FAST_KDF)) {
            assertThat(v.user().role()).isEqualTo(Role.ADMIN);
            v.setPassword("admin", "a brand new password".toCharArray());
        }
        Vault.unlock(dir, "admin", "a brand new password".toCharArray(), CLOCK, FAST_KDF).close();
        assertThatThrownBy(() -> Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aPasswordChangeRewritesOnlyThatUsersSlot() throws Exception {
        try (Vault v = create().vault()) {
            v.addUser("sokha", Role.OUTREACH_WORKER, "sokha's password".toCharArray());
        }
        Map<String, String> before = hashes(dir.resolve("keys"));
        try (Vault v = Vault.unlock(dir, "sokha", "sokha's password".toCharArray(), CLOCK, FAST_KDF)) {
            v.setPassword("sokha", "sokha's new password".toCharArray());
        }
        Map<String, String> after = hashes(dir.resolve("keys"));
        long changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
        assertThat(changed).isEqualTo(1);
        assertThat(after.keySet()).isEqualTo(before.keySet());
    }

    @Test
    void disablingAUserRemovesTheirSlotAndLocksThemOut() throws IOException {
        try (Vault v = create().vault()) {
            v.addUser("dara", Role.COORDINATOR, "dara's password".toCharArray());
            assertThat(Files.list(dir.resolve("keys")).count()).isEqualTo(3);
            v.disableUser("dara");
            assertThat(Files.list(dir.resolve("keys")).count()).isEqualTo(2);
        }
        assertThatThrownBy(() -> Vault.unlock(dir, "dara", "dara's password".toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aSlotLeftBehindForADisabledUserIsRemovedAtTheNextUnlock(@TempDir Path elsewhere) throws IOException {
        Path kept = elsewhere.resolve("kept.slot");
        try (Vault v = create().vault()) {
            AppUser dara = v.addUser("dara", Role.COORDINATOR, "dara's password".toCharArray());
            Path slot = dir.resolve("keys").resolve(dara.id() + ".slot");
            Files.copy(slot, kept);
            v.disableUser("dara");
            assertThat(slot).doesNotExist();
            // as an older version or a failure between flag and file would have left it
            Files.copy(kept, slot);
        }
        try (Vault again = Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            assertThat(Files.list(dir.resolve("keys")).count()).isEqualTo(2);
        }
        assertThatThrownBy(() -> Vault.unlock(dir, "dara", "dara's password".toCharArray(), CLOCK, FAST_KDF))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void weakPasswordsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> Vault.create(dir, "Org", "admin", "short".toCharArray(), CLOCK, FAST_KDF))
                .hasMessageContaining("at least 10").hasMessageNotContaining("short");
    }

    @Test
    void locksWipeTheKeyAndAreAudited() {
        Vault v = create().vault();
        v.close();
        assertThat(v.isOpen()).isFalse();
        try (Vault again = Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF)) {
            var actions = again.database().read(tx -> tx.audit().latest(10)).stream().map(e -> e.action()).toList();
            assertThat(actions).startsWith(AuditAction.LOGIN, AuditAction.LOCK, AuditAction.VAULT_CREATED);
        }
    }

    @Test
    void aVaultOpenInAnotherProcessIsReportedAsInUse() throws Exception {
        create().vault().close();
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldOpen.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // many machines set it; the JVM then says "Picked up JAVA_TOOL_OPTIONS" (on standard error) first thing
        child.environment().put("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8");
        Process holder = child.start();
        try {
            String ready = new String(holder.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
            assertThat(ready).isEqualTo("READY");
            assertThatThrownBy(() -> Vault.unlock(dir, "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF))
                    .isInstanceOf(VaultInUseException.class);
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /** Child process: unlocks the vault and keeps it open until killed. */
    public static final class HoldOpen {
        public static void main(String[] args) throws Exception {
            Vault v = Vault.unlock(Path.of(args[0]), "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF);
            System.out.print("READY");
            System.out.flush();
            // holds the vault until the test ends this process (or its standard input closes)
            System.in.read();
            v.close();
        }
    }

    static Map<String, String> hashes(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
