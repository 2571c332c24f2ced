package org.outreachdesk.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.ImportPreviewRow;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.domain.Role;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the import wizard headless: a bad register shows its problems, a good one is imported. */
@ExtendWith(ApplicationExtension.class)
class ImportViewTest {

    /** Every test's vault lives in a folder of its own under this one, which JUnit deletes. */
    @TempDir
    static Path root;

    private Path dir;
    private Workspace ws;
    private ImportView view;
    private ShellViewModel shell;
    private File nextFile;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        dir = Files.createTempDirectory(root, "import-view");
        ws = TestWorkspaces.as(Role.COORDINATOR, dir.resolve("vault"));
        shell = new ShellViewModel();
        ImportViewModel model = new ImportViewModel(new ImportService(ws), new ImmediateTaskExecutor(), shell, ws.clock());
        Messages messages = new Messages(Locale.ENGLISH);
        model.describeFailuresWith(messages::of); // as ImportViewModel.of(ctx) does
        view = new ImportView(model, messages);
        view.setFileChooser(owner -> nextFile);
        Scene scene = new Scene(view, 1180, 700);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (ws != null && ws.isOpen()) {
            ws.close();
        }
    }

    /** Whether a node and every parent of it are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private long encounters() {
        return ws.read(Permission.RECORDS, tx -> tx.encounters().count());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadRegisterListsEveryProblemAndCannotBeImported(FxRobot robot) throws Exception {
        nextFile = TestRegisters.csv(dir, "bad.csv", List.of(TestRegisters.HEADER,
                "2026-10-01,SOCH2150398,OW01,KTV-03,F,1998,FEW,10,2,5,1,tested,HTS;STI,ok",
                "31/02/2026,SOCH2150398,OW01,KTV-03,F,1998,FEW,,,,,,,",
                "2026-10-03,DAKA201019,OW02,BG-01,TGW,1995,TG,-1,,,,,,"), "\r\n", true).toFile();
        robot.clickOn("#import-choose");

        TableView<ImportProblem> problems = robot.lookup("#import-problems").queryAs(TableView.class);
        assertThat(shown(problems)).isTrue();
        assertThat(problems.getItems()).extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(org.assertj.core.api.Assertions.tuple(3, "date"),
                        org.assertj.core.api.Assertions.tuple(4, "uic"),
                        org.assertj.core.api.Assertions.tuple(4, "male_condoms"));
        assertThat(robot.lookup("#import-problem-count").queryAs(Wrapped.class).getSource())
                .startsWith("3 problems in 2 rows");
        assertThat(shown(robot.lookup("#import-summary").query())).isFalse();
        assertThat(robot.lookup("#import-run").queryAs(Button.class).isDisabled()).isTrue();
        // the row that could be understood is previewed
        TableView<ImportPreviewRow> preview = robot.lookup("#import-preview").queryAs(TableView.class);
        assertThat(preview.getItems()).extracting(ImportPreviewRow::row).containsExactly(2);
        assertThat(encounters()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGoodRegisterIsPreviewedSummarisedAndImported(FxRobot robot) throws Exception {
        nextFile = TestRegisters.goodXlsx(dir).toFile();
        robot.clickOn("#import-choose");

        assertThat(robot.lookup("#import-file").queryAs(Label.class).getText()).isEqualTo("File: register.xlsx");
        assertThat(shown(robot.lookup("#import-problems").query())).isFalse();
        assertThat(shown(robot.lookup("#import-summary").query())).isTrue();
        assertThat(robot.lookup("#import-sum-contacts").queryAs(Label.class).getText()).isEqualTo("Contacts: 3 new, 0 matched");
        assertThat(robot.lookup("#import-sum-encounters").queryAs(Label.class).getText())
                .isEqualTo("Encounters: 3 new, 0 already present");
        assertThat(robot.lookup("#import-sum-sites").queryAs(Label.class).getText()).isEqualTo("Sites to create: 2 (BG-01, KTV-03)");
        TableView<ImportPreviewRow> preview = robot.lookup("#import-preview").queryAs(TableView.class);
        assertThat(preview.getItems()).extracting(r -> r.uic().value(), r -> r.date().toString())
                .containsExactly(org.assertj.core.api.Assertions.tuple("SOCH2150398", "2026-10-01"),
                        org.assertj.core.api.Assertions.tuple("DAKA2010195", "2026-10-03"),
                        org.assertj.core.api.Assertions.tuple("MEPI1220702", "2026-10-04"));
        assertThat(encounters()).isZero();

        robot.clickOn("#import-run");
        assertThat(robot.lookup("#import-result").queryAs(Wrapped.class).getSource())
                .startsWith("Imported 3 encounters and 3 new contacts, with 3 pending referrals");
        assertThat(encounters()).isEqualTo(3);
        assertThat(shell.lastSaveProperty().get()).isNotNull();

        // the same file again: nothing new
        robot.clickOn("#import-again");
        robot.clickOn("#import-choose");
        assertThat(robot.lookup("#import-sum-encounters").queryAs(Label.class).getText())
                .isEqualTo("Encounters: 0 new, 3 already present");
        robot.clickOn("#import-run");
        assertThat(robot.lookup("#import-result").queryAs(Wrapped.class).getSource()).startsWith("Nothing new");
        assertThat(encounters()).isEqualTo(3);
    }

    @Test
    void aFileThatIsNoRegisterSaysWhyInWords(FxRobot robot) throws Exception {
        nextFile = Files.writeString(dir.resolve("register.xlsx"), "not a workbook").toFile();
        robot.clickOn("#import-choose");
        Wrapped error = robot.lookup("#import-error").queryAs(Wrapped.class);
        assertThat(shown(error)).isTrue();
        assertThat(error.getSource()).startsWith("The register was not imported: The file cannot be read as an Excel workbook");
    }
}
