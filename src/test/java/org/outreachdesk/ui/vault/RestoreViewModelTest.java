package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.TestApp;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.outreachdesk.vault.TestVaults;

/**
 * The restore screen's model on real vaults and backups: a backup restored through it opens with its record;
 * a wrong password, a file that is not a backup or a damaged one changes nothing and says so; replacing a vault
 * needs the explicit confirmation and keeps the old vault aside.
 */
class RestoreViewModelTest {

    private final Messages messages = new Messages(Locale.ENGLISH);
    private final List<RestoreViewModel.RestoreDone> done = new ArrayList<>();
    private final List<char[]> passwordsSeen = new ArrayList<>();
    private int restores;

    @TempDir
    Path dir;

    private Path backup() {
        return dir.resolve("team" + BackupService.FILE_EXTENSION);
    }

    private Path target() {
        return dir.resolve("laptop").resolve("vault");
    }

    /** The model as the app wires it: restoring into {@link #target()}. */
    private RestoreViewModel model(boolean vaultExists) {
        return new RestoreViewModel((file, user, pw, replace) -> {
            restores++;
            passwordsSeen.add(pw);
            return BackupService.restore(file, target(), user, pw, replace, TestVaults.CLOCK);
        }, new ImmediateTaskExecutor(), messages, vaultExists, done::add);
    }

    @Test
    void aBackupRestoredIntoAnEmptyFolderUnlocksWithItsRecordAndTheRestoreIsAudited() {
        RestoreFixtures.backupWithAContact(dir.resolve("office"), backup());
        RestoreViewModel vm = model(false);
        assertThat(vm.replacesVault()).isFalse();
        assertThat(vm.canSubmitProperty().get()).as("no file yet").isFalse();

        vm.backupFileProperty().set(backup());
        vm.userNameProperty().set("admin");
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(vm.submit(TestWorkspaces.PASSWORD.toCharArray())).isTrue();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(done).hasSize(1);
        assertThat(done.get(0).userName()).isEqualTo("admin");
        assertThat(done.get(0).restored().previousVault()).isNull();
        assertThat(done.get(0).restored().vault()).isEqualTo(target().toAbsolutePath().normalize());
        assertThat(passwordsSeen.get(0)).as("wiped").containsOnly('\0');

        assertThat(TestWorkspaces.vaults().exists(target())).isTrue();
        assertThat(RestoreFixtures.contact(target(), RestoreFixtures.BACKED_UP_UIC)).isPresent();
        assertThat(TestApp.auditActions(target())).contains(AuditAction.RESTORE);
    }

    @Test
    void aWrongPasswordSaysSoAndLeavesTheExistingVaultUntouched() throws Exception {
        RestoreFixtures.backupWithAContact(dir.resolve("office"), backup());
        RestoreFixtures.otherVault(target());
        Map<String, String> before = TestApp.fileHashes(target());
        List<Path> siblingsBefore = siblings();

        RestoreViewModel vm = model(true);
        vm.backupFileProperty().set(backup());
        vm.userNameProperty().set("admin");
        vm.replaceConfirmedProperty().set(true);
        assertThat(vm.submit("not the password at all".toCharArray())).isTrue();

        assertThat(vm.errorProperty().get()).startsWith("This user name and password do not open the backup.");
        assertThat(done).isEmpty();
        assertThat(passwordsSeen.get(0)).containsOnly('\0');
        assertThat(TestApp.fileHashes(target())).isEqualTo(before);
        assertThat(siblings()).as("nothing moved aside, no staging left").isEqualTo(siblingsBefore);
        assertThat(RestoreFixtures.contact(target(), RestoreFixtures.LATER_UIC)).isPresent();
    }

    @Test
    void replacingAVaultNeedsTheConfirmationAndKeepsTheOldVaultAside() throws Exception {
        RestoreFixtures.backupWithAContact(dir.resolve("office"), backup());
        RestoreFixtures.otherVault(target());
        Map<String, String> before = TestApp.fileHashes(target());

        RestoreViewModel vm = model(true);
        assertThat(vm.replacesVault()).isTrue();
        vm.backupFileProperty().set(backup());
        vm.userNameProperty().set("admin");
        assertThat(vm.canSubmitProperty().get()).as("not confirmed").isFalse();
        assertThat(vm.submit(TestWorkspaces.PASSWORD.toCharArray())).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Tick the box to confirm that the current vault may be replaced.");
        assertThat(restores).as("the service was not even called").isZero();
        assertThat(TestApp.fileHashes(target())).isEqualTo(before);

        vm.replaceConfirmedProperty().set(true);
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(vm.submit(TestWorkspaces.PASSWORD.toCharArray())).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();

        BackupService.Restored r = done.get(0).restored();
        assertThat(r.previousVault()).isNotNull();
        assertThat(r.previousVault().getFileName().toString()).startsWith("vault.replaced-");
        assertThat(RestoreFixtures.contact(target(), RestoreFixtures.BACKED_UP_UIC)).isPresent();
        assertThat(RestoreFixtures.contact(target(), RestoreFixtures.LATER_UIC)).as("replaced").isEmpty();
        assertThat(TestApp.fileHashes(r.previousVault())).as("the old vault, whole, aside").isEqualTo(before);
    }

    @Test
    void aFileThatIsNotABackupAndADamagedBackupAreNamedAndChangeNothing() throws Exception {
        RestoreFixtures.backupWithAContact(dir.resolve("office"), backup());
        Path notABackup = dir.resolve("register.xlsx");
        Files.writeString(notABackup, "PK this is a spreadsheet, not a backup");
        Path cut = dir.resolve("cut" + BackupService.FILE_EXTENSION);
        byte[] whole = Files.readAllBytes(backup());
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));

        RestoreViewModel vm = model(false);
        vm.userNameProperty().set("admin");
        vm.backupFileProperty().set(notABackup);
        vm.submit(TestWorkspaces.PASSWORD.toCharArray());
        assertThat(vm.errorProperty().get()).startsWith("This file is not an Outreach Desk backup.");

        vm.backupFileProperty().set(cut);
        assertThat(vm.errorProperty().get()).as("a new file clears the old error").isEmpty();
        vm.submit(TestWorkspaces.PASSWORD.toCharArray());
        assertThat(vm.errorProperty().get()).startsWith("The backup file is damaged or incomplete.");

        assertThat(done).isEmpty();
        assertThat(TestWorkspaces.vaults().exists(target())).isFalse();
        assertThat(Files.exists(target().getParent()) ? siblings() : List.of()).isEmpty();
    }

    @Test
    void aVaultOpenElsewhereIsNotReplaced() throws Exception {
        RestoreFixtures.backupWithAContact(dir.resolve("office"), backup());
        try (Workspace open = TestWorkspaces.admin(target())) {
            RestoreViewModel vm = model(true);
            vm.backupFileProperty().set(backup());
            vm.userNameProperty().set("admin");
            vm.replaceConfirmedProperty().set(true);
            vm.submit(TestWorkspaces.PASSWORD.toCharArray());
            assertThat(vm.errorProperty().get()).startsWith("Vault already open in another program");
            assertThat(done).isEmpty();
        }
    }

    @Test
    void onlyAnAdminOfTheBackupMayRestoreIt() {
        try (Workspace ws = TestWorkspaces.admin(dir.resolve("office"))) {
            new UserService(ws).add("sokha", Role.OUTREACH_WORKER, "sokha's password".toCharArray());
            new BackupService(ws).backup(backup());
        }
        RestoreViewModel vm = model(false);
        vm.backupFileProperty().set(backup());
        vm.userNameProperty().set("sokha");
        vm.submit("sokha's password".toCharArray());
        assertThat(vm.errorProperty().get()).startsWith("Only an admin of the backup");
        assertThat(TestWorkspaces.vaults().exists(target())).isFalse();
    }

    @Test
    void missingFieldsAreNotTried() {
        RestoreViewModel vm = model(false);
        assertThat(vm.submit("something long".toCharArray())).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Choose the backup file first.");
        vm.backupFileProperty().set(backup());
        assertThat(vm.submit("something long".toCharArray())).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Enter the user name and the password.");
        vm.userNameProperty().set("admin");
        assertThat(vm.submit(new char[0])).isFalse();
        assertThat(restores).isZero();
    }

    /** What lies beside the target folder (the target itself excluded). */
    private List<Path> siblings() throws Exception {
        try (var s = Files.list(target().getParent())) {
            return s.filter(p -> !p.equals(target())).sorted().toList();
        }
    }
}
