package org.outreachdesk.ui.vault;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.UnlockThrottle;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.app.WrongPasswordException;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.task.TaskExecutor;
import org.outreachdesk.ui.common.PasswordCheck;
import org.outreachdesk.ui.common.Failures;

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
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
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
        this.throttle = throttle;
        this.clock = clock;
        this.onUnlocked = onUnlocked;
        this.canSubmit = busy.not().and(waitSeconds.isEqualTo(0));
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
        if (restoreOpener != null && !busy.get()) {
            restoreOpener.run();
        }
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Why the last attempt failed (empty when it did not). */
    public ReadOnlyStringProperty errorProperty() {
        return error;
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
            error.set(messages.get("unlock.missing"));
            return false;
        }
        busy.set(true);
        error.set("");
        notice.set("");
        executor.submit(() -> {
            try {
                return unlocker.unlock(name, password);
            } finally {
                PasswordCheck.wipe(password);
            }
        }, ws -> {
            busy.set(false);
            throttle.succeeded();
            tick();
            onUnlocked.accept(ws);
        }, failure -> {
            busy.set(false);
            if (failure instanceof WrongPasswordException) {
                throttle.failed(clock.instant());
            }
            error.set(Failures.describe(failure, messages));
            tick();
        });
        return true;
    }
}
