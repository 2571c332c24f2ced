package org.outreachdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ConflictService;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.sync.SyncTeam;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Conflicts section headless, on two real vaults of a team (a hub and a member) that changed the same field and
 * exchanged bundles: both screens show the conflict alike, the hub resolves it from its screen, the choice travels.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictsViewTest {

    @TempDir
    static Path root;

    private ConflictTeam team;
    private UiContext hubCtx;
    private Node hubView;
    private Node memberView;
    private Node syncView;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /**
     * Makes the team and its conflict (slow: vaults, joins, bundles) off the JavaFX thread, then shows the hub's and
     * the member's Conflicts sections side by side and the hub's Sync section below.
     */
    private void open(FxRobot robot) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        team = new ConflictTeam(Files.createTempDirectory(root, "conflicts-view"));
        robot.interact(() -> {
            hubCtx = SyncTeam.context(team.team.hub, Locale.ENGLISH);
            hubView = SectionViews.create(Section.CONFLICTS, hubCtx);
            memberView = SectionViews.create(Section.CONFLICTS, SyncTeam.context(team.team.member, Locale.ENGLISH));
            syncView = SectionViews.create(Section.SYNC, hubCtx);
            for (Node n : new Node[] {hubView, memberView}) {
                HBox.setHgrow(n, Priority.ALWAYS);
            }
            Scene scene = new Scene(new VBox(new HBox(8, hubView, memberView), syncView), 1300, 720);
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

    private static String text(FxRobot robot, Node in, String id) {
        return robot.from(in).lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void bothLaptopsShowBothValuesAndTheSameProvisionalOne(FxRobot robot) throws Exception {
        open(robot);
        for (Node v : new Node[] {hubView, memberView}) {
            assertThat(text(robot, v, "#conflict-0-title")).isEqualTo("Contact · 12/10/2026 · KTV-03");
            assertThat(text(robot, v, "#conflict-0-field")).isEqualTo("Field: Key population");
            assertThat(new String[] {text(robot, v, "#conflict-0-value-0"), text(robot, v, "#conflict-0-value-1")})
                    .containsExactlyInAnyOrder("Female sex worker", "Men who have sex with men");
            assertThat(text(robot, v, "#conflict-0-value-0-provisional"))
                    .isEqualTo("Provisional value (shown on every laptop)");
            assertThat(robot.from(v).lookup("#conflict-0-value-1-provisional").tryQuery()).isEmpty();
            assertThat(robot.from(v).lookup("#conflict-1").tryQuery()).as("one conflict").isEmpty();
        }
        String provisional = text(robot, hubView, "#conflict-0-value-0");
        assertThat(text(robot, memberView, "#conflict-0-value-0")).isEqualTo(provisional);
        assertThat(provisional).isEqualTo(team.stored(team.team.hub).kpType() == KpType.FSW ? "Female sex worker"
                : "Men who have sex with men");
    }

    @Test
    void theHubChoosesAValueFromItsScreenAndTheMemberGetsIt(FxRobot robot) throws Exception {
        open(robot);
        String other = text(robot, hubView, "#conflict-0-value-1");
        KpType chosen = other.equals("Female sex worker") ? KpType.FSW : KpType.MSM;

        robot.clickOn(robot.from(hubView).lookup("#conflict-0-value-1-choose").queryButton());

        assertThat(robot.from(hubView).lookup("#conflict-0").tryQuery()).as("the row disappears").isEmpty();
        assertThat(text(robot, hubView, "#conflicts-message")).contains("\"" + other + "\" chosen");
        assertThat(team.stored(team.team.hub).kpType()).isEqualTo(chosen);
        team.team.fromHub("laptop 1", team.team.member);
        assertThat(new ConflictService(team.team.member).list()).isEmpty();
        assertThat(team.stored(team.team.member).kpType()).isEqualTo(chosen);
    }

    @Test
    void theSyncScreenCountsTheConflictsAndOpensTheScreen(FxRobot robot) throws Exception {
        open(robot);
        Hyperlink link = robot.from(syncView).lookup("#sync-conflicts").queryAs(Hyperlink.class);
        assertThat(link.isVisible()).isTrue();
        assertThat(link.getText()).isEqualTo("1 conflict to review");
        robot.clickOn(link);
        assertThat(hubCtx.shell().sectionProperty().get()).isEqualTo(Section.CONFLICTS);
    }
}
