package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UnlockThrottle;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The unlock screen on an existing vault. The throttle here waits 8 s after the second wrong attempt, so a
 * busy test machine still sees the wait while it lasts.
 */
@ExtendWith(ApplicationExtension.class)
class UnlockScreenTest {

    @TempDir
    static Path root;

    private TestApp app;

    @Start
    void start(Stage stage) {
        Path folder = root.resolve(UUID.randomUUID().toString());
        TestWorkspaces.admin(folder).close();
        app = TestApp.start(stage, folder, null, new UnlockThrottle(1, Duration.ofSeconds(8), Duration.ofSeconds(60)));
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    @Test
    void aWrongPasswordSaysSoAndChangesNoFileThenTheRightOneOpens(FxRobot robot) throws Exception {
        TestApp.waitFor(robot, "#unlock-user");
        assertThat(robot.lookup("#first-run-org").tryQuery()).isEmpty();
        Map<String, String> before = TestApp.fileHashes(app.folder());

        TestApp.typeUnlock(robot, "admin", "not the password");
        TestApp.waitFor(robot, "#unlock-error");
        assertThat(robot.lookup("#unlock-error").queryAs(Label.class).getText()).isEqualTo("Wrong user name or password.");
        assertThat(robot.lookup("#unlock-password").queryAs(PasswordField.class).getText()).as("cleared").isEmpty();
        assertThat(TestApp.fileHashes(app.folder())).isEqualTo(before);

        // key by key, Enter in the password field submits
        robot.clickOn("#unlock-password").write(TestWorkspaces.PASSWORD).type(javafx.scene.input.KeyCode.ENTER);
        TestApp.waitFor(robot, "#nav-encounters");
        assertThat(robot.lookup("#unlock-user").tryQuery()).isEmpty();
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).isEqualTo("User: admin");
    }

    @Test
    void repeatedWrongPasswordsMakeTheNextAttemptWaitAndTheScreenSaysHowLong(FxRobot robot) {
        TestApp.fillUnlock(robot, "admin", "wrong once");
        TestApp.waitFor(robot, "#unlock-error");
        assertThat(robot.lookup("#unlock-wait").queryAs(Label.class).isVisible()).isFalse();
        TestApp.waitUntil(() -> !robot.lookup("#unlock-password").queryAs(PasswordField.class).isDisabled(), "ready");

        TestApp.fillUnlock(robot, "admin", "wrong twice");
        TestApp.waitFor(robot, "#unlock-wait");
        Label wait = robot.lookup("#unlock-wait").queryAs(Label.class);
        assertThat(wait.getText()).matches("Too many wrong attempts: wait [1-8] s before trying again\\.");
        Button unlock = robot.lookup("#unlock-button").queryButton();
        assertThat(unlock.isDisabled()).isTrue();
        // Enter does nothing meanwhile
        TestApp.fillUnlock(robot, "admin", TestWorkspaces.PASSWORD);
        assertThat(robot.lookup("#nav-encounters").tryQuery()).isEmpty();

        TestApp.waitUntil(() -> !unlock.isDisabled(), "the wait to end");
        assertThat(wait.isVisible()).isFalse();
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
    }
}
