package org.outreachdesk.ui.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Label;
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
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A coordinator receives commodities into stock; stock on hand and the warning follow. */
@ExtendWith(ApplicationExtension.class)
class StockViewTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
        OpsUiTests.show(stage, new StockView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    private static String onHand(FxRobot robot, String key) {
        return robot.lookup("#stock-on-hand-" + key).queryAs(Label.class).getText();
    }

    @Test
    void aReceiptChangesStockOnHandAndTheLedger(FxRobot robot) {
        assertThat(onHand(robot, "male-condom")).isEqualTo("0");
        assertThat(robot.lookup("#stock-low-male-condom").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#stock-quantity").write("600");
        robot.clickOn("#stock-note").write("delivery from KHANA");
        robot.clickOn("#stock-save");
        assertThat(onHand(robot, "male-condom")).isEqualTo("600");
        assertThat(robot.lookup("#stock-low-male-condom").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#ledger-table").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#stock-message").queryAs(Label.class).getText()).isEqualTo("Received 600 × Male condoms.");

        // Enter in the quantity field saves too
        robot.clickOn("#stock-quantity").write("500").type(javafx.scene.input.KeyCode.ENTER);
        assertThat(onHand(robot, "male-condom")).isEqualTo("1,100");
        assertThat(robot.lookup("#stock-low-male-condom").queryAs(Label.class).isVisible()).isFalse();
        assertThat(new StockService(ws).levels(null)).filteredOn(l -> l.commodity() == Commodity.MALE_CONDOM)
                .singleElement().satisfies(l -> assertThat(l.onHand()).isEqualTo(1100));
        assertThat(robot.lookup("#ledger-table").queryAs(TableView.class).getItems()).hasSize(2);
    }

    @Test
    void anIssueBeyondStockIsRefusedAndThresholdsCanBeChanged(FxRobot robot) {
        robot.clickOn("#stock-kind").clickOn("Issue");
        robot.clickOn("#stock-quantity").write("10");
        robot.clickOn("#stock-save");
        assertThat(robot.lookup("#stock-message").queryAs(Label.class).getText()).startsWith("Only 0 in stock");
        assertThat(onHand(robot, "male-condom")).isEqualTo("0");

        robot.doubleClickOn("#stock-threshold-male-condom").write("0");
        robot.clickOn("#stock-save-thresholds");
        assertThat(robot.lookup("#stock-message").queryAs(Label.class).getText())
                .isEqualTo("Low-stock thresholds saved.");
        assertThat(robot.lookup("#stock-low-male-condom").queryAs(Label.class).isVisible()).isFalse();
        assertThat(new StockService(ws).thresholds()).containsEntry(Commodity.MALE_CONDOM, 0);
    }
}
