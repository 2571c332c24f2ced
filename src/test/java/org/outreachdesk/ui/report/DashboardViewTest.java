package org.outreachdesk.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ReportFixture;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dashboard of a coordinator on the hand-built data (today is 2026-10-20). */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    /** Every test's vault lives in a folder of its own under this one, which JUnit deletes. */
    @TempDir
    static Path root;

    private Workspace ws;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(root, "dashboard-view");
        ws = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("vault"));
        ReportFixture.insert(ws);
        Messages messages = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(ws, new ImmediateTaskExecutor(), messages, new ShellViewModel());
        Scene scene = new Scene(new DashboardView(new DashboardViewModel(ctx), messages), 1180, 700);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsThisMonthsFiguresAndCharts(FxRobot robot) {
        assertThat(text(robot, "#dashboard-month")).isEqualTo("This month: October 2026");
        assertThat(text(robot, "#dashboard-reached")).isEqualTo("6");
        assertThat(text(robot, "#dashboard-new")).isEqualTo("4");
        assertThat(text(robot, "#dashboard-encounters")).isEqualTo("8");
        assertThat(text(robot, "#dashboard-overdue")).isEqualTo("1");
        assertThat(text(robot, "#dashboard-low-stock")).isEqualTo("1");
        LineChart<?, ?> trend = robot.lookup("#dashboard-trend").queryAs(LineChart.class);
        assertThat(trend.getData().get(0).getData()).hasSize(12);
        BarChart<?, ?> kp = robot.lookup("#dashboard-kp-prev").queryAs(BarChart.class);
        assertThat(kp.getData().get(0).getData()).hasSize(4);
        assertThat(robot.lookup("#dashboard-coverage").queryAs(TableView.class).getItems()).hasSize(4);
        assertThat(robot.lookup("#dashboard-overdue-table").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#dashboard-stock").queryAs(TableView.class).getItems()).hasSize(4);
    }

    @Test
    void refreshWorksTheFiguresOutAgain(FxRobot robot) {
        robot.clickOn("#dashboard-refresh");
        assertThat(text(robot, "#dashboard-reached")).isEqualTo("6");
        assertThat(text(robot, "#dashboard-error")).isEmpty();
    }
}
