package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real main window, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        this.stage = stage;
        new OutreachDeskApp().start(stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void opensWithEveryNavigationEntryAndAPlainTitle(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Outreach Desk");
        for (String id : new String[] {"dashboard", "encounters", "contacts", "referrals", "incidents", "reports",
            "stock", "directory", "settings"}) {
            assertThat(robot.lookup("#nav-" + id).queryAs(ToggleButton.class).isVisible()).isTrue();
        }
        assertThat(robot.lookup("#status-saved").queryAs(Label.class).getText()).isEqualTo("Nothing saved yet");
    }

    @Test
    void clickingANavigationEntryShowsThatSection(FxRobot robot) {
        robot.clickOn("#nav-reports");
        assertThat(robot.lookup("#nav-reports").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-encounters").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(robot.lookup(".section-title").queryAs(Label.class).getText()).isEqualTo("Reports");
    }

    @Test
    void theKeyboardReachesEverySection(FxRobot robot) {
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT9)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(robot.lookup(".section-title").queryAs(Label.class).getText()).isEqualTo("Settings");
        assertThat(robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
