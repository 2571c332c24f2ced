package org.outreachdesk.ui.common;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.outreachdesk.app.InvalidFieldsException;
import org.outreachdesk.ui.task.BackgroundTask;
import org.outreachdesk.ui.task.TaskExecutor;

/**
 * What a screen says about its own work: busy while a save runs, and one message line that is either an error
 * or a confirmation. View-models hold one and run their background work through it, so "busy off, failure
 * in words" is written once ({@link #run}, {@link #load}, {@link #saving}) instead of in every callback.
 */
public final class Status {

    private final Messages messages;
    private final Function<? super Throwable, String> describe;
    /** A form's messages at its fields: a refusal with field problems puts them there (null: no fields). */
    private final Problems problems;
    private final Map<String, String> fieldErrors;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);

    /** Failures in the words of {@link Failures#describe}. */
    public Status(Messages messages) {
        this(messages, t -> Failures.describe(t, messages));
    }

    /** Failures in the words {@code describe} gives. */
    public Status(Messages messages, Function<? super Throwable, String> describe) {
        this(messages, describe, null, null);
    }

    private Status(Messages messages, Function<? super Throwable, String> describe, Problems problems,
                   Map<String, String> fieldErrors) {
        this.messages = messages;
        this.describe = describe;
        this.problems = problems;
        this.fieldErrors = fieldErrors;
    }

    /**
     * The desk's forms (desk, contacts, UIC builder, safeguarding, duplicates): a failure reads "Not done: …"
     * ({@link Problems#general}); a refusal with field problems puts each at its field in {@code fieldErrors}
     * and says "correct the fields marked in red".
     */
    public static Status ofForm(Problems problems, Map<String, String> fieldErrors) {
        return new Status(problems.labels().messages(), problems::general, problems, fieldErrors);
    }

    /** Shows a confirmation. */
    public void ok(String text) {
        show(text, false);
    }

    /** Shows an error. */
    public void fail(String text) {
        show(text, true);
    }

    /** Empties the message line. */
    public void clear() {
        show("", false);
    }

    /** Shows a failure of background work in words (and, on a form, its field problems at their fields). */
    public void failed(Throwable t) {
        busy.set(false);
        if (fieldErrors != null && t instanceof InvalidFieldsException f) {
            problems.putAll(f, fieldErrors);
            fail(messages.get("desk.message.fix"));
        } else {
            fail(describe.apply(t));
        }
    }

    public void show(String text, boolean isError) {
        error.set(isError);
        message.set(text);
    }

    /** Whether a save is running (a second click is then ignored). */
    public boolean isBusy() {
        return busy.get();
    }

    /**
     * A save or other change as a task to finish: busy while it runs, a failure shown ({@link #failed}) unless the
     * caller gives its own {@code onFailure} (which may hand what it does not handle back to {@link #failed}).
     */
    public <T> BackgroundTask<T> saving(Callable<T> work) {
        return BackgroundTask.of(work).onStart(() -> busy.set(true)).andFinally(() -> busy.set(false))
                .onFailure(this::failed);
    }

    /** A save or other change: busy while it runs; a failure is shown; {@code onSuccess} gets the result. */
    public <T> void run(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess) {
        saving(work).onSuccess(onSuccess).runOn(executor);
    }

    /** As {@link #run(TaskExecutor, Callable, Consumer)}; {@code alsoOnFailure} runs after the failure is shown. */
    public <T> void run(TaskExecutor executor, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> alsoOnFailure) {
        saving(work).onSuccess(onSuccess).onFailure(failure -> {
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
