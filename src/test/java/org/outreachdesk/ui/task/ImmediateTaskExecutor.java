package org.outreachdesk.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and its callbacks at once on the calling thread, so a view-model's work has finished when a
 * test's call returns. (In TestFX tests, call the view-model from the FX thread, as the real UI does.)
 */
public final class ImmediateTaskExecutor implements TaskExecutor {

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void close() {
    }
}
