package org.outreachdesk.ui.vault;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.UnlockThrottle;
import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.AppInfo;
import org.outreachdesk.app.demo.DemoGenerator;
import org.outreachdesk.app.demo.DemoSpec;
import org.outreachdesk.domain.AppUser;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.outreachdesk.ui.common.Failures;

/**
 * The start-up flow and the life of a session: no vault in the folder → first run (then the recovery key,
 * once); a vault → unlock; unlocked → the main window; lock (button, Ctrl+L or idle time) → the workspace is
 * closed in the background, the session's views are dropped and the unlock screen returns.
 *
 * <p>Every vault operation (existence check, Argon2id, opening, closing) runs on the one background executor;
 * the screens show a busy state meanwhile. The throttle lives here, so a new unlock screen does not reset it.
 *
 * <p>Both screens shown without an unlocked vault (first run, unlock) offer restoring a backup into the folder;
 * the restore screen asks before it replaces a vault, and leads to the unlock screen of the restored vault.
 * While they are shown, the database classes are loaded in the background so the first unlock is quicker.
 */
public final class AppFlow {

    private static final Logger LOG = LoggerFactory.getLogger(AppFlow.class);
    static final String DEMO_ORGANISATION = "Demo Outreach (synthetic data)";

    private final StackPane root = new StackPane();
    private final VaultService vaults;
    private final Path folder;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Duration idleOverride;
    private final UnlockThrottle throttle;
    private final Clock clock;

    private Session session;
    /** The program is ending: work that finishes now closes what it opened at once. */
    private boolean stopped;
    /** A vault just created, open while its recovery key is shown. */
    private Workspace pending;
    /** Asks for the backup file to restore (owner window → file, or null when cancelled). */
    private Function<Window, File> backupChooser = this::systemBackupChooser;
    private boolean warmUpStarted;

    /**
     * @param idleOverride the idle time before auto-lock to use instead of the vault's setting (tests), or null
     */
    public AppFlow(VaultService vaults, Path folder, TaskExecutor executor, Messages messages, Duration idleOverride,
                   UnlockThrottle throttle, Clock clock) {
        this.vaults = vaults;
        this.folder = folder;
        this.executor = executor;
        this.messages = messages;
        this.idleOverride = idleOverride;
        this.throttle = throttle;
        this.clock = clock;
        root.setId("app-root");
    }

    /** The scene's root; the screens replace one another inside it. */
    public Parent root() {
        return root;
    }

    /** Shows the first screen: first run or unlock, depending on whether the folder holds a vault. */
    public void start() {
        show(opening());
        executor.submit(() -> vaults.exists(folder), exists -> {
            if (exists) {
                showUnlock("");
            } else {
                showFirstRun();
            }
        }, failure -> {
            LOG.warn("vault folder not checked: {}", failure.getClass().getName());
            showUnlock(Failures.describe(failure, messages));
        });
    }

    /**
     * Replaces the system's open dialog for choosing a backup to restore (tests give their own).
     *
     * @param chooser owner window → the backup file, or null when cancelled
     */
    public void setBackupChooser(Function<Window, File> chooser) {
        this.backupChooser = chooser;
    }

    /** Whether a session is open (the main window is shown). */
    public boolean isUnlocked() {
        return session != null;
    }

    /** Locks now if a session is open (as the Lock button does). */
    public void lock() {
        end(Session.End.LOCK_BUTTON);
    }

    /** Closes whatever is open, in the background (the program is ending). */
    public void shutdown() {
        stopped = true;
        if (session != null) {
            Workspace ws = session.end();
            session = null;
            close(ws);
        }
        if (pending != null) {
            close(pending);
            pending = null;
        }
        root.getChildren().clear();
    }

    private void show(Parent screen) {
        root.getChildren().setAll(screen);
    }

    private Parent opening() {
        ProgressIndicator p = new ProgressIndicator();
        p.setMaxSize(40, 40);
        VBox box = new VBox(12, p, new Label(messages.get("start.opening")));
        box.setAlignment(Pos.CENTER);
        box.setId("opening-screen");
        box.getStyleClass().add("start-screen");
        return box;
    }

    private void showFirstRun() {
        FirstRunViewModel vm = new FirstRunViewModel((org, admin, pw) -> vaults.create(folder, org, admin, pw),
                executor, messages, c -> showRecoveryKey(c.vault(), c.notice(), c.joinFailed()));
        Path demoFolder = demoFolder();
        vm.offerDemo((admin, pw) -> {
            if (vaults.exists(demoFolder)) {
                return new FirstRunViewModel.DemoOpened(vaults.unlock(demoFolder, admin, pw), null);
            }
            VaultService.Created created = vaults.create(demoFolder, DEMO_ORGANISATION, admin, pw);
            new DemoGenerator(created.workspace(), DemoSpec.of(1000, 18, 1)).generate();
            return new FirstRunViewModel.DemoOpened(created.workspace(), created.recoveryKey());
        }, opened -> {
            if (opened.recoveryKey() != null) {
                showRecoveryKey(new VaultService.Created(opened.workspace(), opened.recoveryKey()), "", false);
            } else {
                openSession(opened.workspace());
            }
        });
        vm.offerRestore(() -> openRestore(this::showFirstRun));
        show(new FirstRunView(vm, messages, folder));
        warmUp();
    }

    /** The demo vault lives beside the real one, never in its place. */
    private Path demoFolder() {
        return folder.resolveSibling(folder.getFileName() + "-demo");
    }

    /** The new vault's recovery key, once; {@code notice} says how joining a team went (empty: no team asked). */
    private void showRecoveryKey(VaultService.Created created, String notice, boolean noticeIsError) {
        char[] key = created.recoveryKey();
        if (stopped) {
            Arrays.fill(key, '\0');
            closeNow(created.workspace());
            return;
        }
        pending = created.workspace();
        show(new RecoveryKeyView(key, messages, notice, noticeIsError, () -> {
            Arrays.fill(key, '\0');
            Workspace ws = pending;
            pending = null;
            openSession(ws);
        }));
    }

    private void showUnlock(String notice) {
        showUnlock(notice, "");
    }

    private void showUnlock(String notice, String userName) {
        UnlockViewModel vm = new UnlockViewModel((user, pw) -> vaults.unlock(folder, user, pw), executor, messages,
                throttle, clock, this::openSession);
        vm.noticeProperty().set(notice);
        vm.userNameProperty().set(userName);
        vm.offerRestore(() -> openRestore(() -> showUnlock("")));
        show(new UnlockView(vm, messages));
        warmUp();
    }

    /**
     * Loads the database classes in the background, once, while a person types a password: the first unlock
     * then does not pay for it. Touches no vault and writes nothing.
     */
    private void warmUp() {
        if (warmUpStarted) {
            return;
        }
        warmUpStarted = true;
        executor.submit(() -> {
            VaultService.warmUp();
            return null;
        }, ok -> { }, failure -> LOG.warn("warm-up failed: {}", failure.getClass().getName()));
    }

    /** The restore screen, once it is known whether the folder holds a vault (to be replaced, then). */
    private void openRestore(Runnable back) {
        show(opening());
        executor.submit(() -> vaults.exists(folder), exists -> showRestore(exists, back), failure -> {
            LOG.warn("vault folder not checked: {}", failure.getClass().getName());
            // unknown: treat it as holding a vault, so nothing is replaced without asking
            showRestore(true, back);
        });
    }

    private void showRestore(boolean vaultExists, Runnable back) {
        if (stopped) {
            return;
        }
        RestoreViewModel vm = new RestoreViewModel(
                (file, user, pw, replace) -> BackupService.restore(file, folder, user, pw, replace, clock),
                executor, messages, vaultExists, this::restored);
        show(new RestoreView(vm, messages, folder, backupChooser, back));
    }

    /** After a restore: the unlock screen of the restored vault, saying what happened. */
    private void restored(RestoreViewModel.RestoreDone done) {
        BackupService.Restored r = done.restored();
        LOG.info("backup {} restored from the desktop", r.backupId());
        String taken = r.takenAt() == null ? "?"
                : Dates.format(r.takenAt(), ZoneId.systemDefault());
        String notice = messages.get("restore.done", taken);
        if (r.previousVault() != null) {
            notice = notice + "\n" + messages.get("restore.done.kept", RestoreView.breakablePath(r.previousVault()));
        }
        String user = AppUser.RESERVED_RECOVERY.equalsIgnoreCase(done.userName()) ? "" : done.userName();
        showUnlock(notice, user);
    }

    private File systemBackupChooser(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("restore.chooser.title"));
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("restore.chooser.filter"), "*" + BackupService.FILE_EXTENSION),
                new FileChooser.ExtensionFilter(messages.get("restore.chooser.all"), "*"));
        return fc.showOpenDialog(owner);
    }

    private void openSession(Workspace ws) {
        if (stopped) {
            closeNow(ws);
            return;
        }
        Locale locale = Locale.forLanguageTag(ws.user().language());
        Messages userMessages = locale.getLanguage().equals(messages.locale().getLanguage()) ? messages
                : new Messages(locale);
        Fonts.apply(root, userMessages.locale());
        session = new Session(ws, executor, userMessages, root.getScene(), idleOverride, this::end);
        show(session.view());
        executor.submit(ws::isDemo, demo -> title(demo ? AppInfo.NAME + " — " + messages.get("title.demo")
                : AppInfo.NAME), failure -> LOG.warn("demo flag not read: {}", failure.getClass().getName()));
    }

    private void end(Session.End why) {
        if (session == null) {
            return;
        }
        int minutes = session.autoLockMinutes();
        Workspace ws = session.end();
        session = null;
        if (why == Session.End.LANGUAGE) {
            // the same workspace, its screens rebuilt in the newly chosen language; the Settings stay open
            root.getChildren().clear();
            openSession(ws);
            if (session != null) {
                session.showSettings();
            }
            return;
        }
        Fonts.apply(root, messages.locale());
        // drop the session's views before anything else, then lock in the background (the single worker
        // runs it after any save already queued, and before the next unlock)
        root.getChildren().clear();
        title(AppInfo.NAME);
        close(ws);
        showUnlock(why == Session.End.IDLE ? messages.get("lock.idle", minutes) : messages.get("lock.locked"));
    }

    /** The window title: the program's name, and whether the data is a demo; never a user, path or record. */
    private void title(String text) {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setTitle(text);
        }
    }

    /**
     * Closes on this thread: only for a vault opened by work that finished while the program was ending,
     * when the background executor no longer takes work.
     */
    private static void closeNow(Workspace ws) {
        try {
            ws.close();
        } catch (RuntimeException e) {
            LOG.warn("lock at exit failed: {}", e.getClass().getName());
        }
    }

    private void close(Workspace ws) {
        executor.submit(() -> {
            ws.close();
            return null;
        }, ok -> LOG.info("vault locked"), failure -> LOG.warn("lock failed: {}", failure.getClass().getName()));
    }
}
