package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Locking by hand: the Lock button and Ctrl+L. */
@ExtendWith(ApplicationExtension.class)
class LockTest {

    @TempDir
    static Path root;

    private TestApp app;

    @Start
    void start(Stage stage) {
        Path folder = root.resolve(UUID.randomUUID().toString());
        TestWorkspaces.admin(folder).close();
        app = TestApp.start(stage, folder, null);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    @Test
    void theLockButtonDropsTheSessionsViewsAndLocksTheVault(FxRobot robot) {
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        robot.clickOn("#nav-settings");
        TestApp.waitFor(robot, "#settings-own-password");
        // half-typed, never saved
        robot.clickOn("#settings-own-password").write("half typed");
        robot.clickOn("#settings-add-name").write("draft");

        robot.clickOn("#lock-button");
        TestApp.waitFor(robot, "#unlock-user");
        assertThat(robot.lookup(".shell").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-encounters").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-view").tryQuery()).isEmpty();
        assertThat(robot.lookup("#unlock-notice").queryAs(Label.class).getText()).isEqualTo("The vault is locked.");
        assertThat(robot.lookup("#unlock-user").queryAs(TextField.class).getText()).isEmpty();
        assertThat(app.app().flow().isUnlocked()).isFalse();

        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        robot.clickOn("#nav-settings");
        TestApp.waitFor(robot, "#settings-own-password");
        assertThat(robot.lookup("#settings-own-password").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(robot.lookup("#settings-add-name").queryAs(TextField.class).getText()).isEmpty();

        app.stop(robot);
        assertThat(TestApp.auditActions(app.folder())).containsSubsequence(
                AuditAction.LOGIN, AuditAction.LOCK, AuditAction.LOGIN, AuditAction.LOCK);
    }

    @Test
    void ctrlLLocksAndTheShellsShortcutsAreGone(FxRobot robot) {
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        TestApp.waitFor(robot, "#unlock-user");
        assertThat(robot.lookup("#nav-encounters").tryQuery()).isEmpty();
        assertThat(robot.lookup("#unlock-user").query().getScene().getAccelerators()).isEmpty();
        // the section shortcuts of the dropped shell do nothing now
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT8).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#unlock-user").tryQuery()).isPresent();
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
    }
}
