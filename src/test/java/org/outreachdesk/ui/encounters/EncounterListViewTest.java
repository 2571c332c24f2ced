package org.outreachdesk.ui.encounters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.EncounterCorrectionService.Listed;
import org.outreachdesk.app.EncounterService;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.StockService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.VoidReason;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A coordinator finds an encounter entered twice on the Encounters list and voids it (struck through, the dashboard
 * counts one fewer, its condoms go back into stock); another one's quantity is corrected and its history shows it.
 */
@ExtendWith(ApplicationExtension.class)
class EncounterListViewTest {

    @TempDir
    Path dir;

    private Workspace ws;
    private Encounter sokhaAtKtv;
    private Encounter daraAtBar;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
        DeskFixtures fx = new DeskFixtures(ws);
        Site ktv = fx.site("KTV-03", "Golden Star KTV");
        Site bar = fx.site("BG-01", "Riverside beer garden");
        Staff ow1 = fx.staff("OW01", "Team A");
        Contact sokha = fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        Contact dara = fx.contact("DAVI2010190", KpType.FSW, 1990, bar, ow1);
        fx.receive(Commodity.MALE_CONDOM, 500, "Team A");
        EncounterService save = new EncounterService(ws);
        sokhaAtKtv = save.save(EncounterService.Draft.of(sokha.id(), ws.today().minusDays(1), ow1.meta().id(),
                ktv.meta().id()).withQuantities(20, 0, 0, 0)).encounter();
        daraAtBar = save.save(EncounterService.Draft.of(dara.id(), ws.today(), ow1.meta().id(), bar.meta().id())
                .withQuantities(100, 0, 0, 0)).encounter();
        OpsUiTests.show(stage, new EncounterListView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Listed> table(FxRobot robot) {
        return robot.lookup("#encounters-table").queryAs(TableView.class);
    }

    private int maleOnHand() {
        return new StockService(ws).levels("Team A").stream().filter(l -> l.commodity() == Commodity.MALE_CONDOM)
                .findFirst().orElseThrow().onHand();
    }

    @Test
    void anEncounterEnteredTwiceIsVoidedFromTheList(FxRobot robot) {
        assertThat(table(robot).getItems()).extracting(Listed::uic).containsExactly("DAVI2010190", "SOCH2150398");
        long before = new ReportService(ws).dashboard().encounters();
        assertThat(maleOnHand()).isEqualTo(380);

        robot.clickOn("SOCH2150398");
        robot.clickOn("#encounters-void");
        robot.clickOn("#void-reason-ENTERED_TWICE");
        robot.clickOn("#void-confirm");

        // still on the list, struck through, with its reason
        assertThat(table(robot).getItems()).hasSize(2);
        Listed voided = table(robot).getItems().get(1);
        assertThat(voided.encounter().voidReason()).isEqualTo(VoidReason.ENTERED_TWICE);
        assertThat(robot.lookup("Voided: Entered twice").tryQuery()).isPresent();
        Set<Node> rows = robot.lookup(".table-row-cell").queryAll();
        assertThat(rows.stream().filter(r -> r.getStyleClass().contains("voided"))
                .map(r -> (Object) ((TableRow<?>) r).getItem()).toList()).containsExactly(voided);
        // left out of the dashboard's count (both were this month unless today is the 1st); the condoms are back
        long gone = sokhaAtKtv.date().getMonth() == ws.today().getMonth() ? 1 : 0;
        assertThat(new ReportService(ws).dashboard().encounters()).isEqualTo(before - gone);
        assertThat(maleOnHand()).isEqualTo(400);
        // a voided encounter cannot be corrected or voided again; its history can be read
        robot.clickOn("Voided: Entered twice");
        assertThat(robot.lookup("#encounters-correct").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#encounters-void").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#encounters-history").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aCorrectedQuantityShowsInTheHistory(FxRobot robot) {
        robot.clickOn("DAVI2010190");
        robot.clickOn("#encounters-correct");
        robot.targetWindow(robot.lookup("#encounter-fix").query().getScene().getWindow());
        TextField male = robot.lookup("#fix-male").queryAs(TextField.class);
        assertThat(male.getText()).isEqualTo("100");
        robot.doubleClickOn(male).write("10");
        robot.clickOn("#fix-save");
        assertThat(robot.lookup("#encounter-fix").tryQuery()).isEmpty();
        assertThat(new EncounterCorrectionService(ws).open(daraAtBar.id()).encounter().quantities()
                .of(Commodity.MALE_CONDOM)).isEqualTo(10);
        assertThat(maleOnHand()).isEqualTo(470);

        robot.clickOn("DAVI2010190");
        robot.clickOn("#encounters-history");
        @SuppressWarnings("unchecked")
        TableView<HistoryPane.Row> history = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(history.getItems()).hasSize(1);
        HistoryPane.Row row = history.getItems().get(0);
        assertThat(row.who()).isEqualTo("coordinator");
        assertThat(row.what()).isEqualTo("Corrected");
        assertThat(row.field()).isEqualTo("Male condoms");
        assertThat(row.before()).isEqualTo("100");
        assertThat(row.after()).isEqualTo("10");
    }
}
