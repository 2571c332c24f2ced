package org.outreachdesk.ui.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.InvalidationListener;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.AuditService;
import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.SettingsService;
import org.outreachdesk.app.UserService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AppUser;
import org.outreachdesk.domain.AuditVerification;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.PasswordCheck;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.outreachdesk.app.AppException;

/**
 * The Settings section: one's own password (everyone); users, the audit chain and the auto-lock time
 * (admins; the services check the role again). Each part has its own busy flag and messages.
 */
public final class SettingsViewModel {

    /**
     * One part of the screen on its own {@link Status}: busy while its work runs, and the last outcome shown as
     * good news ({@link #messageProperty()}) or a problem ({@link #errorProperty()}), each in its own line.
     */
    public static final class Part {
        private final Status status;
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

        Part(Messages messages) {
            status = new Status(messages);
            InvalidationListener split = o -> {
                boolean isError = status.errorProperty().get();
                String text = status.messageProperty().get();
                message.set(isError ? "" : text);
                error.set(isError ? text : "");
            };
            status.messageProperty().addListener(split);
            status.errorProperty().addListener(split);
        }

        public ReadOnlyBooleanProperty busyProperty() {
            return status.busyProperty();
        }

        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        boolean busy() {
            return status.busyProperty().get();
        }

        /** Work of this part: the last outcome cleared, busy while it runs, a failure in words. */
        <T> void run(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess) {
            run(executor, work, onSuccess, failure -> { });
        }

        /** As {@link #run(TaskExecutor, Callable, Consumer)}; {@code alsoOnFailure} runs after the failure is shown. */
        <T> void run(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess,
                     Consumer<? super Throwable> alsoOnFailure) {
            status.show("", false);
            status.run(executor, work, onSuccess, alsoOnFailure);
        }

        /** A read for this part: not busy, a failure in words. */
        <T> void load(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess) {
            status.load(executor, work, onSuccess);
        }

        void done(String text) {
            status.ok(text);
        }

        void failed(String text) {
            status.fail(text);
        }
    }

    private final UiContext ctx;
    private final Workspace ws;
    private final Messages messages;
    private final boolean admin;

    private final Part ownPassword;
    private final Part users;
    private final Part audit;
    private final Part autoLock;
    private final Part backup;
    private final Part language;
    private final Part siteNames;
    private final boolean reportsManager;
    /** Settings → Team (admins only; null otherwise). */
    private final TeamViewModel team;

    private final ObservableList<UserRow> userRows = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();
    private final StringProperty newUserName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newUserRole = new SimpleObjectProperty<>(Role.OUTREACH_WORKER);
    private final IntegerProperty idleMinutes = new SimpleIntegerProperty(SettingsService.DEFAULT_IDLE_MINUTES);
    private final BooleanProperty auditIntact = new SimpleBooleanProperty(true);
    private final BooleanProperty donorSiteNames = new SimpleBooleanProperty(false);

    public SettingsViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.ws = ctx.workspace();
        this.messages = ctx.messages();
        this.ownPassword = new Part(messages);
        this.users = new Part(messages);
        this.audit = new Part(messages);
        this.autoLock = new Part(messages);
        this.backup = new Part(messages);
        this.language = new Part(messages);
        this.siteNames = new Part(messages);
        this.admin = ws.can(Permission.ADMINISTER);
        this.reportsManager = ws.can(Permission.INTERNAL_REPORT);
        this.team = admin ? new TeamViewModel(ctx) : null;
        loadIdleMinutes();
        if (reportsManager) {
            loadDonorSiteNames();
        }
        if (admin) {
            loadUsers();
        }
    }

    /** Whether the signed-in user may manage users, the audit trail and settings (the screen hides the rest). */
    public boolean isAdmin() {
        return admin;
    }

    /** Settings → Team: admins only (create, invite, join, revoke); null for other roles. */
    public TeamViewModel team() {
        return team;
    }

    public String userName() {
        return ws.user().name();
    }

    public Part ownPassword() {
        return ownPassword;
    }

    public Part users() {
        return users;
    }

    public Part audit() {
        return audit;
    }

    public Part language() {
        return language;
    }

    /** The signed-in user's interface language code ({@code en} or {@code km}). */
    public String currentLanguage() {
        return ws.user().language();
    }

    /** Stores the user's language; then the screens are rebuilt in it, without restarting. */
    public void chooseLanguage(String code) {
        if (language.busy() || code == null || code.equals(currentLanguage())) {
            return;
        }
        language.run(ctx.executor(), () -> {
            new UserService(ws).setOwnLanguage(code);
            return code;
        }, done -> {
            language.done("");
            ctx.shell().languageChanged();
        });
    }

    public Part backup() {
        return backup;
    }

    public Part autoLock() {
        return autoLock;
    }

    public ObservableList<UserRow> userRows() {
        return userRows;
    }

    public ObjectProperty<UserRow> selectedProperty() {
        return selected;
    }

    public StringProperty newUserNameProperty() {
        return newUserName;
    }

    public ObjectProperty<Role> newUserRoleProperty() {
        return newUserRole;
    }

    /** The auto-lock time as stored (what the screen shows and edits). */
    public IntegerProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public ReadOnlyBooleanProperty auditIntactProperty() {
        return auditIntact;
    }

    // ---- own password

    /** Changes the signed-in user's password. Owns and wipes both arrays. */
    public boolean changeOwnPassword(char[] password, char[] confirm) {
        if (ownPassword.busy()) {
            PasswordCheck.wipe(password, confirm);
            return false;
        }
        String problem = PasswordCheck.problem(password, confirm, messages, ws.user().name()).orElse(null);
        PasswordCheck.wipe(confirm);
        if (problem != null) {
            PasswordCheck.wipe(password);
            ownPassword.failed(problem);
            return false;
        }
        ownPassword.run(ctx.executor(), () -> {
            try {
                new UserService(ws).changeOwnPassword(password);
                return null;
            } finally {
                PasswordCheck.wipe(password);
            }
        }, ok -> {
            ownPassword.done(messages.get("settings.password.done"));
            saved();
        });
        return true;
    }

    // ---- users (admin)

    public void loadUsers() {
        users.run(ctx.executor(), () -> new UserService(ws).list(), this::showUsers);
    }

    private void showUsers(List<AppUser> list) {
        String me = ws.user().name();
        String keep = selected.get() == null ? null : selected.get().name();
        userRows.setAll(list.stream().map(u -> new UserRow(u.name(), u.role(), u.active(), u.name().equals(me))).toList());
        selected.set(userRows.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(null));
    }

    /** Adds a user with the name and role entered and an initial password. Owns and wipes both arrays. */
    public boolean addUser(char[] password, char[] confirm) {
        if (users.busy()) {
            PasswordCheck.wipe(password, confirm);
            return false;
        }
        String name = newUserName.get() == null ? "" : newUserName.get().strip();
        Role role = newUserRole.get();
        String problem;
        if (!AppUser.isValidName(name) || AppUser.RESERVED_RECOVERY.equalsIgnoreCase(name)) {
            problem = messages.get("user.error.name");
        } else if (role == null) {
            problem = messages.get("settings.users.error.role");
        } else {
            problem = PasswordCheck.problem(password, confirm, messages, name).orElse(null);
        }
        PasswordCheck.wipe(confirm);
        if (problem != null) {
            PasswordCheck.wipe(password);
            users.failed(problem);
            return false;
        }
        users.run(ctx.executor(), () -> {
            try {
                UserService service = new UserService(ws);
                service.add(name, role, password);
                return service.list();
            } finally {
                PasswordCheck.wipe(password);
            }
        }, list -> {
            showUsers(list);
            users.done(messages.get("settings.users.added", name));
            newUserName.set("");
            saved();
        });
        return true;
    }

    /** Disables the selected user: their password no longer opens the vault. */
    public boolean disableSelected() {
        UserRow row = selected.get();
        if (users.busy() || row == null || row.self() || !row.active()) {
            return false;
        }
        users.run(ctx.executor(), () -> {
            UserService service = new UserService(ws);
            service.disable(row.name());
            return service.list();
        }, list -> {
            showUsers(list);
            users.done(messages.get("settings.users.disabled", row.name()));
            saved();
        });
        return true;
    }

    /** Gives the selected user a new password. Owns and wipes both arrays. */
    public boolean resetSelected(char[] password, char[] confirm) {
        UserRow row = selected.get();
        if (users.busy() || row == null || !row.active()) {
            PasswordCheck.wipe(password, confirm);
            return false;
        }
        String problem = PasswordCheck.problem(password, confirm, messages, row.name()).orElse(null);
        PasswordCheck.wipe(confirm);
        if (problem != null) {
            PasswordCheck.wipe(password);
            users.failed(problem);
            return false;
        }
        users.run(ctx.executor(), () -> {
            try {
                new UserService(ws).resetPassword(row.name(), password);
                return null;
            } finally {
                PasswordCheck.wipe(password);
            }
        }, ok -> {
            users.done(messages.get("settings.users.reset.done", row.name()));
            saved();
        });
        return true;
    }

    // ---- audit (admin)

    public void verifyAudit() {
        if (audit.busy()) {
            return;
        }
        audit.run(ctx.executor(), () -> new AuditService(ws).verify(), (AuditVerification v) -> {
            auditIntact.set(v.intact());
            if (v.intact()) {
                audit.done(messages.get("settings.audit.intact", v.entriesChecked()));
            } else {
                audit.failed(messages.get("settings.audit.broken", v.brokenAtSeq(), v.problem()));
            }
        });
    }

    // ---- backup (admin)

    /** A backup target that exists already, waiting for the person to confirm replacing it (else null). */
    private final ObjectProperty<Path> replaceAsked =
            new SimpleObjectProperty<>();

    public ReadOnlyObjectProperty<Path> replaceAskedProperty() {
        return replaceAsked;
    }

    /** Writes an encrypted backup of the open vault to {@code file} (in the background); never over a file. */
    public void backupTo(Path file) {
        backupTo(file, false);
    }

    /**
     * Writes a backup; an existing {@code file} is replaced only with {@code replace} (after the window asked). When
     * the file exists and {@code replace} is not set, {@link #replaceAskedProperty()} names it and nothing is written.
     */
    public void backupTo(Path file, boolean replace) {
        if (backup.busy() || file == null) {
            return;
        }
        replaceAsked.set(null);
        backup.run(ctx.executor(), () -> new BackupService(ws).backup(file, replace),
                done -> backup.done(messages.get("settings.backup.done", done.file().getFileName().toString(),
                        Math.max(1, done.bytes() / 1024))),
                failure -> {
                    if (failure instanceof AppException a && "backup.exists".equals(a.key())) {
                        replaceAsked.set(file);
                    }
                });
    }

    // ---- auto-lock

    private void loadIdleMinutes() {
        autoLock.load(ctx.executor(), () -> new SettingsService(ws).idleMinutes(), idleMinutes::set);
    }

    /** Stores a new auto-lock time (admin); the running session uses it at once. */
    public boolean saveIdleMinutes(int minutes) {
        if (autoLock.busy()) {
            return false;
        }
        if (minutes < SettingsService.MIN_IDLE_MINUTES || minutes > SettingsService.MAX_IDLE_MINUTES) {
            autoLock.failed(messages.get("settings.lock.range", SettingsService.MIN_IDLE_MINUTES,
                    SettingsService.MAX_IDLE_MINUTES));
            return false;
        }
        autoLock.run(ctx.executor(), () -> {
            new SettingsService(ws).setIdleMinutes(minutes);
            return minutes;
        }, m -> {
            idleMinutes.set(m);
            ctx.shell().autoLockMinutesProperty().set(m);
            autoLock.done(messages.get("settings.lock.saved", m));
            saved();
        });
        return true;
    }

    // ---- sites in donor reports (managers and admins)

    /** Whether the signed-in user chooses how donor reports name sites (managers and admins). */
    public boolean isReportsManager() {
        return reportsManager;
    }

    public Part siteNames() {
        return siteNames;
    }

    /** True: donor reports name sites; false (the default): by code only. */
    public ReadOnlyBooleanProperty donorSiteNamesProperty() {
        return donorSiteNames;
    }

    private void loadDonorSiteNames() {
        siteNames.load(ctx.executor(), () -> new SettingsService(ws).donorSiteNames(), donorSiteNames::set);
    }

    /** Stores how donor reports name sites (in the background; audited). */
    public void saveDonorSiteNames(boolean names) {
        if (siteNames.busy()) {
            return;
        }
        siteNames.run(ctx.executor(), () -> {
            new SettingsService(ws).setDonorSiteNames(names);
            return names;
        }, v -> {
            donorSiteNames.set(v);
            siteNames.done(messages.get(v ? "settings.siteNames.saved.name" : "settings.siteNames.saved.code"));
            saved();
        });
    }

    private void saved() {
        ctx.shell().saved(ws.clock().instant());
    }
}
