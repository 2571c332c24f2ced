package org.outreachdesk.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ReportFixture;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ReportLanguage;
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

/**
 * The workbook language choice of the Reports view, with the interface in Khmer: English by default all the same;
 * Khmer on choosing it, for the saved file.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsLanguageViewTest {

    /** Every test's vault lives in a folder of its own under this one, which JUnit deletes. */
    @TempDir
    static Path root;

    private Path dir;
    private Workspace ws;
    private ReportsViewModel model;
    private Path chosen;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(root, "reports-language");
        ws = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("vault"));
        ReportFixture.insert(ws);
        Messages messages = new Messages(Locale.forLanguageTag("km"));
        UiContext ctx = new UiContext(ws, new ImmediateTaskExecutor(), messages, new ShellViewModel());
        model = new ReportsViewModel(ctx);
        ReportsView view = new ReportsView(model, messages, (window, suggested) -> chosen == null ? null : chosen.toFile());
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

    private static String summaryTitle(Path p) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(p))) {
            assertThat(wb.getSheet("Summary").getTables().get(0).getName()).isEqualTo("Summary");
            return wb.getSheet("Summary").getRow(1).getCell(0).getStringCellValue();
        }
    }

    @Test
    void theWorkbookIsEnglishByDefaultEvenInAKhmerInterfaceAndKhmerOnChoosingIt(FxRobot robot) throws Exception {
        october(robot);
        assertThat(robot.lookup("#report-language-en").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#report-language-km").queryAs(RadioButton.class).getText()).isEqualTo("ខ្មែរ");
        chosen = dir.resolve("english.xlsx");
        robot.clickOn("#report-save");
        assertThat(summaryTitle(chosen)).isEqualTo("Summary of the period");

        robot.clickOn("#report-language-km");
        assertThat(model.languageProperty().get()).isEqualTo(ReportLanguage.KHMER);
        assertThat(model.suggestedFileName()).isEqualTo("outreach-report-2026-10-donor-km.xlsx");
        chosen = dir.resolve("khmer.xlsx");
        robot.clickOn("#report-save");
        assertThat(summaryTitle(chosen)).isEqualTo("សេចក្តីសង្ខេបនៃរយៈពេល");
        // the choice stays while the view lives (for the session): another period, still Khmer
        robot.interact(() -> model.monthProperty().set(9));
        assertThat(model.request().language()).isEqualTo(ReportLanguage.KHMER);
    }
}
