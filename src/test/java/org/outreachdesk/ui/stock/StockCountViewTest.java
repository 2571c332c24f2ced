package org.outreachdesk.ui.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.StockService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.LedgerLine;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A coordinator counts Team A's stock: an adjustment is saved for each commodity whose count differs; then she voids
 * one of them from the ledger (issue 14).
 */
@ExtendWith(ApplicationExtension.class)
class StockCountViewTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
        StockService stock = new StockService(ws);
        stock.receive(Commodity.MALE_CONDOM, 400, TODAY.minusDays(9), "Team A", null);
        stock.receive(Commodity.LUBRICANT, 40, TODAY.minusDays(9), "Team A", null);
        OpsUiTests.show(stage, new StockView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    private Map<Commodity, Integer> teamA() {
        Map<Commodity, Integer> out = new EnumMap<>(Commodity.class);
        new StockService(ws).levels("Team A").forEach(l -> out.put(l.commodity(), l.onHand()));
        return out;
    }

    @Test
    void aCountSavesOneAdjustmentPerDifferenceAndAnAdjustmentCanBeVoided(FxRobot robot) {
        robot.clickOn("#stock-count");
        robot.clickOn(robot.lookup("#count-team .text-field").queryAs(Node.class)).write("Team A");
        robot.clickOn("#count-male-condom").write("385");
        robot.clickOn("#count-lubricant").write("40");
        robot.clickOn("#count-female-condom").write("12");
        robot.clickOn("#count-reason").write("monthly count");
        robot.clickOn("#count-save");

        assertThat(robot.lookup("#stock-message").queryAs(Label.class).getText())
                .isEqualTo("Count saved: 2 adjustment(s).");
        // 385 - 400 = -15 and 12 - 0 = +12; lubricant matched; self-tests not counted
        assertThat(teamA()).containsEntry(Commodity.MALE_CONDOM, 385).containsEntry(Commodity.FEMALE_CONDOM, 12)
                .containsEntry(Commodity.LUBRICANT, 40).containsEntry(Commodity.HIV_SELF_TEST, 0);
        @SuppressWarnings("unchecked")
        TableView<LedgerLine> ledger = robot.lookup("#ledger-table").queryAs(TableView.class);
        assertThat(ledger.getItems()).hasSize(4);
        assertThat(ledger.getItems()).filteredOn(l -> l.movement().kind() == MovementKind.ADJUSTMENT)
                .extracting(l -> l.movement().quantity()).containsExactlyInAnyOrder(-15, 12);

        // the female condoms were counted in the wrong box: void that adjustment
        robot.clickOn("+12");
        robot.clickOn("#ledger-void");
        robot.clickOn("#void-reason-WRONG_DETAILS");
        robot.clickOn("#void-confirm");
        assertThat(teamA()).containsEntry(Commodity.FEMALE_CONDOM, 0).containsEntry(Commodity.MALE_CONDOM, 385);
        assertThat(ledger.getItems()).hasSize(4);
        var struck = robot.lookup(".table-row-cell.voided").queryAllAs(TableRow.class);
        assertThat(struck).singleElement().satisfies(r -> {
            LedgerLine l = (LedgerLine) r.getItem();
            assertThat(l.movement().quantity()).isEqualTo(12);
            assertThat(l.voidReason()).isEqualTo(VoidReason.WRONG_DETAILS);
        });
        assertThat(robot.lookup("#stock-on-hand-female-condom").queryAs(Label.class).getText()).isEqualTo("0");
        robot.clickOn("+12");
        assertThat(robot.lookup("#ledger-void").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#ledger-history");
        @SuppressWarnings("unchecked")
        TableView<HistoryPane.Row> history = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(history.getItems()).singleElement().extracting(HistoryPane.Row::what)
                .isEqualTo("Voided – Did not happen as recorded");
    }
}
