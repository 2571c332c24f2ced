package org.outreachdesk.ui;

import java.util.Locale;
import java.util.function.Function;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A section as it is shown on a field laptop's screen (1366×768, or the 1280×720 a window opens at without a window
 * manager): in the room beside the navigation, in a language's font, with the app's stylesheets. For the tests that
 * check that nothing is cut.
 */
public final class LaptopScreens {

    /** The navigation column and the section's padding take this much of the window's width and height. */
    public static final double NAV_WIDTH = 190;
    public static final double BARS_HEIGHT = 60;

    private LaptopScreens() {
    }

    /** Shows the view {@code view} makes on {@code stage}, for a screen of {@code width}×{@code height}. */
    public static void show(FxRobot robot, Stage stage, Workspace ws, String language, double width, double height,
                            Function<UiContext, Parent> view) {
        Locale locale = Locale.forLanguageTag(language);
        robot.interact(() -> {
            Parent v = view.apply(new UiContext(ws, new ImmediateTaskExecutor(), new Messages(locale),
                    new ShellViewModel()));
            Fonts.apply(v, locale);
            Scene scene = new Scene(v, width - NAV_WIDTH, height - BARS_HEIGHT);
            scene.getStylesheets().add(Styles.url());
            scene.getStylesheets().add(Controls.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** "text drawn as te…" when JavaFX draws less than the whole text of {@code l}; null when it draws all of it. */
    public static String cut(Labeled l) {
        Text drawn = (Text) l.lookup(".text");
        if (drawn != null && l.getText().equals(drawn.getText())) {
            return null;
        }
        return l.getText() + " drawn as " + (drawn == null ? "nothing" : drawn.getText());
    }
}
