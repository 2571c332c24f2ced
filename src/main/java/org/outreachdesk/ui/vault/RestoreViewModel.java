package org.outreachdesk.ui.vault;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.AccessDeniedException;
import org.outreachdesk.app.BackupService;
import org.outreachdesk.app.WrongPasswordException;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.task.TaskExecutor;
import org.outreachdesk.ui.common.PasswordCheck;
import org.outreachdesk.ui.common.Failures;

/**
 * The restore screen's state, shown while no vault is unlocked: which backup file, the user name of an admin
 * of the backup, and, when the vault folder already holds a vault, the explicit consent to replace it (the
 * {@code --force} of the command line). The restore itself runs in the background; the password is never a
 * property: the view hands it over as a {@code char[]} on submit and the attempt wipes it.
 */
public final class RestoreViewModel {

    /**
     * Restores (in the background): {@code BackupService.restore} into the app's vault folder.
     *
     * @param replaceExisting whether a vault in the folder may be replaced
     */
    @FunctionalInterface
    public interface Restorer {
        BackupService.Restored restore(Path backupFile, String userName, char[] password, boolean replaceExisting);
    }

    private final Restorer restorer;
    private final TaskExecutor executor;
    private final Messages messages;
    private final boolean vaultExists;
    private final Consumer<RestoreDone> onRestored;

    private final ObjectProperty<Path> backupFile = new SimpleObjectProperty<>();
    private final StringProperty userName = new SimpleStringProperty("");
    private final BooleanProperty replaceConfirmed = new SimpleBooleanProperty(false);
    /** Busy while the work runs; its one line is the last error (empty when there is none). */
    private final Status status;
    private final BooleanBinding canSubmit;

    /** A restore that succeeded, and the user name it was opened with (to offer on the unlock screen). */
    public record RestoreDone(BackupService.Restored restored, String userName) {
    }

    /**
     * @param vaultExists whether the vault folder holds a vault now (restoring then replaces it, and asks first)
     * @param onRestored  called on the UI thread after a successful restore
     */
    public RestoreViewModel(Restorer restorer, TaskExecutor executor, Messages messages, boolean vaultExists,
                            Consumer<RestoreDone> onRestored) {
        this.restorer = restorer;
        this.executor = executor;
        this.messages = messages;
        this.status = new Status(messages);
        this.vaultExists = vaultExists;
        this.onRestored = onRestored;
        BooleanBinding ready = status.busyProperty().not().and(backupFile.isNotNull());
        this.canSubmit = vaultExists ? ready.and(replaceConfirmed) : ready;
        backupFile.addListener((obs, old, now) -> status.ok(""));
    }

    /** The backup file chosen (null until one is). */
    public ObjectProperty<Path> backupFileProperty() {
        return backupFile;
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    /** Whether restoring replaces a vault that is in the folder now. */
    public boolean replacesVault() {
        return vaultExists;
    }

    /** The person has said the current vault may be replaced (needed only when {@link #replacesVault()}). */
    public BooleanProperty replaceConfirmedProperty() {
        return replaceConfirmed;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    /** Why the last attempt failed (empty when it did not); never record content. */
    public ReadOnlyStringProperty errorProperty() {
        return status.messageProperty();
    }

    /** A file is chosen, nothing runs, and replacing (if it comes to that) is agreed. */
    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /**
     * Restores the chosen backup with the user name and {@code password} (which this call owns and wipes).
     *
     * @return whether the restore was started
     */
    public boolean submit(char[] password) {
        if (status.busyProperty().get()) {
            PasswordCheck.wipe(password);
            return false;
        }
        Path file = backupFile.get();
        String name = userName.get() == null ? "" : userName.get().strip();
        String problem = null;
        if (file == null) {
            problem = messages.get("restore.error.noFile");
        } else if (name.isEmpty() || password.length == 0) {
            problem = messages.get("restore.error.missing");
        } else if (vaultExists && !replaceConfirmed.get()) {
            problem = messages.get("restore.error.confirm");
        }
        if (problem != null) {
            PasswordCheck.wipe(password);
            status.fail(problem);
            return false;
        }
        boolean replace = vaultExists && replaceConfirmed.get();
        status.ok("");
        status.run(executor, () -> {
            try {
                return restorer.restore(file, name, password, replace);
            } finally {
                PasswordCheck.wipe(password);
            }
        }, restored -> onRestored.accept(new RestoreDone(restored, name)),
                failure -> status.fail(describe(failure))); // the restore's own words replace the general ones
        return true;
    }

    private String describe(Throwable failure) {
        if (failure instanceof WrongPasswordException) {
            return messages.get("restore.error.wrong");
        }
        if (failure instanceof AccessDeniedException) {
            return messages.get("restore.error.notAdmin");
        }
        return Failures.describe(failure, messages);
    }
}
