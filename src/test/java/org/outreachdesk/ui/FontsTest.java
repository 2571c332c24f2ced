package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.Fonts;

@ExtendWith(ApplicationExtension.class)
class FontsTest {

    private VBox root;
    private Label khmer;

    @Start
    void start(Stage stage) {
        khmer = new Label("ស្ត្រី ក្ម ព្រះ");
        khmer.setId("khmer");
        root = new VBox(khmer);
        Scene scene = new Scene(root, 300, 100);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void khmerTextUsesTheBundledFontOnlyInKhmer(FxRobot robot) {
        robot.interact(() -> Fonts.apply(root, Locale.forLanguageTag("km")));
        robot.interact(() -> root.applyCss());
        assertThat(khmer.getFont().getFamily()).isEqualTo(Fonts.KHMER_FAMILY);
        robot.interact(() -> {
            Fonts.apply(root, Locale.ENGLISH);
            root.applyCss();
        });
        assertThat(khmer.getFont().getFamily()).isNotEqualTo(Fonts.KHMER_FAMILY);
    }
}
