package org.outreachdesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.outreachdesk.app.AppDirectories;
import org.outreachdesk.app.AppInfo;
import org.outreachdesk.app.UnlockThrottle;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.ui.task.FxTaskExecutor;
import org.outreachdesk.ui.task.TaskExecutor;
import org.outreachdesk.ui.vault.AppFlow;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.Messages;

/**
 * The desktop application. Started by {@code org.outreachdesk.Main} when no command is given.
 *
 * <p>The vault folder is the system property {@value #VAULT_PROPERTY} when set (tests, screenshots), else
 * {@code OUTREACH_DESK_VAULT}, else the per-user data folder. No vault there: the first-run screen; else the
 * unlock screen; then the main window until the vault is locked.
 */
public final class OutreachDeskApp extends Application {

    /** System property naming the vault folder (overrides {@code OUTREACH_DESK_VAULT}). */
    public static final String VAULT_PROPERTY = "outreachdesk.vault";

    private final VaultService vaults;
    private final Path folder;
    private final Duration idleOverride;
    private final UnlockThrottle throttle;
    private TaskExecutor executor;
    private AppFlow flow;

    /** The program as it ships: real key-derivation cost, the configured vault folder. */
    public OutreachDeskApp() {
        this(new VaultService(Clock.systemDefaultZone()), defaultVaultFolder(), null);
    }

    /**
     * @param vaults       how vaults are created and unlocked (tests pass one with a cheap key derivation)
     * @param folder       the vault folder
     * @param idleOverride idle time before auto-lock instead of the vault's setting (tests), or null
     */
    public OutreachDeskApp(VaultService vaults, Path folder, Duration idleOverride) {
        this(vaults, folder, idleOverride, new UnlockThrottle());
    }

    /** As above, with the wait after wrong passwords chosen (tests use a longer first wait, to see it). */
    public OutreachDeskApp(VaultService vaults, Path folder, Duration idleOverride, UnlockThrottle throttle) {
        this.vaults = vaults;
        this.folder = folder;
        this.idleOverride = idleOverride;
        this.throttle = throttle;
    }

    /** {@value #VAULT_PROPERTY} if set, else {@link AppDirectories#defaultVault()}. */
    public static Path defaultVaultFolder() {
        String p = System.getProperty(VAULT_PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p) : AppDirectories.system().defaultVault();
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.getDefault());
        flow = new AppFlow(vaults, folder, executor, messages, idleOverride, throttle, Clock.systemUTC());
        // a field laptop's screen is small (1366×768, 1280×720): the window takes the whole visible screen
        // (without the task bar), maximised where a window manager does that, so no label is cut
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(flow.root(), screen.getWidth(), screen.getHeight());
        scene.getStylesheets().add(Styles.url());
        // the title never carries a user name, a vault path or anything recorded
        stage.setTitle(AppInfo.NAME);
        // application icon (installer, issue 7): made from installer/icon/outreach-desk.svg. Tiny class-path
        // resources, read at once like the stylesheet: the window manager only gets icons already loaded
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            icons.add(new Image(OutreachDeskApp.class.getResource("icon-" + size + ".png").toExternalForm()));
        }
        stage.getIcons().setAll(icons);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setMaximized(true);
        flow.start();
        stage.show();
    }

    /** The start-up flow (tests drive and inspect it). */
    public AppFlow flow() {
        return flow;
    }

    /** Locks whatever is open and lets the background work finish. Call on the JavaFX thread. */
    @Override
    public void stop() {
        if (flow != null) {
            flow.shutdown();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
