package org.outreachdesk.ui;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.outreachdesk.app.AppInfo;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.shell.ShellViewModel;
import org.outreachdesk.ui.task.FxTaskExecutor;
import org.outreachdesk.ui.task.TaskExecutor;

/** The desktop application. Started by {@code org.outreachdesk.Main} when no command is given. */
public final class OutreachDeskApp extends Application {

    private TaskExecutor executor;

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.getDefault());
        ShellViewModel shell = new ShellViewModel();
        // until the vault screens land there is no workspace: every section says it is not built yet
        ShellView view = new ShellView(shell, messages, s -> new org.outreachdesk.ui.shell.NotYetView(s, messages));
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(Styles.url());
        // the title never carries a UIC, a vault path or anything else sensitive
        stage.setTitle(AppInfo.NAME);
        // application icon (installer, issue 7): made from installer/icon/outreach-desk.svg. Tiny class-path
        // resources, read at once like the stylesheet: the window manager only gets icons already loaded
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            String icon = OutreachDeskApp.class.getResource("icon-" + size + ".png").toExternalForm();
            stage.getIcons().add(new Image(icon));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
