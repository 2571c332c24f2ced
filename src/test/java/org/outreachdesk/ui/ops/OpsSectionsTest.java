package org.outreachdesk.ui.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.shell.SectionViews;
import org.outreachdesk.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The four coordinators' sections are reached from the main window's navigation. */
@ExtendWith(ApplicationExtension.class)
class OpsSectionsTest {

    @TempDir
    Path dir;

    private Workspace ws;

    @Start
    void start(Stage stage) {
        ws = TestWorkspaces.admin(dir);
        UiContext ctx = OpsUiTests.context(ws);
        Scene scene = new Scene(new ShellView(ctx.shell(), ctx.messages(), s -> SectionViews.create(s, ctx)), 1280, 720);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void referralsIncidentsStockAndDirectoryAreReachable(FxRobot robot) {
        robot.clickOn("#nav-referrals");
        assertThat(OpsUiTests.shown(robot.lookup("#referral-follow-up").query())).isTrue();
        robot.clickOn("#nav-incidents");
        assertThat(OpsUiTests.shown(robot.lookup("#incidents").query())).isTrue();
        robot.clickOn("#nav-stock");
        assertThat(OpsUiTests.shown(robot.lookup("#stock").query())).isTrue();
        robot.clickOn("#nav-directory");
        assertThat(OpsUiTests.shown(robot.lookup("#directory").query())).isTrue();
        robot.clickOn("Sites");
        assertThat(OpsUiTests.shown(robot.lookup("#sites-table").query())).isTrue();
        robot.clickOn("Staff");
        assertThat(OpsUiTests.shown(robot.lookup("#staff-table").query())).isTrue();
    }
}
