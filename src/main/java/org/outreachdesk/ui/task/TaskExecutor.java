package org.outreachdesk.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (database, disk, crypto, Excel) away from the JavaFX thread and hands the result back on
 * it. The application has exactly one, {@link FxTaskExecutor}; tests use a same-thread executor so that a
 * view-model's work has finished when the call returns.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI thread.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Stops accepting work and lets what is queued finish. */
    @Override
    void close();
}
