package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first start on a computer without a vault. */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {

    @TempDir
    static Path root;

    private Stage stage;
    private TestApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = TestApp.start(stage, root.resolve(UUID.randomUUID().toString()).resolve("vault"), null);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    @Test
    void createsTheVaultShowsTheRecoveryKeyOnceThenTheMainWindow(FxRobot robot) {
        TestApp.waitFor(robot, "#first-run-org");
        assertThat(TestWorkspaces.vaults().exists(app.folder())).isFalse();
        assertThat(robot.lookup("#first-run-rules").queryAs(Label.class).getText()).contains("at least 10 characters");
        assertThat(robot.lookup("#first-run-demo").queryButton().isVisible()).isTrue();

        robot.clickOn("#first-run-org").write("Pursat Outreach");
        TestApp.fill(robot, "#first-run-admin", "sophea");
        TestApp.fill(robot, "#first-run-password", "correct horse battery");
        TestApp.fill(robot, "#first-run-confirm", "correct horse batterY");
        robot.clickOn("#first-run-create");
        assertThat(robot.lookup("#first-run-error").queryAs(Label.class).getText())
                .isEqualTo("The two passwords are not the same.");
        assertThat(TestWorkspaces.vaults().exists(app.folder())).isFalse();

        TestApp.fill(robot, "#first-run-password", "correct horse battery");
        TestApp.fill(robot, "#first-run-confirm", "correct horse battery");
        robot.type(KeyCode.ENTER);

        TestApp.waitFor(robot, "#recovery-key");
        assertThat(TestWorkspaces.vaults().exists(app.folder())).isTrue();
        String key = robot.lookup("#recovery-key").queryAs(Label.class).getText();
        assertThat(key).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){7}");
        Button go = robot.lookup("#recovery-continue").queryButton();
        assertThat(go.isDisabled()).as("continue needs the tick").isTrue();
        robot.clickOn("#recovery-written");
        assertThat(robot.lookup("#recovery-written").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(go.isDisabled()).isFalse();
        robot.clickOn("#recovery-continue");

        TestApp.waitFor(robot, "#nav-encounters");
        assertThat(robot.lookup("#recovery-key").tryQuery()).as("shown once").isEmpty();
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).isEqualTo("User: sophea");
        assertThat(robot.lookup("#status-role").queryAs(Label.class).getText()).isEqualTo("Role: Admin");
        assertThat(robot.lookup("#status-vault").queryAs(Label.class).getText()).isEqualTo("Vault: vault");
        assertThat(stage.getTitle()).isEqualTo("Outreach Desk");

        // the key shown is the real one: after locking, it opens the vault as "recovery"
        robot.clickOn("#lock-button");
        TestApp.waitFor(robot, "#unlock-user");
        assertThat(robot.lookup("#recovery-key").tryQuery()).isEmpty();
        TestApp.unlock(robot, "recovery", key.toLowerCase(java.util.Locale.ROOT));
        assertThat(robot.lookup("#status-role").queryAs(Label.class).getText()).isEqualTo("Role: Admin");
        robot.clickOn("#lock-button");
        TestApp.waitFor(robot, "#unlock-user");
        // and the first admin's password opens it too, with the organisation stored
        app.stop(robot);
        try (Workspace ws = TestWorkspaces.vaults().unlock(app.folder(), "sophea", "correct horse battery".toCharArray())) {
            assertThat(ws.organisation()).isEqualTo("Pursat Outreach");
            assertThat(ws.isDemo()).isFalse();
        }
    }

    @Test
    void exploresADemoVaultBesideTheRealOneMarkedInTheTitle(FxRobot robot) {
        TestApp.waitFor(robot, "#first-run-admin");
        TestApp.fill(robot, "#first-run-admin", "trainer");
        TestApp.fill(robot, "#first-run-password", "demo password 1");
        TestApp.fill(robot, "#first-run-confirm", "demo password 1");
        robot.clickOn("#first-run-demo");
        TestApp.waitFor(robot, "#recovery-key");
        robot.clickOn("#recovery-written");
        robot.clickOn("#recovery-continue");
        TestApp.waitFor(robot, "#nav-encounters");
        TestApp.waitUntil(() -> stage.getTitle() != null && stage.getTitle().contains("DEMO DATA"), "the demo title");
        assertThat(stage.getTitle()).startsWith("Outreach Desk").contains("DEMO DATA");
        Path demo = app.folder().resolveSibling("vault-demo");
        assertThat(TestWorkspaces.vaults().exists(demo)).isTrue();
        assertThat(TestWorkspaces.vaults().exists(app.folder())).as("the real vault's place stays free").isFalse();
        robot.clickOn("#lock-button");
        TestApp.waitFor(robot, "#unlock-user");
        assertThat(stage.getTitle()).isEqualTo("Outreach Desk");
        app.stop(robot);
        try (Workspace ws = TestWorkspaces.vaults().unlock(demo, "trainer", "demo password 1".toCharArray())) {
            assertThat(ws.isDemo()).isTrue();
            assertThat(new org.outreachdesk.app.ContactService(ws).count(org.outreachdesk.domain.ContactFilter.ALL))
                    .isEqualTo(1000);
        }
    }
}
