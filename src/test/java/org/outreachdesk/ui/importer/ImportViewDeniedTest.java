package org.outreachdesk.ui.importer;

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
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Outreach workers get a plain refusal, and no control that would try. */
@ExtendWith(ApplicationExtension.class)
class ImportViewDeniedTest {

    /** Every test's vault lives in a folder of its own under this one, which JUnit deletes. */
    @TempDir
    static Path root;

    private Workspace ws;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(root, "import-denied");
        ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir.resolve("vault"));
        ImportViewModel model = new ImportViewModel(new ImportService(ws), new ImmediateTaskExecutor(),
                new ShellViewModel(), ws.clock());
        stage.setScene(new Scene(new ImportView(model, new Messages(Locale.ENGLISH)), 800, 400));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void anOutreachWorkerSeesARefusalAndNoChooser(FxRobot robot) {
        assertThat(robot.lookup("#import-denied").queryAs(Wrapped.class).getSource()).contains("cannot import");
        assertThat(robot.lookup("#import-choose").tryQuery()).isEmpty();
    }
}
