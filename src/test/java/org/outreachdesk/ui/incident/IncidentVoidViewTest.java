package org.outreachdesk.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.IncidentService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An outreach worker voids an incident she recorded twice, from the incident list: it stays in the register, struck
 * through with its reason; an incident someone else recorded cannot be voided by her (issue 14).
 */
@ExtendWith(ApplicationExtension.class)
class IncidentVoidViewTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @Start
    void start(Stage stage) {
        try (Workspace admin = TestWorkspaces.admin(dir)) {
            new UserService(admin).add("ow1", Role.OUTREACH_WORKER, TestWorkspaces.PASSWORD.toCharArray());
            new IncidentService(admin).record(new IncidentService.NewIncident(TODAY.minusDays(3), null, null,
                    IncidentType.THEFT, Perpetrator.CLIENT, false, null, null));
        }
        ws = TestWorkspaces.vaults().unlock(dir, "ow1", TestWorkspaces.PASSWORD.toCharArray());
        new IncidentService(ws).record(new IncidentService.NewIncident(TODAY.minusDays(1), null, null,
                IncidentType.POLICE_HARASSMENT, Perpetrator.POLICE, true, null, null));
        OpsUiTests.show(stage, new IncidentView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void sheVoidsHerOwnIncidentAndItStaysStruckThroughWithItsReason(FxRobot robot) {
        Button voidButton = robot.lookup("#incidents-void").queryAs(Button.class);
        assertThat(voidButton.isDisabled()).isTrue();
        // someone else's incident: not hers to void
        robot.clickOn("Theft or robbery");
        assertThat(voidButton.isDisabled()).isTrue();
        assertThat(robot.lookup("#incidents-correct").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("Police harassment");
        assertThat(voidButton.isDisabled()).isFalse();
        robot.clickOn("#incidents-void");
        assertThat(robot.lookup("#void-confirm").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#void-reason-ENTERED_TWICE");
        robot.clickOn("#void-confirm");

        assertThat(robot.lookup("#incident-message").queryAs(Label.class).getText())
                .isEqualTo("Voided: kept with its reason and left out of every count.");
        IncidentListing voided = new IncidentService(ws).list(0, 10).rows().stream()
                .filter(l -> l.incident().type() == IncidentType.POLICE_HARASSMENT).findFirst().orElseThrow();
        assertThat(voided.voidReason()).isEqualTo(VoidReason.ENTERED_TWICE);
        assertThat(new IncidentService(ws).list(0, 10).total()).isEqualTo(2);
        var struck = robot.lookup(".table-row-cell.voided").queryAllAs(TableRow.class);
        assertThat(struck).singleElement().satisfies(r ->
                assertThat(((IncidentListing) r.getItem()).incident().type()).isEqualTo(IncidentType.POLICE_HARASSMENT));
        assertThat(robot.lookup("Voided: Entered twice").tryQuery()).isPresent();
        // a voided incident is voided: no second void
        robot.clickOn("Police harassment");
        assertThat(voidButton.isDisabled()).isTrue();

        // its history: one change, the void with its reason and who did it
        robot.clickOn("#incidents-history");
        @SuppressWarnings("unchecked")
        TableView<HistoryPane.Row> history = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(history.getItems()).singleElement().satisfies(r -> {
            assertThat(r.what()).isEqualTo("Voided – Entered twice");
            assertThat(r.who()).isEqualTo("ow1");
            assertThat(r.before()).isEqualTo("no");
            assertThat(r.after()).isEqualTo("yes");
        });
    }
}
