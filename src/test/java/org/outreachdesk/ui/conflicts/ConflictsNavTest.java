package org.outreachdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TeamService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real main window of a team's hub: the Conflicts section is there for a coordinator, not for an outreach worker. */
@ExtendWith(ApplicationExtension.class)
class ConflictsNavTest {

    @TempDir
    static Path root;

    private TestApp app;

    @Start
    void start(Stage stage) {
        Path folder = root.resolve(UUID.randomUUID().toString());
        try (Workspace admin = TestWorkspaces.admin(folder)) {
            new TeamService(admin).create("Phnom Penh office");
            new UserService(admin).add("ow1", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            new UserService(admin).add("coord", Role.COORDINATOR, TestWorkspaces.PASSWORD.toCharArray());
        }
        app = TestApp.start(stage, folder, null);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    @Test
    void anOutreachWorkerHasNoConflictsSection(FxRobot robot) {
        TestApp.unlock(robot, "ow1", TestWorkspaces.PASSWORD);
        assertThat(robot.lookup("#nav-sync").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-conflicts").tryQuery()).isEmpty();
    }

    @Test
    void aCoordinatorOpensTheConflictsSectionAfterSync(FxRobot robot) {
        TestApp.unlock(robot, "coord", TestWorkspaces.PASSWORD);
        robot.clickOn("#nav-conflicts");
        TestApp.waitFor(robot, "#conflicts-view");
        TestApp.waitFor(robot, "#conflicts-message");
        assertThat(robot.lookup("#conflicts-message").queryLabeled().getText()).isEqualTo("No conflicts to review.");
        var nav = robot.lookup("#nav-sync").query().getParent().getChildrenUnmodifiable();
        assertThat(nav.indexOf(robot.lookup("#nav-conflicts").query()))
                .isEqualTo(nav.indexOf(robot.lookup("#nav-sync").query()) + 1);
    }
}
