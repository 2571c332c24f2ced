package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Restoring a backup from the unlock screen, end to end, with the file chooser stubbed: the vault there is
 * replaced only once the box is ticked, then the restored vault unlocks; a wrong password changes nothing.
 * (From the first-run screen: {@link RestoreFromFirstRunTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class RestoreScreenTest {

    @TempDir
    static Path root;

    private TestApp app;
    private Path backup;
    private final List<Object> chooserOwners = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Path base = root.resolve(UUID.randomUUID().toString());
        backup = base.resolve("team" + BackupService.FILE_EXTENSION);
        RestoreFixtures.backupWithAContact(base.resolve("office"), backup);
        Path folder = base.resolve("laptop").resolve("vault");
        RestoreFixtures.otherVault(folder);
        app = TestApp.start(stage, folder, null);
        app.app().flow().setBackupChooser(owner -> {
            chooserOwners.add(owner);
            return backup.toFile();
        });
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    @Test
    void fromTheUnlockScreenTheVaultIsReplacedOnlyOnceConfirmedThenTheRestoredVaultUnlocks(FxRobot robot)
            throws Exception {
        TestApp.waitFor(robot, "#unlock-restore");
        robot.clickOn("#unlock-restore");
        TestApp.waitFor(robot, "#restore-screen");
        assertThat(robot.lookup("#unlock-user").tryQuery()).isEmpty();
        Label warning = robot.lookup("#restore-replace-warning").queryAs(Label.class);
        assertThat(warning.getText().replace("\n", " ")).contains("Restoring REPLACES it").contains("vault.replaced-");
        Button submit = robot.lookup("#restore-submit").queryButton();
        assertThat(submit.isDisabled()).as("no file yet").isTrue();

        robot.clickOn("#restore-choose");
        assertThat(chooserOwners).hasSize(1).doesNotContainNull();
        assertThat(robot.lookup("#restore-file").queryAs(TextField.class).getText()).endsWith("team.odbackup");
        TestApp.fill(robot, "#restore-user", "admin");
        TestApp.fill(robot, "#restore-password", TestWorkspaces.PASSWORD);
        assertThat(submit.isDisabled()).as("not confirmed").isTrue();
        robot.type(KeyCode.ENTER);
        TestApp.waitFor(robot, "#restore-error");
        assertThat(robot.lookup("#restore-error").queryAs(Label.class).getText())
                .isEqualTo("Tick the box to confirm that the current vault may be replaced.");
        assertThat(RestoreFixtures.contact(app.folder(), RestoreFixtures.LATER_UIC)).as("untouched").isPresent();

        robot.clickOn("#restore-confirm");
        assertThat(submit.isDisabled()).as("file chosen, replacing agreed").isFalse();
        TestApp.fill(robot, "#restore-password", TestWorkspaces.PASSWORD);
        robot.clickOn("#restore-submit");

        TestApp.waitFor(robot, "#unlock-notice");
        String notice = robot.lookup("#unlock-notice").queryAs(Label.class).getText().replace("\n", " ");
        assertThat(notice).startsWith("Backup restored (taken ").contains("kept in").contains("vault.replaced-");
        assertThat(robot.lookup("#unlock-user").queryAs(TextField.class).getText()).isEqualTo("admin");
        robot.clickOn("#unlock-password").write(TestWorkspaces.PASSWORD).type(KeyCode.ENTER);
        TestApp.waitFor(robot, "#nav-encounters");
        app.stop(robot);

        assertThat(RestoreFixtures.contact(app.folder(), RestoreFixtures.BACKED_UP_UIC)).isPresent();
        assertThat(RestoreFixtures.contact(app.folder(), RestoreFixtures.LATER_UIC)).isEmpty();
        assertThat(TestApp.auditActions(app.folder())).contains(AuditAction.RESTORE, AuditAction.LOGIN);
    }

    @Test
    void wrongPasswordSaysSoChangesNothingAndEscapeGoesBack(FxRobot robot) throws Exception {
        TestApp.waitFor(robot, "#unlock-restore");
        Map<String, String> before = TestApp.fileHashes(app.folder());
        robot.clickOn("#unlock-restore");
        TestApp.waitFor(robot, "#restore-screen");
        robot.clickOn("#restore-choose");
        TestApp.fill(robot, "#restore-user", "admin");
        robot.clickOn("#restore-confirm");
        TestApp.fill(robot, "#restore-password", "this is not it");
        robot.type(KeyCode.ENTER);
        TestApp.waitFor(robot, "#restore-error");
        assertThat(robot.lookup("#restore-error").queryAs(Label.class).getText())
                .startsWith("This user name and password do not open the backup.");
        assertThat(TestApp.fileHashes(app.folder())).isEqualTo(before);

        robot.type(KeyCode.ESCAPE);
        TestApp.waitFor(robot, "#unlock-user");
        assertThat(robot.lookup("#restore-screen").tryQuery()).isEmpty();
    }
}
