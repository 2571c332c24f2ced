package org.outreachdesk.ui.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outreachdesk.app.OpsFixtures;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Contact;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.ui.LaptopScreens;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.directory.DirectoryView;
import org.outreachdesk.ui.referral.ReferralFollowUpView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Cells are whole in Khmer (and English) at 1366×768 and 1280×720, in the room a section has beside the navigation:
 * the Directory's "Active" (Khmer "បាទ/ចាស" is wider than its header "សកម្ម") and services ("TRAFFICKING,
 * CHILD_PROTE…"), and a referral's long service name
 * ("LIVELIHOOD – វិជ្ជាជីវៈ ការសន្សំ …"), which were drawn ending in "…". A cell is cut when the text JavaFX draws is not
 * the cell's text.
 */
@ExtendWith(ApplicationExtension.class)
class CutCellsTest {

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
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
        Contact c = OpsFixtures.contact(ws, "SOCH2150398", null);
        OpsFixtures.referral(ws, c, ServiceType.LIVELIHOOD, OpsFixtures.TODAY.minusDays(2), OpsFixtures.TODAY.plusDays(5));
        OpsFixtures.referral(ws, c, ServiceType.MENTAL_HEALTH, OpsFixtures.TODAY.minusDays(1), OpsFixtures.TODAY.plusDays(6));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    /** The cells of {@code table}'s column {@code header} whose drawn text is not their whole text. */
    private static List<String> cutCells(FxRobot robot, String table, String header, int atLeast) {
        List<String> cut = new ArrayList<>();
        int seen = 0;
        for (Node n : robot.lookup(table + " .table-cell").queryAll()) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getTableColumn() == null || !header.equals(cell.getTableColumn().getText())
                    || cell.getText() == null || cell.isEmpty() || !cell.isVisible()
                    || !cell.getTableRow().isVisible()) {
                continue;
            }
            seen++;
            String drawn = LaptopScreens.cut(cell);
            if (drawn != null) {
                cut.add(drawn);
            }
        }
        assertThat(seen).as("cells under " + header).isGreaterThanOrEqualTo(atLeast);
        return cut;
    }

    private List<String> directory(FxRobot robot, String language, double width, double height) {
        LaptopScreens.show(robot, stage, ws, language, width, height, DirectoryView::new);
        Messages m = new Messages(Locale.forLanguageTag(language));
        // the seeded directory fills the visible rows; its longest service list is five codes
        List<String> cut = new ArrayList<>(cutCells(robot, "#services-table", m.get("ops.directory.col.active"), 5));
        cut.addAll(cutCells(robot, "#services-table", m.get("ops.directory.col.services"), 5));
        return cut;
    }

    private List<String> referrals(FxRobot robot, String language, double width, double height) {
        LaptopScreens.show(robot, stage, ws, language, width, height, ReferralFollowUpView::new);
        String service = new Messages(Locale.forLanguageTag(language)).get("ops.referrals.col.service");
        return cutCells(robot, "#referrals-table", service, 2);
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @CsvSource({"km, 1280, 720", "km, 1366, 768", "en, 1280, 720"})
    void theDirectorysActiveAndServicesCellsAreWhole(String language, int width, int height, FxRobot robot) {
        assertThat(directory(robot, language, width, height)).isEmpty();
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @CsvSource({"km, 1280, 720", "km, 1366, 768", "en, 1280, 720"})
    void longServiceNamesAreWhole(String language, int width, int height, FxRobot robot) {
        assertThat(referrals(robot, language, width, height)).isEmpty();
    }
}
