package org.outreachdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.BundleRefusedException;
import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.StaffService;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.TestApp;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Settings → Team headless at 1366×768, on real encrypted vaults: the office creates a team and invites a laptop
 * (the code shown once in its own window), a second vault joins with that file and code through its own Settings,
 * its first bundle is accepted, then the office revokes it and its next bundle is refused.
 */
@ExtendWith(ApplicationExtension.class)
class TeamCardTest {

    @TempDir
    static Path root;

    private Path dir;
    private Workspace office;
    private Workspace field;
    private Stage stage;
    private final List<String> initialNames = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        this.stage = stage;
        dir = Files.createTempDirectory(root, "team-card");
        office = TestWorkspaces.admin(dir.resolve("office"));
        field = TestWorkspaces.admin(dir.resolve("field"));
        Scene scene = new Scene(settings(office), 1366, 768);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
    }

    private SettingsView settings(Workspace ws) {
        UiContext ctx = new UiContext(ws, new ImmediateTaskExecutor(), new Messages(Locale.ENGLISH),
                new ShellViewModel());
        SettingsView view = new SettingsView(new SettingsViewModel(ctx), ctx.messages());
        view.teamCard().setFileChooser((owner, save, initialName) -> {
            initialNames.add(save + " " + initialName);
            return dir.resolve(save ? initialName : "laptop-1.odjoin").toFile();
        });
        return view;
    }

    private void show(FxRobot robot, Workspace ws) {
        robot.interact(() -> stage.getScene().setRoot(settings(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        office.close();
        field.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean visible(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.isVisible()).orElse(false);
    }

    @Test
    void createInviteJoinWithTheShownCodeThenRevoke(FxRobot robot) throws Exception {
        assertThat(visible(robot, "#team-none")).isTrue();
        assertThat(visible(robot, "#team-hub")).isFalse();
        TestApp.fill(robot, "#team-create-name", "Pursat outreach");
        fire(robot, "#team-create");
        assertThat(visible(robot, "#team-hub")).isTrue();
        assertThat(visible(robot, "#team-none")).isFalse();
        assertThat(text(robot, "#team-hub-team")).isEqualTo("Team: Pursat outreach");
        assertThat(text(robot, "#settings-team-message")).isEqualTo("Team Pursat outreach created. This laptop is its hub.");

        TestApp.fill(robot, "#team-invite-name", "laptop 1");
        fire(robot, "#team-invite");
        assertThat(initialNames).containsExactly("true laptop-1.odjoin");
        assertThat(Files.exists(dir.resolve("laptop-1.odjoin"))).isTrue();
        assertThat(visible(robot, "#team-code")).as("the code's window").isTrue();
        String code = text(robot, "#team-code");
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");
        assertThat(text(robot, "#team-code-once")).contains("It is not shown again");
        assertThat(stage.getTitle()).as("never in a title").doesNotContain(code);
        fire(robot, "#team-code-close");
        assertThat(robot.lookup("#team-code").tryQuery()).as("shown once").isEmpty();
        assertThat(text(robot, "#settings-team-message")).isEqualTo("Join file for laptop 1 saved as laptop-1.odjoin.");
        assertThat(table(robot).getItems()).extracting(TeamViewModel.DeviceRow::name).containsExactly("hub", "laptop 1");

        // the field laptop's own Settings: the join file read back with the code shown
        show(robot, field);
        fire(robot, "#team-join-choose");
        assertThat(text(robot, "#team-join-file")).isEqualTo("laptop-1.odjoin");
        TestApp.fill(robot, "#team-join-code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        fire(robot, "#team-join");
        assertThat(text(robot, "#settings-team-error")).startsWith("The code does not open this join file.");
        assertThat(visible(robot, "#team-none")).isTrue();
        TestApp.fill(robot, "#team-join-code", code);
        fire(robot, "#team-join");
        assertThat(visible(robot, "#team-member")).isTrue();
        assertThat(text(robot, "#team-member-team")).isEqualTo("Team: Pursat outreach");
        assertThat(text(robot, "#team-member-hub")).isEqualTo("The team's hub: hub");
        assertThat(text(robot, "#team-member-self")).isEqualTo("This laptop's name in the team: laptop 1");

        // its first bundle is accepted by the office
        new SiteService(field).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
        Path up = dir.resolve("up.odsync");
        new SyncService(field, ChangeFeeds.of(field)).export(up, null);
        new SyncService(office, ChangeFeeds.of(office)).importBundle(up);
        assertThat(new SiteService(office).list(true)).extracting(Site::code).containsExactly("KTV-03");

        // the office revokes it (asked once more), and refuses its next bundle
        show(robot, office);
        TableView<TeamViewModel.DeviceRow> table = table(robot);
        assertThat(table.getItems().get(1).lastFrom()).isEqualTo("20/10/2026 15:00");
        assertThat(robot.lookup("#team-revoke").queryButton().isDisabled()).as("nothing chosen").isTrue();
        robot.interact(() -> table.getSelectionModel().select(1));
        fire(robot, "#team-revoke");
        assertThat(text(robot, "#team-revoke-question")).startsWith("Revoke laptop 1?");
        fire(robot, "#team-revoke-yes");
        assertThat(table(robot).getItems().get(1).state()).isEqualTo("Revoked 20/10/2026");
        assertThat(text(robot, "#settings-team-message"))
                .isEqualTo("laptop 1 was revoked: its bundles are refused from now on.");

        new StaffService(field).add(new StaffService.Draft("OW01", StaffKind.OUTREACH_WORKER, "Team A"));
        Path next = dir.resolve("next.odsync");
        new SyncService(field, ChangeFeeds.of(field)).export(next, null);
        assertThatThrownBy(() -> new SyncService(office, ChangeFeeds.of(office)).importBundle(next))
                .isInstanceOfSatisfying(BundleRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(BundleRefusedException.Reason.REVOKED_SENDER));
    }

    /** Presses a button the way a click does (the card may be scrolled below the window's edge). */
    private static void fire(FxRobot robot, String id) {
        Button b = robot.lookup(id).queryButton();
        assertThat(b.isDisabled()).as(id + " enabled").isFalse();
        robot.interact(b::fire);
    }

    @SuppressWarnings("unchecked")
    private static TableView<TeamViewModel.DeviceRow> table(FxRobot robot) {
        return robot.lookup("#team-devices").queryAs(TableView.class);
    }
}
