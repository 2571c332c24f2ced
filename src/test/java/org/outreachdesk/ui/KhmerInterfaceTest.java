package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.outreachdesk.ui.common.Fonts;

/** A user switches to Khmer in Settings: the screens come back in Khmer, in the bundled font, without a restart. */
@ExtendWith(ApplicationExtension.class)
class KhmerInterfaceTest {

    @TempDir
    static Path root;

    private TestApp app;
    private Path folder;

    @Start
    void start(Stage stage) {
        folder = root.resolve(UUID.randomUUID().toString()).resolve("vault");
        TestWorkspaces.admin(folder).close();
        app = TestApp.start(stage, folder, null);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    private static boolean khmer(String text) {
        return text != null && text.codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF);
    }

    @Test
    void switchingToKhmerShowsKhmerOnTheMainScreensAndIsRemembered(FxRobot robot) {
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        robot.clickOn("#nav-settings");
        TestApp.waitFor(robot, "#settings-language");
        ComboBox<?> choice = robot.lookup("#settings-language").queryAs(ComboBox.class);
        assertThat(choice.getValue()).isEqualTo("en");
        robot.interact(() -> ((ComboBox<String>) (ComboBox<?>) choice).setValue("km"));

        // the choice is saved in the background, then the session is rebuilt in Khmer
        TestApp.waitUntil(() -> robot.lookup("#nav-encounters").tryQuery()
                .map(n -> khmer(((Labeled) n).getText())).orElse(false), "the navigation in Khmer");
        TestApp.waitFor(robot, "#settings-language");
        assertThat(robot.lookup("#nav-encounters").queryAs(Labeled.class).getText()).matches(t -> khmer(t));
        assertThat(robot.lookup("#nav-settings").queryAs(Labeled.class).getText()).matches(t -> khmer(t));
        assertThat(robot.lookup(".section-title").queryAs(Label.class).getText()).matches(t -> khmer(t));
        Node appRoot = robot.lookup("#app-root").query();
        assertThat(appRoot.getStyleClass()).contains(Fonts.KHMER_STYLE);
        assertThat(robot.lookup("#nav-encounters").queryAs(Labeled.class).getFont().getFamily())
                .isEqualTo(Fonts.KHMER_FAMILY);

        for (String section : new String[] {"encounters", "contacts", "referrals", "incidents", "stock", "directory"}) {
            robot.clickOn("#nav-" + section);
            // the section's content comes in from the background; wait (with a deadline) for its labels
            TestApp.waitUntil(() -> robot.lookup(".section-title").tryQuery().isPresent(), section);
            TestApp.waitUntil(() -> robot.lookup(n -> n instanceof Labeled l && l.isVisible() && khmer(l.getText()))
                    .queryAll().size() > 1, "Khmer labels on " + section);
            long khmerLabels = robot.lookup(n -> n instanceof Labeled l && l.isVisible() && khmer(l.getText()))
                    .queryAll().size();
            assertThat(khmerLabels).as("Khmer labels on " + section).isGreaterThan(1);
        }
        robot.clickOn("#lock-button");
        TestApp.waitFor(robot, "#unlock-user");
        app.stop(robot);
        try (Workspace ws = TestWorkspaces.vaults().unlock(folder, "admin", TestWorkspaces.PASSWORD.toCharArray())) {
            assertThat(ws.user().language()).isEqualTo("km");
        }
    }
}
