package org.outreachdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

/** The Settings view-model's "Back up now": one encrypted file that restores to the same vault. */
class SettingsBackupTest {

    @TempDir
    Path dir;

    @Test
    void anAdminsBackupIsWrittenAndRestores() throws Exception {
        Path backup = dir.resolve("b" + BackupService.FILE_EXTENSION);
        try (Workspace ws = TestWorkspaces.admin(dir.resolve("vault"))) {
            SettingsViewModel vm = new SettingsViewModel(new UiContext(ws, new ImmediateTaskExecutor(),
                    new Messages(Locale.ENGLISH), new ShellViewModel()));
            vm.backupTo(backup);
            assertThat(vm.backup().errorProperty().get()).isEmpty();
            assertThat(vm.backup().messageProperty().get()).startsWith("Backup written: ");
        }
        assertThat(Files.size(backup)).isPositive();
        BackupService.Restored r = BackupService.restore(backup, dir.resolve("restored"), "admin",
                TestWorkspaces.PASSWORD.toCharArray(), false, org.outreachdesk.vault.TestVaults.CLOCK);
        assertThat(r.vault()).isEqualTo(dir.resolve("restored"));
        TestWorkspaces.vaults().unlock(dir.resolve("restored"), "admin", TestWorkspaces.PASSWORD.toCharArray()).close();
    }
}
