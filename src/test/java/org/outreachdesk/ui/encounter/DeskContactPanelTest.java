package org.outreachdesk.ui.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.LaptopScreens;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desk's contact panel in Khmer at 1366×768 and 1280×720 (the room beside the navigation): the UIC field keeps
 * the width of its code, the "new contact" and "safeguarding" buttons keep their whole text, and none of the three
 * lies over another — in Khmer the buttons were pressed against the code.
 */
@ExtendWith(ApplicationExtension.class)
class DeskContactPanelTest {

    @TempDir
    Path dir;

    private Workspace ws;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    /** The vault is made on the test's thread, not in {@code @Start}: a busy machine may take longer than its limit. */
    @BeforeEach
    void vault() {
        ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    private List<String> crowded(FxRobot robot, String language, double width, double height) {
        LaptopScreens.show(robot, stage, ws, language, width, height, EncounterDeskView::new);
        List<String> problems = new ArrayList<>();
        TextField uic = robot.lookup("#desk-uic").queryAs(TextField.class);
        // eleven of the widest letters in the field's own font: what a UIC needs, measured here, not read from the view
        Text fourteen = new Text("W".repeat(11));
        fourteen.setFont(uic.getFont());
        if (uic.getWidth() + 0.5 < fourteen.getLayoutBounds().getWidth()) {
            problems.add("UIC field " + Math.round(uic.getWidth()) + " px, narrower than a code");
        }
        List<Node> parts = new ArrayList<>(List.of(uic));
        for (String id : List.of("#desk-new-contact", "#desk-safeguarding")) {
            Labeled b = robot.lookup(id).queryAs(Labeled.class);
            String drawn = LaptopScreens.cut(b);
            if (drawn != null) {
                problems.add(drawn);
            }
            parts.add(b);
        }
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                Bounds a = parts.get(i).localToScene(parts.get(i).getLayoutBounds());
                Bounds b = parts.get(j).localToScene(parts.get(j).getLayoutBounds());
                if (a.intersects(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2)) {
                    problems.add(parts.get(i).getId() + " lies over " + parts.get(j).getId());
                }
            }
        }
        return problems;
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    // 1024×768: an older netbook, where the row has to give way
    @CsvSource({"km, 1280, 720", "km, 1366, 768", "en, 1280, 720", "km, 1024, 768"})
    void theCodeAndBothButtonsHaveRoom(String language, int width, int height, FxRobot robot) {
        assertThat(crowded(robot, language, width, height)).isEmpty();
    }
}
