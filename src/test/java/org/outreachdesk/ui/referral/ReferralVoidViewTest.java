package org.outreachdesk.ui.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.OpsFixtures;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.PendingReferral;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A coordinator voids a pending referral entered twice: it leaves the pending list, and under "Closed" it is listed
 * struck through with its reason, not to be changed again, its history (the void, who, why) one click away
 * (issue 14).
 */
@ExtendWith(ApplicationExtension.class)
class ReferralVoidViewTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
        Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
        OpsFixtures.referral(ws, c, ServiceType.HTS, TODAY.minusDays(6), TODAY.minusDays(1));
        OpsUiTests.show(stage, new ReferralFollowUpView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void aVoidedReferralIsFoundUnderClosedStruckThroughWithItsReasonAndItsHistory(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<PendingReferral> table = robot.lookup("#referrals-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        robot.clickOn("SOCH2150398");
        robot.clickOn("#referrals-void");
        robot.clickOn("#void-reason-ENTERED_TWICE");
        robot.clickOn("#void-confirm");
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#window-closed");
        assertThat(table.getItems()).singleElement()
                .satisfies(p -> assertThat(p.voidReason()).isEqualTo(VoidReason.ENTERED_TWICE));
        assertThat(robot.lookup("Voided: Entered twice").tryQuery()).isPresent();
        assertThat(robot.lookup(".table-row-cell.voided").queryAllAs(TableRow.class)).singleElement()
                .satisfies(r -> assertThat(((PendingReferral) r.getItem()).uic().value()).isEqualTo("SOCH2150398"));

        robot.clickOn("SOCH2150398");
        assertThat(robot.lookup("#referrals-void").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#referrals-correct").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#referrals-save-outcome").queryAs(Button.class).isDisabled()).isTrue();
        Button history = robot.lookup("#referrals-history").queryAs(Button.class);
        assertThat(history.isDisabled()).isFalse();

        robot.clickOn("#referrals-history");
        @SuppressWarnings("unchecked")
        TableView<HistoryPane.Row> changes = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(changes.getItems()).singleElement().satisfies(r -> {
            assertThat(r.what()).isEqualTo("Voided – Entered twice");
            assertThat(r.who()).isEqualTo(Role.COORDINATOR.code());
            assertThat(r.before()).isEqualTo("no");
            assertThat(r.after()).isEqualTo("yes");
        });

        // back on the pending list it stays away
        robot.interact(() -> changes.getScene().getWindow().hide());
        robot.clickOn("#window-all");
        assertThat(table.getItems()).isEmpty();
    }
}
