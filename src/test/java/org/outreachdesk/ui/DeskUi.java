package org.outreachdesk.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.Messages;

/** A real vault and a window at the field laptop's size, for the desk's TestFX tests. */
public final class DeskUi {

    public final Workspace ws;
    public final UiContext ctx;
    public final ShellViewModel shell = new ShellViewModel();

    public DeskUi(Path dir) {
        Locale.setDefault(Locale.ENGLISH);
        ws = TestWorkspaces.admin(dir);
        ctx = new UiContext(ws, new ImmediateTaskExecutor(), new Messages(Locale.ENGLISH), shell);
    }

    /** Shows the view made by {@code view} in {@code stage} at 1366x768. */
    public <T extends Parent> T show(Stage stage, Function<UiContext, T> view) {
        T root = view.apply(ctx);
        Scene scene = new Scene(root, 1366, 768);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
        stage.toFront();
        return root;
    }
}
