package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.DeskFixtures;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The encounter desk and the contacts register are the shell's second and third sections, reachable by keyboard. */
@ExtendWith(ApplicationExtension.class)
class DeskShellTest {

    @TempDir
    Path dir;

    DeskUi ui;

    @Start
    void start(Stage stage) {
        ui = new DeskUi(dir);
        DeskFixtures fx = new DeskFixtures(ui.ws);
        var site = fx.site("KTV-03", "Golden Star KTV");
        var staff = fx.staff("OW01", "Team A");
        fx.contact("SOCH2150398", KpType.FEW, 1998, site, staff);
        ui.show(stage, ctx -> new ShellView(ui.shell, ctx.messages(), s -> SectionViews.create(s, ctx)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ui.ws.close();
    }

    @Test
    void bothSectionsOpenFromTheShellAndTheDeskKeepsItsRound(FxRobot robot) {
        assertThat(robot.lookup("#encounter-desk").tryQuery()).isPresent();
        robot.write("SOCH2150398").type(KeyCode.ENTER).write("4");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        // the dashboard is the first section: the desk is Ctrl+2, the contacts Ctrl+3
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        TableView<?> table = robot.lookup("#contacts-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(table.getItems().get(0).toString()).startsWith("ContactListing[");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#desk-session").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#desk-uic").query().getScene().getFocusOwner().getId())
                .as("back on the desk, the keyboard is on the UIC").isEqualTo("desk-uic");
        assertThat(robot.lookup("#desk-uic").queryAs(TextField.class).getText()).isEmpty();
        assertThat(ui.shell.lastSaveProperty().get()).isNotNull();
    }
}
