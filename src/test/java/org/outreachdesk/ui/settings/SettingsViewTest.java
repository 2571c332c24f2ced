package org.outreachdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.SettingsService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.WrongPasswordException;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The Settings section, driven through the real main window, for an admin and for an outreach worker. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {

    private static final String WORKER = Role.OUTREACH_WORKER.code();

    @TempDir
    static Path root;

    private TestApp app;

    @Start
    void start(Stage stage) {
        Path folder = root.resolve(UUID.randomUUID().toString());
        // an admin ("admin") and an outreach worker ("outreach-worker"), same password
        TestWorkspaces.as(Role.OUTREACH_WORKER, folder).close();
        app = TestApp.start(stage, folder, null);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    private void openSettings(FxRobot robot, String user) {
        TestApp.unlock(robot, user, TestWorkspaces.PASSWORD);
        robot.clickOn("#nav-settings");
        TestApp.waitFor(robot, "#settings-own");
    }

    @SuppressWarnings("unchecked")
    private static TableView<UserRow> table(FxRobot robot) {
        return robot.lookup("#settings-users-table").queryAs(TableView.class);
    }

    private static boolean hasRow(FxRobot robot, String name, boolean active) {
        return table(robot).getItems().stream().anyMatch(r -> r.name().equals(name) && r.active() == active);
    }

    @Test
    void anAdminChoosesWhetherDonorReportsNameSitesAndAWorkerDoesNotSeeIt(FxRobot robot) {
        openSettings(robot, "admin");
        robot.interact(() -> robot.lookup("#settings-site-names").queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        javafx.scene.control.RadioButton code = robot.lookup("#settings-site-names-code")
                .queryAs(javafx.scene.control.RadioButton.class);
        javafx.scene.control.RadioButton name = robot.lookup("#settings-site-names-name")
                .queryAs(javafx.scene.control.RadioButton.class);
        assertThat(code.isSelected()).isTrue();
        robot.interact(name::fire);
        TestApp.waitUntil(() -> robot.lookup("#settings-site-names-message").queryAs(Label.class).getText()
                .equals("Saved: donor reports name sites."), "the site names saved");
        assertThat(name.isSelected()).isTrue();
        robot.interact(code::fire);
        TestApp.waitUntil(() -> robot.lookup("#settings-site-names-message").queryAs(Label.class).getText()
                .equals("Saved: donor reports give site codes only."), "the site codes saved");
    }

    @Test
    void anOutreachWorkerDoesNotChooseHowDonorReportsNameSites(FxRobot robot) {
        openSettings(robot, WORKER);
        assertThat(robot.lookup("#settings-site-names").tryQuery()).isEmpty();
    }

    @Test
    void anAdminAddsAUserAndDisablesIt(FxRobot robot) {
        openSettings(robot, "admin");
        TestApp.waitUntil(() -> hasRow(robot, WORKER, true), "the user list");
        assertThat(table(robot).getItems()).extracting(UserRow::name).containsExactly("admin", WORKER);

        // a short password is refused before anything is stored
        robot.clickOn("#settings-add-name").write("sokha");
        TestApp.fill(robot, "#settings-add-password", "too short");
        TestApp.fill(robot, "#settings-add-confirm", "too short");
        robot.clickOn("#settings-add-save");
        assertThat(robot.lookup("#settings-users-error").queryAs(Label.class).getText())
                .isEqualTo("A password needs at least 10 characters. A short sentence of three or four words of your own is easy to remember and long enough.");

        TestApp.fill(robot, "#settings-add-password", "sokha's own password");
        TestApp.fill(robot, "#settings-add-confirm", "sokha's own password");
        robot.clickOn("#settings-add-save");
        TestApp.waitUntil(() -> hasRow(robot, "sokha", true), "sokha in the table");
        assertThat(robot.lookup("#settings-users-message").queryAs(Label.class).getText()).startsWith("User sokha was added.");
        assertThat(table(robot).getItems()).filteredOn(r -> r.name().equals("sokha"))
                .extracting(UserRow::role).containsExactly(Role.OUTREACH_WORKER);
        assertThat(robot.lookup("#status-saved").queryAs(Label.class).getText()).startsWith("Last save: ");

        // the admin's own row cannot be disabled
        robot.clickOn((Node) robot.lookup(".table-cell").match(LabeledMatchers.hasText("admin (you)")).query());
        assertThat(robot.lookup("#settings-user-disable").queryButton().isDisabled()).isTrue();

        robot.clickOn((Node) robot.lookup(".table-cell").match(LabeledMatchers.hasText("sokha")).query());
        assertThat(robot.lookup("#settings-selected-user").queryAs(Label.class).getText()).isEqualTo("Selected: sokha");
        robot.clickOn("#settings-user-disable");
        assertThat(robot.lookup("#settings-user-disable-confirm").query().isVisible()).isTrue();
        assertThat(hasRow(robot, "sokha", true)).as("asks first").isTrue();
        robot.clickOn("#settings-user-disable-yes");
        TestApp.waitUntil(() -> hasRow(robot, "sokha", false), "sokha disabled");
        assertThat(robot.lookup("#settings-users-message").queryAs(Label.class).getText()).isEqualTo("User sokha is disabled.");

        // enforced by the vault: the slot is gone, the password opens nothing
        assertThatThrownBy(() -> TestWorkspaces.vaults().unlock(app.folder(), "sokha", "sokha's own password".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void anAdminChangesTheAutoLockTimeAndVerifiesTheAuditChain(FxRobot robot) {
        openSettings(robot, "admin");
        robot.clickOn("#settings-audit-verify");
        TestApp.waitFor(robot, "#settings-audit-message");
        assertThat(robot.lookup("#settings-audit-message").queryAs(Label.class).getText())
                .matches("The audit chain is intact: \\d+ entries checked\\.");

        @SuppressWarnings("unchecked")
        Spinner<Integer> minutes = robot.lookup("#settings-lock-minutes").queryAs(Spinner.class);
        TestApp.waitUntil(() -> minutes.getValue() == 10, "the stored time");
        robot.interact(() -> minutes.getEditor().setText("15"));
        robot.clickOn("#settings-lock-save");
        TestApp.waitFor(robot, "#settings-lock-message");
        assertThat(robot.lookup("#settings-lock-message").queryAs(Label.class).getText())
                .isEqualTo("Saved: the vault now locks after 15 minutes without use.");

        app.stop(robot);
        try (Workspace ws = TestWorkspaces.vaults().unlock(app.folder(), WORKER, TestWorkspaces.PASSWORD.toCharArray())) {
            assertThat(new SettingsService(ws).idleMinutes()).isEqualTo(15);
        }
    }

    @Test
    void anOutreachWorkerSeesOnlyTheirOwnPasswordAndTheLockTime(FxRobot robot) {
        openSettings(robot, WORKER);
        assertThat(robot.lookup("#settings-users").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-users-table").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-add-name").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-audit").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-backup").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-lock-minutes").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-lock-readonly").queryAs(Label.class).getText())
                .isEqualTo("The vault locks itself after 10 minutes without use. Only an admin can change this.");

        TestApp.fill(robot, "#settings-own-password", "my new password");
        TestApp.fill(robot, "#settings-own-confirm", "my new passwort");
        robot.clickOn("#settings-own-save");
        assertThat(robot.lookup("#settings-own-error").queryAs(Label.class).getText())
                .isEqualTo("The two passwords are not the same.");
        TestApp.fill(robot, "#settings-own-password", "my new password");
        TestApp.fill(robot, "#settings-own-confirm", "my new password");
        robot.clickOn("#settings-own-save");
        TestApp.waitFor(robot, "#settings-own-message");
        assertThat(robot.lookup("#settings-own-message").queryAs(Label.class).getText()).startsWith("Your password was changed.");

        robot.clickOn("#lock-button");
        TestApp.unlock(robot, WORKER, "my new password");
    }
}
