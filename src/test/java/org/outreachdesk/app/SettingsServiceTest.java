package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.Role;

class SettingsServiceTest {

    @TempDir
    Path dir;

    @Test
    void theAutoLockTimeIsTenMinutesUntilAnAdminChangesItAndTheChangeIsAudited() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            SettingsService settings = new SettingsService(ws);
            assertThat(settings.idleMinutes()).isEqualTo(SettingsService.DEFAULT_IDLE_MINUTES).isEqualTo(10);
            settings.setIdleMinutes(25);
            assertThat(settings.idleMinutes()).isEqualTo(25);

            List<AuditEntry> entries = new ArrayList<>();
            ws.read(Permission.ADMINISTER, tx -> {
                tx.audit().forEachInOrder(entries::add);
                return null;
            });
            AuditEntry last = entries.get(entries.size() - 1);
            assertThat(last.action()).isEqualTo(AuditAction.SETTING_CHANGED);
            assertThat(last.recordId()).isEqualTo("lock.idleMinutes");
            assertThat(new AuditService(ws).verify().intact()).isTrue();
        }
        // stored in the vault: a new session reads it back
        try (Workspace again = TestWorkspaces.vaults().unlock(dir, "admin", TestWorkspaces.PASSWORD.toCharArray())) {
            assertThat(new SettingsService(again).idleMinutes()).isEqualTo(25);
        }
    }

    @Test
    void outOfRangeTimesAreRefusedAndNothingChanges() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            SettingsService settings = new SettingsService(ws);
            assertThatThrownBy(() -> settings.setIdleMinutes(0)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> settings.setIdleMinutes(SettingsService.MAX_IDLE_MINUTES + 1))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(settings.idleMinutes()).isEqualTo(10);
            settings.setIdleMinutes(SettingsService.MIN_IDLE_MINUTES);
            assertThat(settings.idleMinutes()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void everyoneReadsTheAutoLockTimeButOnlyAnAdminChangesIt(Role role) {
        try (Workspace ws = TestWorkspaces.as(role, dir)) {
            SettingsService settings = new SettingsService(ws);
            assertThat(settings.idleMinutes()).isEqualTo(10);
            assertThatThrownBy(() -> settings.setIdleMinutes(30)).isInstanceOf(AccessDeniedException.class);
            assertThat(settings.idleMinutes()).isEqualTo(10);
        }
    }
}
