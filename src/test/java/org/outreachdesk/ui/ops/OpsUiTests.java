package org.outreachdesk.ui.ops;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

/** Shared set-up of the coordinators' TestFX tests: a real vault, the same-thread executor, English. */
public final class OpsUiTests {

    private OpsUiTests() {
    }

    public static UiContext context(Workspace ws) {
        Locale.setDefault(Locale.ENGLISH);
        return new UiContext(ws, new ImmediateTaskExecutor(), new Messages(Locale.ENGLISH), new ShellViewModel());
    }

    /**
     * Shows {@code view} in {@code stage} at 1280x720 (Monocle's headless screen is 1280x800; the screens are
     * looked at 1366x768 with the harness).
     */
    public static void show(Stage stage, Parent view) {
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
        stage.toFront();
    }

    public static boolean shown(Node n) {
        return n != null && n.isVisible() && n.getScene() != null;
    }
}
