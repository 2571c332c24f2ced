package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachdesk.store.jooq.Tables.APP_USER;
import static org.outreachdesk.store.jooq.Tables.AUDIT_ENTRY;
import static org.outreachdesk.store.jooq.Tables.COMMODITY_MOVEMENT;
import static org.outreachdesk.store.jooq.Tables.CONTACT;
import static org.outreachdesk.store.jooq.Tables.DIRECTORY_ENTRY;
import static org.outreachdesk.store.jooq.Tables.ENCOUNTER;
import static org.outreachdesk.store.jooq.Tables.INCIDENT;
import static org.outreachdesk.store.jooq.Tables.REFERRAL;
import static org.outreachdesk.store.jooq.Tables.SAFEGUARDING_SCREEN;
import static org.outreachdesk.store.jooq.Tables.SITE;
import static org.outreachdesk.store.jooq.Tables.STAFF;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.store.StoreTestAccess;
import org.outreachdesk.vault.TestVaults;

/** Backup and restore as the services offer them: same records back, admin only, nothing replaced by surprise. */
class BackupServiceTest {

    private static final String PASSWORD = TestWorkspaces.PASSWORD;

    @TempDir
    Path dir;

    private Path vault() {
        return dir.resolve("vault");
    }

    private static DSLContext sql(Workspace ws) {
        return StoreTestAccess.dsl(ws.vault().database());
    }

    private static List<List<Object>> rows(DSLContext sql, Table<?> table, Field<?> orderBy) {
        return sql.selectFrom(table).orderBy(orderBy).fetch().stream().map(r -> r.intoList()).toList();
    }

    private static Map<String, List<List<Object>>> records(Workspace ws) {
        DSLContext sql = sql(ws);
        return Map.of(
                "contact", rows(sql, CONTACT, CONTACT.ID),
                "encounter", rows(sql, ENCOUNTER, ENCOUNTER.ID),
                "referral", rows(sql, REFERRAL, REFERRAL.ID),
                "incident", rows(sql, INCIDENT, INCIDENT.ID),
                "site", rows(sql, SITE, SITE.ID),
                "staff", rows(sql, STAFF, STAFF.ID),
                "app_user", rows(sql, APP_USER, APP_USER.ID),
                "directory_entry", rows(sql, DIRECTORY_ENTRY, DIRECTORY_ENTRY.ID),
                "commodity_movement", rows(sql, COMMODITY_MOVEMENT, COMMODITY_MOVEMENT.ID),
                "safeguarding_screen", rows(sql, SAFEGUARDING_SCREEN, SAFEGUARDING_SCREEN.ID));
    }

    private static List<AuditEntry> audit(Workspace ws) {
        List<AuditEntry> out = new ArrayList<>();
        ws.vault().database().read(tx -> {
            tx.audit().forEachInOrder(out::add);
            return null;
        });
        return out;
    }

    private static long contacts(Workspace ws) {
        Long n = ws.vault().database().read(tx -> tx.contacts().count());
        return n;
    }

    private static BackupService.Restored restore(Path backup, Path target, String user, String password, boolean replace) {
        return BackupService.restore(backup, target, user, password.toCharArray(), replace, TestVaults.CLOCK);
    }

    @Test
    void backupThenRestoreIntoANewFolderGivesTheSameRecords() throws Exception {
        Path backup = dir.resolve("b" + BackupService.FILE_EXTENSION);
        Map<String, List<List<Object>>> before;
        List<AuditEntry> auditBefore;
        BackupService.Backup written;
        try (Workspace ws = TestWorkspaces.admin(vault())) {
            new UserService(ws).add("sokha", Role.OUTREACH_WORKER, "sokha's password".toCharArray());
            SampleRecords.aFewOfEverything(ws, 12);
            before = records(ws);
            auditBefore = audit(ws);
            written = new BackupService(ws).backup(backup);
            assertThat(written.bytes()).isEqualTo(Files.size(backup));
            AuditEntry last = audit(ws).get(audit(ws).size() - 1);
            assertThat(last.action()).isEqualTo(AuditAction.BACKUP);
            assertThat(last.recordId()).isEqualTo(written.backupId());
        }
        assertThat(before.get("contact")).hasSize(12);
        assertThat(before.get("encounter")).hasSize(24);
        assertThat(before.get("referral")).hasSize(4);
        assertThat(before.get("incident")).hasSize(2);

        Path target = dir.resolve("elsewhere/restored");
        BackupService.Restored r = restore(backup, target, "admin", PASSWORD, false);
        assertThat(r.backupId()).isEqualTo(written.backupId());
        assertThat(r.previousVault()).isNull();
        try (Workspace restored = TestWorkspaces.vaults().unlock(target, "admin", PASSWORD.toCharArray())) {
            assertThat(records(restored)).isEqualTo(before);
            List<AuditEntry> after = audit(restored);
            assertThat(after.subList(0, auditBefore.size())).isEqualTo(auditBefore);
            assertThat(after.get(auditBefore.size()).action()).isEqualTo(AuditAction.RESTORE);
            assertThat(new AuditService(restored).verify().intact()).isTrue();
            assertThat(restored.organisation()).isEqualTo("Test Outreach");
        }
        // every user's password opens the restored vault
        TestWorkspaces.vaults().unlock(target, "sokha", "sokha's password".toCharArray()).close();
    }

    @Test
    void aBackupTakenWhileOthersWriteIsConsistent() throws Exception {
        Path backup = dir.resolve("b.odbackup");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch fiveWritten = new CountDownLatch(5);
        try (Workspace ws = TestWorkspaces.admin(vault())) {
            SampleRecords s = new SampleRecords(ws);
            Contact c = s.contact(Uic.parse("SOCH2150398"), null);
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        s.encounter(c, LocalDate.of(2020, 1, 1).plusDays(i), "while backing up");
                        written.incrementAndGet();
                        fiveWritten.countDown();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    while (fiveWritten.getCount() > 0) {
                        fiveWritten.countDown();
                    }
                }
            });
            writer.start();
            assertThat(fiveWritten.await(60, TimeUnit.SECONDS)).as("five encounters written within a minute").isTrue();
            assertThat(failure.get()).isNull();
            int atStart = written.get();
            new BackupService(ws).backup(backup);
            stop.set(true);
            writer.join();
            assertThat(failure.get()).isNull();
            assertThat(atStart).isPositive();
        }
        restore(backup, dir.resolve("restored"), "admin", PASSWORD, false);
        try (Workspace restored = TestWorkspaces.vaults().unlock(dir.resolve("restored"), "admin", PASSWORD.toCharArray())) {
            long encounters = restored.vault().database().read(tx -> tx.encounters().count());
            long encounterEntries = sql(restored).fetchCount(AUDIT_ENTRY,
                    AUDIT_ENTRY.ACTION.eq(AuditAction.CREATE).and(AUDIT_ENTRY.RECORD_TYPE.eq("encounter")));
            assertThat(encounters).as("every encounter in the backup has its audit entry, and no more")
                    .isEqualTo(encounterEntries).isGreaterThanOrEqualTo(5);
            assertThat(new AuditService(restored).verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAnAdminBacksUpOrRestores(Role role) throws Exception {
        Path backup = dir.resolve("b.odbackup");
        try (Workspace ws = TestWorkspaces.as(role, vault())) {
            assertThatThrownBy(() -> new BackupService(ws).backup(backup)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(backup).doesNotExist();
        try (Workspace admin = TestWorkspaces.vaults().unlock(vault(), "admin", PASSWORD.toCharArray())) {
            new BackupService(admin).backup(backup);
        }
        Path target = dir.resolve("restored");
        assertThatThrownBy(() -> restore(backup, target, role.code(), PASSWORD, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("vault", "b.odbackup");
        }
    }

    @Test
    void anExistingVaultIsReplacedOnlyWhenAskedAndOnlyWhenClosed() throws Exception {
        Path backup = dir.resolve("b.odbackup");
        try (Workspace ws = TestWorkspaces.admin(vault())) {
            new BackupService(ws).backup(backup);
            SampleRecords.aFewOfEverything(ws, 2);    // written after the backup
            assertThatThrownBy(() -> restore(backup, vault(), "admin", PASSWORD, true))
                    .isInstanceOf(VaultBusyException.class);
        }
        assertThatThrownBy(() -> restore(backup, vault(), "admin", PASSWORD, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
        try (Workspace ws = TestWorkspaces.vaults().unlock(vault(), "admin", PASSWORD.toCharArray())) {
            assertThat(contacts(ws)).isEqualTo(2);
        }
        BackupService.Restored r = restore(backup, vault(), "admin", PASSWORD, true);
        assertThat(r.previousVault()).isNotNull();
        try (Workspace ws = TestWorkspaces.vaults().unlock(vault(), "admin", PASSWORD.toCharArray())) {
            assertThat(contacts(ws)).isZero();
        }
        try (Workspace old = TestWorkspaces.vaults().unlock(r.previousVault(), "admin", PASSWORD.toCharArray())) {
            assertThat(contacts(old)).isEqualTo(2);
        }
    }

    @Test
    void aWrongPasswordOrADamagedFileAreToldApart() throws Exception {
        Path backup = dir.resolve("b.odbackup");
        try (Workspace ws = TestWorkspaces.admin(vault())) {
            new BackupService(ws).backup(backup);
        }
        assertThatThrownBy(() -> restore(backup, dir.resolve("r"), "admin", "wrong password", false))
                .isInstanceOf(WrongPasswordException.class);
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length - 100] ^= 0x40;
        Files.write(backup, bytes);
        assertThatThrownBy(() -> restore(backup, dir.resolve("r"), "admin", PASSWORD, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> restore(dir.resolve("missing.odbackup"), dir.resolve("r"), "admin", PASSWORD, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no backup file");
        assertThat(dir.resolve("r")).doesNotExist();
    }
}
