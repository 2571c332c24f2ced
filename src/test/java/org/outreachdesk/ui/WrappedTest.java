package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.outreachdesk.ui.common.Wrapped;

/** Khmer text is broken into lines that fit, because JavaFX mis-draws Khmer it wraps itself. */
@ExtendWith(ApplicationExtension.class)
class WrappedTest {

    private static final String KHMER = "ពាក្យសម្ងាត់៖ យ៉ាងតិច 10 តួ ហើយមិនមែនជាតួអក្សរតែមួយដដែលៗ។ "
            + "ឃ្លាខ្លីមួយងាយចាំ ហើយពិបាកទាយ។ អក្សរខ្មែរក៏រាប់ដែរ។";
    private static final String ENGLISH = "Passwords: at least 10 characters, not one character repeated. "
            + "A short sentence is easy to remember and hard to guess.";

    private Wrapped khmer;
    private Wrapped english;

    @Start
    void start(Stage stage) {
        khmer = new Wrapped(KHMER);
        english = new Wrapped(ENGLISH);
        VBox box = new VBox(8, khmer, english);
        box.setPrefWidth(260);
        box.setMaxWidth(260);
        stage.setScene(new Scene(new VBox(box), 600, 400));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void khmerIsBrokenIntoLinesThatFitAndNothingIsLost(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        String shown = khmer.getText();
        assertThat(khmer.isWrapText()).isFalse();
        assertThat(shown.split("\n")).hasSizeGreaterThan(1);
        assertThat(shown.replace("\n", " ")).isEqualTo(KHMER.strip());
        double width = khmer.getWidth();
        robot.interact(() -> {
            Text t = new Text();
            t.setFont(khmer.getFont());
            for (String line : shown.split("\n")) {
                t.setText(line);
                assertThat(t.getLayoutBounds().getWidth()).as(line).isLessThanOrEqualTo(width);
            }
        });
        // other scripts keep JavaFX's own wrapping
        assertThat(english.isWrapText()).isTrue();
        assertThat(english.getText()).isEqualTo(ENGLISH);
    }

    @Test
    void linesAreBrokenAtSpacesOnly(FxRobot robot) {
        robot.interact(() -> {
            String broken = Wrapped.breakLines("ក ខខ គគគ\nឃ", Font.getDefault(), 1);
            assertThat(broken).isEqualTo("ក\nខខ\nគគគ\nឃ");
        });
    }

    @Test
    void aKhmerRunWiderThanTheLineIsBrokenBetweenClustersNeverInsideOne(FxRobot robot) {
        // no space to break at: "ស្ត្រី" (woman) many times over
        String run = "ស្ត្រី".repeat(12);
        robot.interact(() -> {
            Font font = Font.getDefault();
            Text t = new Text("ស្ត្រី".repeat(3));
            t.setFont(font);
            double width = t.getLayoutBounds().getWidth() + 1;
            String broken = Wrapped.breakLines(run, font, width);
            String[] lines = broken.split("\n");
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(broken.replace("\n", "")).isEqualTo(run);
            for (String line : lines) {
                // every line starts with a base consonant: no coeng, subscript or vowel sign was cut off its base
                assertThat(line.charAt(0)).as(line).isEqualTo('ស');
                t.setText(line);
                assertThat(t.getLayoutBounds().getWidth()).as(line).isLessThanOrEqualTo(width);
            }
        });
    }

    @Test
    void theSourceIsKeptAsWrittenWhatIsShownMayHaveBreaks(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(khmer.getSource()).isEqualTo(KHMER);
        robot.interact(() -> khmer.setSource("ខ្មែរ"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(khmer.getText()).isEqualTo("ខ្មែរ");
        assertThat(Wrapped.needsOwnBreaks("UIC SOCH2150398")).isFalse();
        assertThat(Wrapped.needsOwnBreaks("UIC ខ្មែរ")).isTrue();
    }
}
