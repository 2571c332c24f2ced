package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real main window, headless under Monocle, after unlocking a real vault. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path root;

    private Stage stage;
    private TestApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
    void opensWithEveryNavigationEntryAndAPlainTitle(FxRobot robot) {
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        assertThat(stage.getTitle()).isEqualTo("Outreach Desk");
        for (String id : new String[] {"dashboard", "encounters", "contacts", "referrals", "incidents", "reports",
            "stock", "import", "directory", "settings"}) {
            assertThat(robot.lookup("#nav-" + id).queryAs(ToggleButton.class).isVisible()).isTrue();
        }
        assertThat(robot.lookup("#status-saved").queryAs(Label.class).getText()).isEqualTo("Nothing saved yet");
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).isEqualTo("User: admin");
        assertThat(robot.lookup("#status-role").queryAs(Label.class).getText()).isEqualTo("Role: Admin");
        assertThat(robot.lookup("#status-vault").queryAs(Label.class).getText())
                .isEqualTo("Vault: " + app.folder().getFileName());
    }

    @Test
    void clickingANavigationEntryShowsThatSection(FxRobot robot) {
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        robot.clickOn("#nav-reports");
        assertThat(robot.lookup("#nav-reports").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-encounters").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(robot.lookup(".section-title").queryAs(Label.class).getText()).isEqualTo("Reports");
    }

    @Test
    void theKeyboardReachesEverySection(FxRobot robot) {
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT0)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(robot.lookup(".section-title").queryAs(Label.class).getText()).isEqualTo("Settings");
        assertThat(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
