package org.outreachdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.ui.task.BackgroundTask;
import org.outreachdesk.ui.task.TaskExecutor;

/**
 * What a screen says about its own work: busy while a save runs, and one message line that is either an error
 * or a confirmation. View-models hold one and run their background work through it, so "busy off, failure
 * in words" is written once ({@link #run}, {@link #load}) instead of in every callback.
 */
public final class Status {

    private final Messages messages;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);

    public Status(Messages messages) {
        this.messages = messages;
    }

    /** Shows a confirmation. */
    public void ok(String text) {
        show(text, false);
    }

    /** Shows an error. */
    public void fail(String text) {
        show(text, true);
    }

    /** Shows a failure of background work in words ({@link Failures#describe}). */
    public void failed(Throwable t) {
        busy.set(false);
        fail(Failures.describe(t, messages));
    }

    public void show(String text, boolean isError) {
        error.set(isError);
        message.set(text);
    }

    /** A save or other change: busy while it runs; a failure is shown; {@code onSuccess} gets the result. */
    public <T> void run(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess) {
        run(executor, work, onSuccess, failure -> { });
    }

    /** As {@link #run(TaskExecutor, Callable, Consumer)}; {@code alsoOnFailure} runs after the failure is shown. */
    public <T> void run(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> alsoOnFailure) {
        BackgroundTask.of(work).onStart(() -> busy.set(true)).andFinally(() -> busy.set(false))
                .onSuccess(onSuccess).onFailure(failure -> {
                    failed(failure);
                    alsoOnFailure.accept(failure);
                }).runOn(executor);
    }

    /** A read that fills a list or a choice: not busy, but a failure is shown. */
    public <T> void load(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess) {
        BackgroundTask.of(work).onSuccess(onSuccess).onFailure(this::failed).runOn(executor);
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty errorProperty() {
        return error;
    }
}
