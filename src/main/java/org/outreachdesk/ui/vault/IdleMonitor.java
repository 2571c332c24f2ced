package org.outreachdesk.ui.vault;

import java.time.Duration;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Calls back once the window has had no key, mouse, scroll or touch event for the idle time: an event
 * filter on the scene restarts a timer with every input event.
 */
public final class IdleMonitor {

    private final Scene scene;
    private final PauseTransition timer;
    private final EventHandler<InputEvent> activity;
    private boolean running;

    public IdleMonitor(Scene scene, Duration idle, Runnable onIdle) {
        this.scene = scene;
        this.timer = new PauseTransition(fx(idle));
        this.timer.setOnFinished(e -> {
            if (running) {
                stop();
                onIdle.run();
            }
        });
        this.activity = e -> {
            if (running) {
                timer.playFromStart();
            }
        };
    }

    private static javafx.util.Duration fx(Duration d) {
        return javafx.util.Duration.millis(Math.max(1, d.toMillis()));
    }

    public void start() {
        if (!running) {
            running = true;
            scene.addEventFilter(InputEvent.ANY, activity);
            timer.playFromStart();
        }
    }

    /** Changes the idle time; the count starts again. */
    public void setIdle(Duration idle) {
        timer.stop();
        timer.setDuration(fx(idle));
        if (running) {
            timer.playFromStart();
        }
    }

    public javafx.util.Duration idle() {
        return timer.getDuration();
    }

    public void stop() {
        if (running) {
            running = false;
            scene.removeEventFilter(InputEvent.ANY, activity);
        }
        timer.stop();
    }
}
