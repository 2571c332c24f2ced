package org.outreachdesk.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of background work with what follows it, in the manner of JabRef's {@code BackgroundTask} and
 * Cryptomator's {@code Tasks}: {@code BackgroundTask.of(work).onSuccess(…).onFailure(…).andFinally(…)
 * .runOn(executor)}. It runs on the one {@link TaskExecutor} (so a same-thread executor in tests runs it at
 * once). What {@link #andFinally} gives runs first on the UI thread, before the success or failure step, so
 * that a step which starts the next task (and sets its busy flag) is not undone by it.
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Runnable before = () -> { };
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<? super Throwable> onFailure = t -> { };
    private Runnable andFinally = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Runs on the calling (UI) thread just before the work is handed over, e.g. setting a busy flag. */
    public BackgroundTask<T> onStart(Runnable r) {
        this.before = r;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> c) {
        this.onSuccess = c;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> c) {
        this.onFailure = c;
        return this;
    }

    /** Runs on the UI thread when the work has ended either way, before the success or failure step. */
    public BackgroundTask<T> andFinally(Runnable r) {
        this.andFinally = r;
        return this;
    }

    public void runOn(TaskExecutor executor) {
        before.run();
        executor.submit(work, result -> {
            andFinally.run();
            onSuccess.accept(result);
        }, failure -> {
            andFinally.run();
            onFailure.accept(failure);
        });
    }
}
