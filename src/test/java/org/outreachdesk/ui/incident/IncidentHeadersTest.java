package org.outreachdesk.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.LaptopScreens;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The incident list's headers ("Support" was cut to "Supp…") are whole in the room the section has beside the
 * navigation at 1366×768 and 1280×720, in English and in Khmer.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentHeadersTest {

    @TempDir
    Path dir;

    private Workspace ws;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    private List<String> cutHeaders(FxRobot robot, String language, double width, double height) {
        LaptopScreens.show(robot, stage, ws, language, width, height, IncidentView::new);
        List<String> cut = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Node n : robot.lookup("#incidents-table .column-header .label").queryAll()) {
            Label l = (Label) n;
            seen.add(l.getText());
            if (l.getWidth() + 0.5 < l.prefWidth(-1)) {
                cut.add(l.getText() + " (" + Math.round(l.getWidth()) + " < " + Math.round(l.prefWidth(-1)) + ")");
            }
        }
        assertThat(seen).hasSize(7);
        return cut;
    }

    @Test
    void englishAt1280(FxRobot robot) {
        assertThat(cutHeaders(robot, "en", 1280, 720)).isEmpty();
    }

    @Test
    void englishAt1366(FxRobot robot) {
        assertThat(cutHeaders(robot, "en", 1366, 768)).isEmpty();
    }

    @Test
    void khmerAt1280(FxRobot robot) {
        assertThat(cutHeaders(robot, "km", 1280, 720)).isEmpty();
    }

    @Test
    void khmerAt1366(FxRobot robot) {
        assertThat(cutHeaders(robot, "km", 1366, 768)).isEmpty();
    }
}
