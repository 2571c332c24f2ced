package org.outreachdesk.ui.vault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import javafx.scene.Parent;
import javafx.scene.Scene;

import org.outreachdesk.app.Permission;
import org.outreachdesk.app.ReportService;
import org.outreachdesk.app.SettingsService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Section;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.outreachdesk.ui.common.Roles;

/**
 * One unlocked session: the workspace, the main window shell with every section view built for it, and the
 * idle monitor. Ending it hands back the workspace to close; the session's views and view-models are then
 * unreachable, so nothing typed in them survives a lock.
 */
final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    /** Why a session ends. */
    enum End {
        LOCK_BUTTON, IDLE,
        /** Not a lock: the user chose another language, the views are rebuilt on the same workspace. */
        LANGUAGE
    }

    private final Workspace workspace;
    private final ShellViewModel shell = new ShellViewModel();
    private final ShellView view;
    private final IdleMonitor idle;

    /**
     * @param idleOverride when not null, the idle time to use instead of the vault's setting (tests)
     */
    Session(Workspace workspace, TaskExecutor executor, Messages messages, Scene scene, Duration idleOverride,
            Consumer<End> onEnd) {
        this.workspace = workspace;
        Path name = workspace.folder().getFileName();
        shell.vaultNameProperty().set(name == null ? workspace.folder().toString() : name.toString());
        shell.userNameProperty().set(workspace.user().name());
        shell.roleNameProperty().set(Roles.label(workspace.role(), messages));
        shell.autoLockMinutesProperty().set(SettingsService.DEFAULT_IDLE_MINUTES);
        shell.setOnLock(() -> onEnd.accept(End.LOCK_BUTTON));
        shell.setOnLanguageChanged(() -> onEnd.accept(End.LANGUAGE));
        UiContext ctx = new UiContext(workspace, executor, messages, shell);
        // managers and coordinators land on the dashboard; everyone else on the encounter desk
        if (workspace.role() == Role.MANAGER
                || workspace.role() == Role.COORDINATOR) {
            shell.show(Section.DASHBOARD);
        }
        // possible duplicates and sync conflicts are settled by coordinators and above only
        shell.setShown(s -> (s != Section.DUPLICATES && s != Section.CONFLICTS)
                || workspace.can(Permission.CORRECT_ANY));
        view = new ShellView(shell, messages, s -> SectionViews.create(s, ctx));

        idle = new IdleMonitor(scene, idleOverride != null ? idleOverride
                : Duration.ofMinutes(SettingsService.DEFAULT_IDLE_MINUTES), () -> onEnd.accept(End.IDLE));
        if (idleOverride == null) {
            shell.autoLockMinutesProperty().addListener((obs, old, now) -> idle.setIdle(Duration.ofMinutes(now.intValue())));
        }
        executor.submit(() -> new SettingsService(workspace).idleMinutes(),
                minutes -> shell.autoLockMinutesProperty().set(minutes),
                failure -> LOG.warn("auto-lock setting not read: {}", failure.getClass().getName()));
        // the first report of the session: the last complete month's workbook made once in memory and thrown
        // away, so that the manager's first one finds its pages decrypted and its code compiled (ADR 23)
        if (workspace.can(Permission.DONOR_REPORT)) {
            executor.submit(() -> new ReportService(workspace).prepareFirstReport(), ms -> { },
                    failure -> LOG.warn("first report not prepared: {}", failure.getClass().getName()));
        }
        idle.start();
    }

    void showSettings() {
        shell.show(Section.SETTINGS);
    }

    Parent view() {
        return view;
    }

    int autoLockMinutes() {
        return shell.autoLockMinutesProperty().get();
    }

    /** Stops the idle monitor and the lock shortcut; returns the workspace, which the caller closes. */
    Workspace end() {
        idle.stop();
        shell.setOnLock(null);
        shell.setOnLanguageChanged(null);
        return workspace;
    }
}
