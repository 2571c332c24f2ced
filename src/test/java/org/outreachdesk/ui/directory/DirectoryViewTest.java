package org.outreachdesk.ui.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Role;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.ops.OpsUiTests;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A coordinator adds a site from the Directory's Sites tab; the directory lists the seeded organisations. */
@ExtendWith(ApplicationExtension.class)
class DirectoryViewTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.as(Role.COORDINATOR, dir);
        new SiteService(ws).add(new SiteService.Draft("KTV-01", "Golden Star KTV", VenueType.KTV, null, null, 25));
        OpsUiTests.show(stage, new DirectoryView(OpsUiTests.context(ws)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void theServicesTabListsAndSearchesTheSeededDirectory(FxRobot robot) {
        TableView<DirectoryEntry> services = table(robot, "#services-table");
        assertThat(services.getItems()).extracting(DirectoryEntry::publicPhone).contains("1288");
        robot.clickOn("#services-search").write("legal aid");
        assertThat(services.getItems()).extracting(DirectoryEntry::name).containsExactly("ADHOC", "LICADHO");
    }

    @Test
    void aCoordinatorAddsASite(FxRobot robot) {
        robot.clickOn("Sites");
        TableView<Site> sites = table(robot, "#sites-table");
        assertThat(sites.getItems()).extracting(Site::code).containsExactly("KTV-01");
        robot.clickOn("#site-new");
        robot.clickOn("#site-code").write("bg-02");
        robot.clickOn("#site-name").write("Riverside beer garden");
        robot.clickOn("#site-venue").clickOn("Beer garden");
        robot.clickOn("#site-district").write("Sampov Meas");
        robot.clickOn("#site-size").write("12");
        robot.clickOn("#site-save");

        assertThat(robot.lookup("#site-message").queryAs(Label.class).getText()).isEqualTo("Added.");
        assertThat(sites.getItems()).extracting(Site::code).containsExactly("BG-02", "KTV-01");
        Site stored = new SiteService(ws).list(false).stream().filter(s -> s.code().equals("BG-02")).findFirst()
                .orElseThrow();
        assertThat(stored.venueType()).isEqualTo(VenueType.BEER_GARDEN);
        assertThat(stored.estimatedSize()).isEqualTo(12);
        assertThat(stored.district()).isEqualTo("Sampov Meas");
        assertThat(robot.lookup("#site-editor-title").queryAs(Label.class).getText()).isEqualTo("Edit site");

        // the same code again is refused with a clear message
        robot.clickOn("#site-new");
        robot.clickOn("#site-code").write("KTV-01");
        robot.clickOn("#site-name").write("Another");
        robot.clickOn("#site-venue").clickOn("Massage");
        robot.clickOn("#site-save");
        assertThat(robot.lookup("#site-message").queryAs(Label.class).getText())
                .isEqualTo("Another site already has this code; choose a different code.");
        assertThat(new SiteService(ws).list(true)).hasSize(2);

        // deactivating hides it unless deactivated sites are shown
        robot.clickOn(robot.lookup("#sites-table").lookup("BG-02").queryAs(javafx.scene.Node.class));
        robot.clickOn("#site-toggle-active");
        assertThat(sites.getItems()).extracting(Site::code).containsExactly("KTV-01");
        robot.clickOn("#sites-show-inactive");
        assertThat(sites.getItems()).extracting(Site::code).containsExactly("BG-02", "KTV-01");
    }
}
