package org.outreachdesk.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.ui.TestApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Auto-lock, with an idle time of a few seconds instead of the vault's minutes. */
@ExtendWith(ApplicationExtension.class)
class AutoLockTest {

    private static final Duration IDLE = Duration.ofSeconds(4);

    @TempDir
    static Path root;

    private TestApp app;

    @Start
    void start(Stage stage) {
        Path folder = root.resolve(UUID.randomUUID().toString());
        TestWorkspaces.admin(folder).close();
        app = TestApp.start(stage, folder, IDLE);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        app.stop(robot);
        FxToolkit.cleanupStages();
    }

    @Test
    void useKeepsTheSessionOpenAndIdleTimeLocksIt(FxRobot robot) {
        TestApp.unlock(robot, "admin", TestWorkspaces.PASSWORD);
        // moving the mouse for longer than the idle time keeps it open
        long until = System.nanoTime() + IDLE.plusSeconds(2).toNanos();
        int i = 0;
        while (System.nanoTime() < until) {
            robot.moveTo("#nav-" + (i++ % 2 == 0 ? "contacts" : "reports"));
            robot.sleep(150);
        }
        assertThat(app.app().flow().isUnlocked()).isTrue();
        assertThat(robot.lookup("#nav-encounters").tryQuery()).isPresent();

        // then nothing: it locks by itself
        long idleFrom = System.nanoTime();
        TestApp.waitFor(robot, "#unlock-user");
        assertThat(Duration.ofNanos(System.nanoTime() - idleFrom)).isGreaterThanOrEqualTo(IDLE.minusMillis(500));
        assertThat(robot.lookup("#nav-encounters").tryQuery()).isEmpty();
        assertThat(robot.lookup("#unlock-notice").queryAs(Label.class).getText())
                .startsWith("The vault was locked after").endsWith("minutes without use.");

        app.stop(robot);
        assertThat(TestApp.auditActions(app.folder())).containsSubsequence(AuditAction.LOGIN, AuditAction.LOCK);
    }
}
