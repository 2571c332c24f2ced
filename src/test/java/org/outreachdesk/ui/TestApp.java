package org.outreachdesk.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.UnlockThrottle;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real desktop app on a vault in a test folder, with the cheapest accepted key derivation, for TestFX
 * tests: start it in {@code @Start}, {@link #stop} it after each test.
 */
public final class TestApp {

    private final OutreachDeskApp app;
    private final Path folder;

    private TestApp(OutreachDeskApp app, Path folder) {
        this.app = app;
        this.folder = folder;
    }

    /** Starts the app on {@code stage} (call from {@code @Start}, on the JavaFX thread). */
    public static TestApp start(Stage stage, Path folder, Duration idleOverride) {
        return start(stage, folder, idleOverride, new UnlockThrottle());
    }

    public static TestApp start(Stage stage, Path folder, Duration idleOverride, UnlockThrottle throttle) {
        Locale.setDefault(Locale.ENGLISH);
        OutreachDeskApp app = new OutreachDeskApp(TestWorkspaces.vaults(), folder, idleOverride, throttle);
        app.start(stage);
        return new TestApp(app, folder);
    }

    public OutreachDeskApp app() {
        return app;
    }

    public Path folder() {
        return folder;
    }

    /** Locks whatever is open and waits for the background work, as closing the window does. */
    public void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    /** Waits until a node matching {@code query} is showing. */
    public static void waitFor(FxRobot robot, String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false), query);
    }

    /** The audit actions of the vault in {@code folder}, oldest first (unlocks it as "admin"). */
    public static java.util.List<org.outreachdesk.domain.AuditAction> auditActions(Path folder) {
        java.util.List<org.outreachdesk.domain.AuditAction> out = new java.util.ArrayList<>();
        try (org.outreachdesk.app.Workspace ws = TestWorkspaces.vaults().unlock(folder, "admin",
                TestWorkspaces.PASSWORD.toCharArray())) {
            ws.read(org.outreachdesk.app.Permission.ADMINISTER, tx -> {
                tx.audit().forEachInOrder(e -> out.add(e.action()));
                return null;
            });
        }
        return out;
    }

    /** SHA-256 of every file under {@code folder}, by relative path. */
    public static java.util.Map<String, String> fileHashes(Path folder) throws java.io.IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(folder)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                try {
                    byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(f));
                    out.put(folder.relativize(f).toString(), java.util.HexFormat.of().formatHex(d));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** Waits until no node matches {@code query}. */
    public static void waitGone(FxRobot robot, String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().isEmpty(), "gone: " + query);
    }

    public static void waitUntil(java.util.concurrent.Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types a user name and password into the unlock screen, key by key, and presses Enter. */
    public static void typeUnlock(FxRobot robot, String user, String password) {
        waitFor(robot, "#unlock-user");
        robot.clickOn("#unlock-user").write(user);
        robot.clickOn("#unlock-password").write(password).type(KeyCode.ENTER);
    }

    /** Fills a text or password field at once (typing key by key is slow on a busy machine). */
    public static void fill(FxRobot robot, String query, String text) {
        javafx.scene.control.TextInputControl field = robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
            field.end();
        });
    }

    /** Fills the unlock screen and presses Enter in the password field. */
    public static void fillUnlock(FxRobot robot, String user, String password) {
        waitFor(robot, "#unlock-user");
        fill(robot, "#unlock-user", user);
        fill(robot, "#unlock-password", password);
        robot.type(KeyCode.ENTER);
    }

    /** Unlocks and waits for the main window. */
    public static void unlock(FxRobot robot, String user, String password) {
        fillUnlock(robot, user, password);
        waitFor(robot, "#nav-encounters");
    }
}
