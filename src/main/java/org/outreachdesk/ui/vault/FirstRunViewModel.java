package org.outreachdesk.ui.vault;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.VaultService;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.AppUser;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.task.TaskExecutor;
import org.outreachdesk.ui.common.PasswordCheck;

/**
 * The first-run screen's state: organisation, first admin's name, and creating the vault in the background.
 * Passwords are handed over as {@code char[]} on submit and wiped once used.
 */
public final class FirstRunViewModel {

    /** Creates the vault (in the background): {@code VaultService.create} on the chosen folder. */
    @FunctionalInterface
    public interface Creator {
        VaultService.Created create(String organisation, String adminName, char[] password);
    }

    /** Opens the demo vault (in the background): creates and fills it, or unlocks the one made earlier. */
    @FunctionalInterface
    public interface DemoOpener {
        DemoOpened open(String adminName, char[] password);
    }

    /** The demo vault, unlocked; {@code recoveryKey} is set only when it was just created. */
    public record DemoOpened(Workspace workspace, char[] recoveryKey) {
    }

    private final Creator creator;
    private DemoOpener demoOpener;
    private Consumer<DemoOpened> onDemo;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<VaultService.Created> onCreated;

    private final StringProperty organisation = new SimpleStringProperty("");
    private final StringProperty adminName = new SimpleStringProperty("");
    /** Busy while the work runs; its one line is the last error (empty when there is none). */
    private final Status status;
    private Runnable restoreOpener;

    public FirstRunViewModel(Creator creator, TaskExecutor executor, Messages messages,
                             Consumer<VaultService.Created> onCreated) {
        this.creator = creator;
        this.executor = executor;
        this.messages = messages;
        this.status = new Status(messages);
        this.onCreated = onCreated;
    }

    /** Offers the demo vault: {@code opener} runs in the background, {@code onOpened} on the UI thread. */
    public void offerDemo(DemoOpener opener, Consumer<DemoOpened> onOpened) {
        this.demoOpener = opener;
        this.onDemo = onOpened;
    }

    /** Offers restoring a backup from this screen: {@code open} shows the restore screen. */
    public void offerRestore(Runnable open) {
        this.restoreOpener = open;
    }

    public boolean restoreOffered() {
        return restoreOpener != null;
    }

    /** Goes to the restore screen (not while work runs here). */
    public void openRestore() {
        if (restoreOpener != null && !status.busyProperty().get()) {
            restoreOpener.run();
        }
    }

    public boolean demoOffered() {
        return demoOpener != null;
    }

    /**
     * Opens the demo vault with the admin name and password typed in the form (the organisation is not needed).
     * Owns and wipes both arrays.
     */
    public boolean openDemo(char[] password, char[] confirm) {
        if (status.busyProperty().get() || demoOpener == null) {
            PasswordCheck.wipe(password, confirm);
            return false;
        }
        String name = adminName.get() == null ? "" : adminName.get().strip();
        String problem = !AppUser.isValidName(name) || AppUser.RESERVED_RECOVERY.equalsIgnoreCase(name)
                ? messages.get("user.error.name") : PasswordCheck.problem(password, confirm, messages, name).orElse(null);
        PasswordCheck.wipe(confirm);
        if (problem != null) {
            PasswordCheck.wipe(password);
            status.fail(problem);
            return false;
        }
        status.ok("");
        status.run(executor, () -> {
            try {
                return demoOpener.open(name, password);
            } finally {
                PasswordCheck.wipe(password);
            }
        }, opened -> onDemo.accept(opened));
        return true;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    public StringProperty adminNameProperty() {
        return adminName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return status.messageProperty();
    }

    /**
     * Creates the vault when every field is acceptable. Owns and wipes both arrays.
     *
     * @return whether creation was started
     */
    public boolean create(char[] password, char[] confirm) {
        if (status.busyProperty().get()) {
            PasswordCheck.wipe(password, confirm);
            return false;
        }
        String org = organisation.get() == null ? "" : organisation.get().strip();
        String name = adminName.get() == null ? "" : adminName.get().strip();
        String problem = null;
        if (org.isEmpty()) {
            problem = messages.get("firstRun.error.org");
        } else if (!AppUser.isValidName(name) || AppUser.RESERVED_RECOVERY.equalsIgnoreCase(name)) {
            problem = messages.get("user.error.name");
        } else {
            problem = PasswordCheck.problem(password, confirm, messages, name, org).orElse(null);
        }
        PasswordCheck.wipe(confirm);
        if (problem != null) {
            PasswordCheck.wipe(password);
            status.fail(problem);
            return false;
        }
        status.ok("");
        status.run(executor, () -> {
            try {
                return creator.create(org, name, password);
            } finally {
                PasswordCheck.wipe(password);
            }
        }, onCreated);
        return true;
    }
}
