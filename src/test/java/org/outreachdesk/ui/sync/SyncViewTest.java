package org.outreachdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.SiteService;
import org.outreachdesk.app.SyncService;
import org.outreachdesk.app.ChangeFeeds;
import org.outreachdesk.domain.Site;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.shell.SectionViews;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Sync section headless, on the hub of a real team: it shows the team and reads a member's bundle. */
@ExtendWith(ApplicationExtension.class)
class SyncViewTest {

    @TempDir
    static Path root;

    private Path dir;
    private SyncTeam team;
    private File nextFile;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Makes the team (slow: two vaults, a join) off the JavaFX thread, then shows the hub's Sync section. */
    private void open(FxRobot robot) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        dir = Files.createTempDirectory(root, "sync-view");
        team = new SyncTeam(dir);
        robot.interact(() -> {
            SyncView view = (SyncView) SectionViews.create(Section.SYNC, SyncTeam.context(team.hub, Locale.ENGLISH));
            view.setFileChooser((owner, save) -> nextFile);
            Scene scene = new Scene(view, 1000, 600);
            scene.getStylesheets().add(Styles.url());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (team != null) {
            team.close();
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsTheTeamAndReadsABundle(FxRobot robot) throws Exception {
        open(robot);
        assertThat(text(robot, "#sync-team")).isEqualTo("Team: Phnom Penh office");
        assertThat(text(robot, "#sync-laptop")).isEqualTo("This laptop: hub (the office hub)");
        assertThat(robot.lookup("#sync-no-team").query().isVisible()).isFalse();
        assertThat(robot.lookup("#sync-write").queryAs(Button.class).getText()).isEqualTo("Write a bundle for this member");

        team.memberWork();
        Path up = dir.resolve("up.odsync");
        new SyncService(team.member, ChangeFeeds.of(team.member)).export(up, null);
        nextFile = up.toFile();
        robot.clickOn("#sync-read");

        assertThat(text(robot, "#sync-summary")).startsWith("Applied: ").endsWith("In conflict: 0.");
        assertThat(text(robot, "#sync-message")).isEqualTo("Bundle from laptop 1 read.");
        assertThat(new SiteService(team.hub).list(true)).extracting(Site::code).containsExactly("KTV-03");
    }
}
