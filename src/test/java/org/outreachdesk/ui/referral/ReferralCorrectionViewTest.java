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
import org.outreachdesk.app.ReferralFollowUpService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A coordinator finds a referral marked completed by mistake under "Closed" and sets it back to pending. */
@ExtendWith(ApplicationExtension.class)
class ReferralCorrectionViewTest {

    @TempDir
    Path dir;

    private Workspace ws;
    private Referral referral;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
        Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
        Referral r = OpsFixtures.referral(ws, c, ServiceType.HTS, TODAY.minusDays(6), TODAY.minusDays(1));
        referral = new ReferralFollowUpService(ws).close(r, ReferralStatus.COMPLETED, TODAY);
        OpsUiTests.show(stage, new ReferralFollowUpView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void aCompletedOutcomeRecordedByMistakeIsSetBackToPending(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#referrals-table").queryAs(TableView.class);
        assertThat(table.getItems()).isEmpty();
        robot.clickOn("#window-closed");
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("Completed on 20/10/2026").tryQuery()).isPresent();

        robot.clickOn("SOCH2150398");
        robot.clickOn("#referrals-correct");
        robot.clickOn("#correct-status").clickOn("Pending");
        robot.clickOn("#correct-save");

        Referral now = OpsFixtures.reload(ws, referral);
        assertThat(now.status()).isEqualTo(ReferralStatus.PENDING);
        assertThat(now.closedDate()).isNull();
        assertThat(table.getItems()).isEmpty();
        RecordChange change = new ReferralFollowUpService(ws).history(referral.id()).get(0);
        assertThat(change.kind()).isEqualTo(ChangeKind.CORRECT);
        assertThat(change.fieldNames()).isEqualTo("closedDate,status");
        robot.clickOn("#window-all");
        assertThat(table.getItems()).hasSize(1);
    }
}
