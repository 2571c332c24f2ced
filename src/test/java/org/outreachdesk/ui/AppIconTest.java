package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window carries the application icon (the same artwork as the installers' menu entries). */
@ExtendWith(ApplicationExtension.class)
class AppIconTest {

    private Stage stage;
    private List<Double> progressWhenShown;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        this.stage = stage;
        new OutreachDeskApp().start(stage);
        progressWhenShown = stage.getIcons().stream().map(Image::getProgress).toList();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowHasTheApplicationIconInEverySizeLoadedBeforeItIsShown() {
        assertThat(stage.getIcons()).hasSize(6);
        // the window manager only receives icons that are loaded when the list changes: no background loading
        assertThat(progressWhenShown).as("icons loaded when the window is shown").containsOnly(1.0);
        for (Image icon : stage.getIcons()) {
            assertThat(icon.isError()).as("icon %s loads", icon.getUrl()).isFalse();
            assertThat(icon.getWidth()).as("icon %s is square", icon.getUrl()).isEqualTo(icon.getHeight());
        }
        assertThat(stage.getIcons()).extracting(Image::getWidth).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    }
}
