package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

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
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Restoring a backup from the first-run screen (no vault in the folder yet), by keyboard, chooser stubbed. */
@ExtendWith(ApplicationExtension.class)
class RestoreFromFirstRunTest {

    @TempDir
    static Path root;

    private TestApp app;
    private Path backup;

    @Start
    void start(Stage stage) {
        Path base = root.resolve(UUID.randomUUID().toString());
        backup = base.resolve("team" + BackupService.FILE_EXTENSION);
        RestoreFixtures.backupWithAContact(base.resolve("office"), backup);
        app = TestApp.start(stage, base.resolve("new-laptop").resolve("vault"), null);
        app.app().flow().setBackupChooser(owner -> backup.toFile());
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    @Test
    void theBackupBecomesTheVaultAndEverythingWorksByKeyboard(FxRobot robot) {
        TestApp.waitFor(robot, "#first-run-restore");
        robot.interact(() -> robot.lookup("#first-run-restore").queryButton().requestFocus());
        robot.type(KeyCode.SPACE);
        TestApp.waitFor(robot, "#restore-screen");
        assertThat(robot.lookup("#restore-confirm").tryQuery()).as("nothing to replace").isEmpty();
        assertThat(robot.lookup("#restore-target").queryAs(Label.class).getText().replace("\u200B", ""))
                .contains(app.folder().toString());

        // the chooser button has the focus: Space opens it
        TestApp.waitUntil(() -> robot.lookup("#restore-choose").queryButton().isFocused(), "focus on Choose");
        robot.type(KeyCode.SPACE);
        TestApp.waitUntil(() -> !robot.lookup("#restore-file").queryAs(TextField.class).getText().isEmpty(), "the file");
        TestApp.waitUntil(() -> robot.lookup("#restore-user").query().isFocused(), "focus on the user name");
        robot.write("admin").type(KeyCode.ENTER).write(TestWorkspaces.PASSWORD).type(KeyCode.ENTER);

        TestApp.waitFor(robot, "#unlock-notice");
        assertThat(robot.lookup("#unlock-notice").queryAs(Label.class).getText()).doesNotContain("kept in");
        TestApp.fillUnlock(robot, "admin", TestWorkspaces.PASSWORD);
        TestApp.waitFor(robot, "#nav-encounters");
        app.stop(robot);
        assertThat(RestoreFixtures.contact(app.folder(), RestoreFixtures.BACKED_UP_UIC)).isPresent();
    }
}
