package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Team;
import org.outreachdesk.domain.TeamDevice;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Join a team with a join file" on the first-run screen: a wrong code creates nothing; the right one makes a vault
 * that is a member from its first moment, and the hub accepts its first bundle.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunJoinTest {

    @TempDir
    static Path root;

    private Path dir;
    private TestApp app;
    private Workspace hub;
    private TeamService.Invitation invitation;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(root, "first-run-join");
        hub = TestWorkspaces.admin(dir.resolve("office"));
        new TeamService(hub).create("Pursat outreach");
        invitation = new TeamService(hub).invite("laptop 1", dir.resolve("laptop-1.odjoin"));
        app = TestApp.start(stage, dir.resolve(UUID.randomUUID().toString()).resolve("vault"), null);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
        hub.close();
    }

    private void fillForm(FxRobot robot) {
        TestApp.fill(robot, "#first-run-org", "Pursat Outreach");
        TestApp.fill(robot, "#first-run-admin", "sophea");
        TestApp.fill(robot, "#first-run-password", "correct horse battery");
        TestApp.fill(robot, "#first-run-confirm", "correct horse battery");
    }

    @Test
    void aWrongCodeMakesNothingTheRightOneMakesAMemberWhoseFirstBundleTheHubAccepts(FxRobot robot) {
        TestApp.waitFor(robot, "#first-run-org");
        FirstRunView view = robot.lookup("#first-run-screen").queryAs(FirstRunView.class);
        robot.interact(() -> view.setJoinFileChooser(owner -> invitation.file().toFile()));
        assertThat(robot.lookup("#first-run-join-details").query().isVisible()).isFalse();
        robot.clickOn("#first-run-join");
        assertThat(robot.lookup("#first-run-join-details").query().isVisible()).isTrue();

        // no file yet
        fillForm(robot);
        robot.interact(() -> robot.lookup("#first-run-create").queryButton().fire());
        assertThat(robot.lookup("#first-run-error").queryAs(Label.class).getText())
                .isEqualTo("Choose the join file first.");

        robot.interact(() -> robot.lookup("#first-run-join-choose").queryButton().fire());
        assertThat(robot.lookup("#first-run-join-file").queryAs(Label.class).getText()).isEqualTo("laptop-1.odjoin");
        fillForm(robot);
        TestApp.fill(robot, "#first-run-join-code", "AAAA-BBBB-CCCC-DDDD-EEEE");
        robot.interact(() -> robot.lookup("#first-run-create").queryButton().fire());
        TestApp.waitUntil(() -> robot.lookup("#first-run-error").queryAs(Label.class).getText()
                .startsWith("The code does not open this join file."), "the wrong code refused");
        assertThat(TestWorkspaces.vaults().exists(app.folder())).as("nothing half-made").isFalse();

        fillForm(robot);
        TestApp.fill(robot, "#first-run-join-code", new String(invitation.code()));
        robot.interact(() -> robot.lookup("#first-run-create").queryButton().fire());
        TestApp.waitFor(robot, "#recovery-key");
        assertThat(robot.lookup("#recovery-team-notice").queryAs(Label.class).getText()).isEqualTo(
                "This vault joined the team Pursat outreach as the laptop laptop 1. Write a bundle for the office in "
                        + "the Sync section.");
        robot.clickOn("#recovery-written");
        robot.clickOn("#recovery-continue");
        TestApp.waitFor(robot, "#nav-encounters");
        app.stop(robot);

        Path up = dir.resolve("up.odsync");
        try (Workspace member = TestWorkspaces.vaults().unlock(app.folder(), "sophea",
                "correct horse battery".toCharArray())) {
            Team team = new TeamService(member).team().orElseThrow();
            assertThat(team.name()).isEqualTo("Pursat outreach");
            assertThat(team.hub()).isFalse();
            new SiteService(member).add(new SiteService.Draft("KTV-03", "Golden KTV", VenueType.KTV, null, null, 20));
            new SyncService(member, ChangeFeeds.of(member)).export(up, null);
        }
        SyncService.Imported read = new SyncService(hub, ChangeFeeds.of(hub)).importBundle(up);
        assertThat(read.sender()).isEqualTo("laptop 1");
        assertThat(new SiteService(hub).list(true)).extracting(Site::code).containsExactly("KTV-03");
        assertThat(new TeamService(hub).devices()).filteredOn(d -> d.name().equals("laptop 1"))
                .extracting(TeamDevice::lastReceivedAt).doesNotContainNull();
    }
}
