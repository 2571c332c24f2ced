package org.outreachdesk.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.vault.KdfParams;
import org.outreachdesk.vault.Vault;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.task.FxTaskExecutor;

/**
 * Not a test: shows every section of a real vault in a window sized as the app sizes it (the screen's visual
 * bounds) and takes a screenshot of each with ImageMagick's {@code import}. Run under
 * {@code xvfb-run -a -s "-screen 0 1366x768x24"}; arguments: vault folder, password, language (en|km), out dir.
 */
public final class ScreensAtLaptopSize extends Application {

    /** The entry point (a class that is not an Application, so JavaFX may sit on the class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ScreensAtLaptopSize.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        var a = getParameters().getRaw();
        Locale locale = Locale.forLanguageTag(a.get(2));
        // a busy machine (a build beside it) may take longer than the app's minute to open the vault
        Workspace ws = new VaultService(Clock.systemDefaultZone(), KdfParams.DEFAULT, Duration.ofMinutes(10), Vault::unlock)
                .unlock(Path.of(a.get(0)), "admin", a.get(1).toCharArray());
        FxTaskExecutor executor = new FxTaskExecutor();
        Messages messages = new Messages(locale);
        ShellViewModel shell = new ShellViewModel();
        shell.vaultNameProperty().set("uidemo");
        shell.userNameProperty().set("admin");
        shell.roleNameProperty().set("admin");
        UiContext ctx = new UiContext(ws, executor, messages, shell);
        ShellView view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));
        Fonts.apply(view, locale);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, screen.getWidth(), screen.getHeight());
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setMaximized(true);
        stage.show();
        Thread t = new Thread(() -> {
            try {
                for (Section s : Section.values()) {
                    CountDownLatch shown = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        shell.show(s);
                        shown.countDown();
                    });
                    shown.await(10, TimeUnit.SECONDS);
                    // a harness, not a test: lets the section's background reads land (longer on a busy machine:
                    // -Dharness.waitMillis=…)
                    Thread.sleep(Long.getLong("harness.waitMillis", 3000));
                    String file = a.get(3) + "/" + a.get(2) + "-" + s.name().toLowerCase(Locale.ROOT) + ".png";
                    new ProcessBuilder("import", "-window", "root", file).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            } finally {
                Platform.runLater(() -> {
                    executor.close();
                    ws.close();
                    Platform.exit();
                });
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
