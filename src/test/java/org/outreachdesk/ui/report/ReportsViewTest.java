package org.outreachdesk.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ReportFixture;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.PeriodKind;
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

/** The Reports view driven like a manager does: pick October, preview, save (also with a password). */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    /** Every test's vault lives in a folder of its own under this one, which JUnit deletes. */
    @TempDir
    static Path root;

    private Path dir;
    private Workspace ws;
    private ShellViewModel shell;
    private Path chosen;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(root, "reports-view");
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        ReportFixture.insert(ws);
        shell = new ShellViewModel();
        Messages messages = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(ws, new ImmediateTaskExecutor(), messages, shell);
        ReportsView view = new ReportsView(new ReportsViewModel(ctx), messages,
                (window, suggested) -> chosen == null ? null : chosen.toFile());
        Scene scene = new Scene(view, 1180, 700);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    private void october(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Integer> month = robot.lookup("#report-month").queryAs(ComboBox.class);
        robot.interact(() -> month.setValue(10));
    }

    @Test
    void customDatesAreOfferedForInternalReportsOnly(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Object> kind = robot.lookup("#report-period-kind").queryAs(ComboBox.class);
        assertThat(kind.getItems()).extracting(Object::toString).doesNotContain("CUSTOM");
        robot.clickOn("#report-audience-internal");
        assertThat(kind.getItems()).extracting(Object::toString).contains("CUSTOM");
        robot.interact(() -> kind.setValue(kind.getItems().get(kind.getItems().size() - 1)));
        assertThat(kind.getValue()).hasToString("CUSTOM");
        // back to donor: custom dates go, the month comes back
        robot.clickOn("#report-audience-donor");
        assertThat(kind.getItems()).extracting(Object::toString).doesNotContain("CUSTOM");
        assertThat(kind.getValue()).hasToString("MONTH");
    }

    @Test
    void previewShowsTheKeyFiguresForTheChosenAudience(FxRobot robot) {
        october(robot);
        robot.clickOn("#report-preview");
        TableView<?> figures = robot.lookup("#report-figures").queryAs(TableView.class);
        assertThat(figures.getItems()).hasSize(12);
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getText()).contains("hidden (<5 or x)");
        assertThat(robot.lookup("#report-period-shown").queryAs(Label.class).getText()).contains("October 2026");
        robot.clickOn("#report-audience-internal");
        robot.clickOn("#report-preview");
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getText()).contains("CONFIDENTIAL");
        assertThat(robot.lookup("#report-figures").queryAs(TableView.class).getItems()).hasSize(12);
    }

    @Test
    void savingWritesTheWorkbookWhereTheUserChose(FxRobot robot) throws Exception {
        october(robot);
        chosen = dir.resolve("october-donor.xlsx");
        robot.clickOn("#report-save");
        assertThat(chosen).exists();
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getText()).startsWith("Saved");
        assertThat(shell.lastSaveProperty().get()).isNotNull();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(chosen))) {
            assertThat(wb.getSheet("Summary").getTables().get(0).getName()).isEqualTo("Summary");
            assertThat(wb.getSheet("About").getRow(2).getCell(0).getStringCellValue()).contains("October 2026")
                    .contains("donor report");
        }
    }

    @Test
    void aPasswordProtectedWorkbookNeedsTheSamePasswordTwice(FxRobot robot) throws Exception {
        october(robot);
        chosen = dir.resolve("sealed.xlsx");
        robot.clickOn("#report-encrypt");
        robot.clickOn("#report-password").write("mail to donor");
        robot.clickOn("#report-password-repeat").write("mail to dnoor");
        robot.clickOn("#report-save");
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getText()).isEqualTo("The two passwords differ.");
        assertThat(chosen).doesNotExist();
        robot.doubleClickOn("#report-password-repeat").eraseText(13).write("mail to donor");
        robot.clickOn("#report-save");
        assertThat(chosen).exists();
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getText()).contains("password-protected");
        try (POIFSFileSystem fs = new POIFSFileSystem(chosen.toFile(), true)) {
            assertThat(Decryptor.getInstance(new EncryptionInfo(fs)).verifyPassword("mail to donor")).isTrue();
        }
    }

    @Test
    void choosingAQuarterShowsTheQuarterInsteadOfTheMonth(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<PeriodKind> kind = robot.lookup("#report-period-kind").queryAs(ComboBox.class);
        assertThat(robot.lookup("#report-month").query().getParent().isVisible()).isTrue();
        robot.interact(() -> kind.setValue(PeriodKind.QUARTER));
        assertThat(robot.lookup("#report-month").query().getParent().isVisible()).isFalse();
        assertThat(robot.lookup("#report-quarter").query().getParent().isVisible()).isTrue();
        robot.interact(() -> kind.setValue(PeriodKind.CUSTOM));
        assertThat(robot.lookup("#report-from").query().getParent().isVisible()).isTrue();
        assertThat(robot.lookup("#report-year").query().getParent().isVisible()).isFalse();
    }
}
