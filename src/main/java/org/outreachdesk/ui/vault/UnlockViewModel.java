package org.outreachdesk.ui.vault;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.UnlockThrottle;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.WrongPasswordException;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Status;
import org.outreachdesk.ui.task.TaskExecutor;
import org.outreachdesk.ui.common.PasswordCheck;

/**
 * The unlock screen's state: the user name, whether an attempt is running, what went wrong, and how long
 * the throttle makes the next attempt wait. The password is never a property: the view hands it over as a
 * {@code char[]} on submit and the attempt wipes it.
 */
public final class UnlockViewModel {

    /** Opens the vault (in the background): {@code VaultService.unlock} on the chosen folder. */
    @FunctionalInterface
    public interface Unlocker {
        Workspace unlock(String userName, char[] password);
    }

    private final Unlocker unlocker;
    private final TaskExecutor executor;
    private final Messages messages;
    private final UnlockThrottle throttle;
    private final Clock clock;
    private final Consumer<Workspace> onUnlocked;

    private final StringProperty userName = new SimpleStringProperty("");
    /** Busy while the work runs; its one line is the last error (empty when there is none). */
    private final Status status;
    private Runnable restoreOpener;
    private final StringProperty notice = new SimpleStringProperty("");
    private final LongProperty waitSeconds = new SimpleLongProperty(0);
    private final StringProperty waitText = new SimpleStringProperty("");
    private final BooleanBinding canSubmit;

    public UnlockViewModel(Unlocker unlocker, TaskExecutor executor, Messages messages, UnlockThrottle throttle,
                           Clock clock, Consumer<Workspace> onUnlocked) {
        this.unlocker = unlocker;
        this.executor = executor;
        this.messages = messages;
        this.status = new Status(messages);
        this.throttle = throttle;
        this.clock = clock;
        this.onUnlocked = onUnlocked;
        this.canSubmit = status.busyProperty().not().and(waitSeconds.isEqualTo(0));
        waitText.bind(Bindings.createStringBinding(() -> waitSeconds.get() > 0
                ? messages.get("unlock.wait", waitSeconds.get()) : "", waitSeconds));
        tick();
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

    public StringProperty userNameProperty() {
        return userName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    /** Why the last attempt failed (empty when it did not). */
    public ReadOnlyStringProperty errorProperty() {
        return status.messageProperty();
    }

    /** Why this screen is shown (e.g. locked after idle time). */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** Whole seconds (rounded up) until the throttle allows the next attempt. */
    public ReadOnlyLongProperty waitSecondsProperty() {
        return waitSeconds;
    }

    public ReadOnlyStringProperty waitTextProperty() {
        return waitText;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** Brings {@link #waitSecondsProperty()} up to date; the view calls it while a wait runs. */
    public void tick() {
        Duration left = throttle.remaining(clock.instant());
        long secs = left.isZero() ? 0 : (left.toMillis() + 999) / 1000;
        waitSeconds.set(secs);
    }

    /**
     * Tries to unlock with the user name and {@code password} (which this call owns and wipes).
     *
     * @return whether an attempt was started (not while busy, waiting, or with a field empty)
     */
    public boolean submit(char[] password) {
        tick();
        String name = userName.get() == null ? "" : userName.get().strip();
        if (!canSubmit.get()) {
            PasswordCheck.wipe(password);
            return false;
        }
        if (name.isEmpty() || password.length == 0) {
            PasswordCheck.wipe(password);
            status.fail(messages.get("unlock.missing"));
            return false;
        }
        status.ok("");
        notice.set("");
        status.run(executor, () -> {
            try {
                return unlocker.unlock(name, password);
            } finally {
                PasswordCheck.wipe(password);
            }
        }, ws -> {
            throttle.succeeded();
            tick();
            onUnlocked.accept(ws);
        }, failure -> {
            if (failure instanceof WrongPasswordException) {
                throttle.failed(clock.instant());
            }
            tick();
        });
        return true;
    }
}
