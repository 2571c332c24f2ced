package org.outreachdesk.ui.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;

import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.OpsFixtures;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An outreach worker sees the follow-up list but gets no outcome form. */
@ExtendWith(ApplicationExtension.class)
class ReferralFollowUpWorkerViewTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir);
        OpsFixtures.referral(ws, OpsFixtures.contact(ws, "SOCH2150398", null), ServiceType.HTS, TODAY.minusDays(9),
                TODAY.minusDays(2));
        OpsUiTests.show(stage, new ReferralFollowUpView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void theListShowsButOutcomesAreForCoordinators(FxRobot robot) {
        assertThat(robot.lookup("#referrals-table").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup(".table-row-cell.overdue").queryAll()).hasSize(1);
        assertThat(OpsUiTests.shown(robot.lookup("#referrals-outcome-locked").query())).isTrue();
        assertThat(robot.lookup("#referrals-save-outcome").tryQuery()).isEmpty();
    }
}
