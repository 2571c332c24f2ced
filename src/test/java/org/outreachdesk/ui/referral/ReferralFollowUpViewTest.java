package org.outreachdesk.ui.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
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
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A coordinator follows up referrals: overdue ones stand out, one is marked completed. */
@ExtendWith(ApplicationExtension.class)
class ReferralFollowUpViewTest {

    @TempDir
    static Path root;

    private Workspace ws;
    private Referral overdue;
    private Referral upcoming;
    private Referral dueToday;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(root, "vault");
        ws = TestWorkspaces.as(org.outreachdesk.domain.Role.COORDINATOR, dir);
        Staff ow = OpsFixtures.staff(ws, "OW01");
        Contact a = OpsFixtures.contact(ws, "SOCH2150398", ow.meta().id());
        Contact b = OpsFixtures.contact(ws, "MALY2010190", null);
        overdue = OpsFixtures.referral(ws, a, ServiceType.HTS, TODAY.minusDays(10), TODAY.minusDays(3));
        dueToday = OpsFixtures.referral(ws, b, ServiceType.STI, TODAY.minusDays(7), TODAY);
        upcoming = OpsFixtures.referral(ws, b, ServiceType.LEGAL, TODAY.minusDays(1), TODAY.plusDays(6));
        UiContext ctx = OpsUiTests.context(ws);
        OpsUiTests.show(stage, new ReferralFollowUpView(ctx));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<PendingReferral> table(FxRobot robot) {
        return robot.lookup("#referrals-table").queryAs(TableView.class);
    }

    @Test
    void overdueReferralsAreHighlightedAndCounted(FxRobot robot) {
        assertThat(table(robot).getItems()).extracting(p -> p.referral().id())
                .containsExactly(overdue.id(), dueToday.id(), upcoming.id());
        var highlighted = robot.lookup(".table-row-cell.overdue").queryAllAs(TableRow.class);
        assertThat(highlighted).singleElement().satisfies(row ->
                assertThat(((PendingReferral) row.getItem()).uic().value()).isEqualTo("SOCH2150398"));
        assertThat(robot.lookup(".table-row-cell.due-today").queryAll()).hasSize(1);
        assertThat(robot.lookup("#window-overdue").queryAs(ToggleButton.class).getText()).isEqualTo("Overdue (1)");
        assertThat(robot.lookup("#window-all").queryAs(ToggleButton.class).getText()).isEqualTo("All pending (3)");
        robot.lookup(".table-row-cell.overdue").queryAll().forEach(n ->
                assertThat(robot.from(n).lookup(".table-cell").queryAll().stream()
                        .map(c -> ((javafx.scene.control.Labeled) c).getText())).contains("Overdue by 3 days"));

        robot.clickOn("#window-overdue");
        assertThat(table(robot).getItems()).extracting(p -> p.referral().id()).containsExactly(overdue.id());
        robot.clickOn("#window-upcoming");
        assertThat(table(robot).getItems()).extracting(p -> p.referral().id()).containsExactly(upcoming.id());
    }

    @Test
    void aCoordinatorMarksTheOverdueReferralCompleted(FxRobot robot) {
        assertThat(robot.lookup("#referrals-save-outcome").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn(robot.lookup(".table-row-cell.overdue").queryAs(TableRow.class));
        assertThat(robot.lookup("#referrals-selected").queryAs(Label.class).getText()).contains("SOCH2150398");
        robot.clickOn("#referrals-save-outcome");

        Referral stored = OpsFixtures.reload(ws, overdue);
        assertThat(stored.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(stored.closedDate()).isEqualTo(TODAY);
        assertThat(table(robot).getItems()).extracting(p -> p.referral().id())
                .containsExactly(dueToday.id(), upcoming.id());
        assertThat(robot.lookup(".table-row-cell.overdue").queryAll()).isEmpty();
        assertThat(robot.lookup("#window-overdue").queryAs(ToggleButton.class).getText()).isEqualTo("Overdue (0)");
        assertThat(robot.lookup("#referrals-message").queryAs(Label.class).getText())
                .isEqualTo("Outcome recorded: Completed on 20/10/2026.");
    }

    @Test
    void anOutcomeDateInTheFutureIsRefusedWithAPlainMessage(FxRobot robot) {
        robot.clickOn(robot.lookup(".table-row-cell.due-today").queryAs(TableRow.class));
        robot.interact(() -> robot.lookup("#referrals-outcome-date").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(TODAY.plusDays(2)));
        robot.clickOn("#referrals-save-outcome");
        assertThat(robot.lookup("#referrals-message").queryAs(Label.class).getText())
                .isEqualTo("The outcome date cannot be in the future.");
        assertThat(OpsFixtures.reload(ws, dueToday).status()).isEqualTo(ReferralStatus.PENDING);
    }
}
