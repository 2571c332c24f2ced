package org.outreachdesk.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A coordinator is offered the donor report only. */
@ExtendWith(ApplicationExtension.class)
class ReportsViewRolesTest {

    /** Every test's vault lives in a folder of its own under this one, which JUnit deletes. */
    @TempDir
    static Path root;

    private Workspace ws;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(root, "reports-roles");
        ws = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("vault"));
        Messages messages = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(ws, new ImmediateTaskExecutor(), messages, new ShellViewModel());
        stage.setScene(new Scene(new ReportsView(new ReportsViewModel(ctx), messages), 1000, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void theInternalReportIsNotOfferedToACoordinator(FxRobot robot) {
        assertThat(robot.lookup("#report-audience-donor").tryQuery()).isPresent();
        assertThat(robot.lookup("#report-audience-internal").tryQuery()).isEmpty();
        // nor the national export (exact figures)
        assertThat(robot.lookup("#report-national").tryQuery()).isEmpty();
        assertThat(robot.lookup("#report-national-export").tryQuery()).isEmpty();
    }
}
