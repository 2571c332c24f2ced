package org.outreachdesk.ui.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.app.EncounterCorrectionService;
import org.outreachdesk.app.StockService;
import org.outreachdesk.domain.ChangeKind;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.FieldChange;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.DeskUi;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 100 condoms typed for 10: found in the desk's session list and corrected, with the keyboard only (issue 14). */
@ExtendWith(ApplicationExtension.class)
class DeskCorrectionTest {

    @TempDir
    Path dir;

    DeskUi ui;

    @Start
    void start(Stage stage) {
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        Site ktv = fx.site("KTV-03", "Golden Star KTV");
        Staff ow1 = fx.staff("OW01", "Team A");
        fx.contact("SOCH2150398", KpType.FEW, 1998, ktv, ow1);
        fx.receive(Commodity.MALE_CONDOM, 500, "Team A");
        ui.show(stage, EncounterDeskView::new);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    /** The id of what has the keyboard in the window of {@code root}. */
    private static String focusedId(FxRobot robot, String root) {
        Node n = robot.lookup(root).query().getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    private int maleOnHand() {
        return new StockService(ui.ws).levels("Team A").stream().filter(l -> l.commodity() == Commodity.MALE_CONDOM)
                .findFirst().orElseThrow().onHand();
    }

    @Test
    void aQuantityIsCorrectedFromTheSessionListWithTheKeyboardOnly(FxRobot robot) {
        robot.write("SOCH2150398").type(KeyCode.ENTER).write("100");
        ctrl(robot, KeyCode.ENTER);
        TableView<EncounterDeskViewModel.SessionRow> session = robot.lookup("#desk-session").queryAs(TableView.class);
        assertThat(session.getItems()).hasSize(1);
        assertThat(session.getItems().get(0).given()).isEqualTo("MC 100");
        assertThat(maleOnHand()).isEqualTo(400);

        // Ctrl+E: the keyboard to the session's list, on the encounter just saved; Enter opens it
        ctrl(robot, KeyCode.E);
        assertThat(focusedId(robot, "#encounter-desk")).isEqualTo("desk-session");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#encounter-fix").tryQuery()).isPresent();
        // the keyboard goes to the new window (TestFX's robot is told so; a person's keyboard follows the window)
        robot.targetWindow(robot.lookup("#encounter-fix").query().getScene().getWindow());
        assertThat(focusedId(robot, "#encounter-fix")).as("the keyboard starts on the first quantity").isEqualTo("fix-male");

        ctrl(robot, KeyCode.A);
        robot.write("10");
        assertThat(robot.lookup("#fix-male").queryAs(TextField.class).getText()).isEqualTo("10");
        ctrl(robot, KeyCode.ENTER);
        assertThat(robot.lookup("#encounter-fix").tryQuery()).as("the window closes once saved").isEmpty();

        // the vault holds 10, the stock follows (500 received, 10 handed out), the session's row says so
        EncounterCorrectionService service = new EncounterCorrectionService(ui.ws);
        Encounter e = service.open(session.getItems().get(0).encounterId()).encounter();
        assertThat(e.quantities().of(Commodity.MALE_CONDOM)).isEqualTo(10);
        assertThat(maleOnHand()).isEqualTo(490);
        assertThat(session.getItems().get(0).given()).isEqualTo("MC 10");
        List<RecordChange> history = service.historyOf(e.id());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).kind()).isEqualTo(ChangeKind.CORRECT);
        assertThat(history.get(0).fields()).containsExactly(FieldChange.of("maleCondoms", 100, 10));
    }
}
