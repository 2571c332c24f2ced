package org.outreachdesk.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.Permission;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.importer.TestRegisters;
import org.outreachdesk.ui.importer.ImportViewModel.Step;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;

/** The wizard's steps, without a stage. */
class ImportViewModelTest {

    @TempDir
    Path dir;

    private Workspace ws;
    private final ShellViewModel shell = new ShellViewModel();

    @AfterEach
    void lock() {
        if (ws != null && ws.isOpen()) {
            ws.close();
        }
    }

    private ImportViewModel model() {
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        return new ImportViewModel(new ImportService(ws), new ImmediateTaskExecutor(), shell, ws.clock());
    }

    private long encounters() {
        return ws.read(Permission.RECORDS, tx -> tx.encounters().count());
    }

    @Test
    void aGoodFileGoesFromCheckToReadyToDone() throws IOException {
        ImportViewModel m = model();
        assertThat(m.stepProperty().get()).isEqualTo(Step.CHOOSE);
        m.check(TestRegisters.goodCsv(dir));
        assertThat(m.stepProperty().get()).isEqualTo(Step.READY);
        assertThat(m.fileNameProperty().get()).isEqualTo("register.csv");
        assertThat(m.preview()).hasSize(4);
        assertThat(m.problems()).isEmpty();
        assertThat(encounters()).isZero();
        m.importNow();
        assertThat(m.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(m.resultProperty().get().encountersNew()).isEqualTo(3);
        assertThat(encounters()).isEqualTo(3);
        assertThat(shell.lastSaveProperty().get()).isEqualTo(ws.clock().instant());
        m.startOver();
        assertThat(m.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(m.preview()).isEmpty();
    }

    @Test
    void aBadFileStopsAtItsProblemsAndImportDoesNothing() throws IOException {
        ImportViewModel m = model();
        m.check(TestRegisters.csv(dir, "bad.csv", List.of("date,uic,worker,site,gender,kp_type",
                "2026-02-31,SOCH2150398,OW1,S1,F,FEW"), "\n", false));
        assertThat(m.stepProperty().get()).isEqualTo(Step.PROBLEMS);
        assertThat(m.problems()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(2));
        m.importNow();
        assertThat(m.stepProperty().get()).isEqualTo(Step.PROBLEMS);
        assertThat(encounters()).isZero();
    }

    @Test
    void aFileEditedBetweenCheckAndImportIsRefused() throws IOException {
        ImportViewModel m = model();
        Path file = TestRegisters.goodCsv(dir);
        m.check(file);
        Files.writeString(file, "\n2026-10-06,MEPI1220702,OW09,S9,M,,MSM,,,,,,,", StandardOpenOption.APPEND);
        m.importNow();
        assertThat(m.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(m.failureProperty().get()).contains("changed after it was checked");
        assertThat(encounters()).isZero();
    }

    @Test
    void aFileThatCannotBeReadFailsWithAReason() {
        ImportViewModel m = model();
        m.check(dir.resolve("missing.xlsx"));
        assertThat(m.stepProperty().get()).isEqualTo(Step.FAILED);
        assertThat(m.failureProperty().get()).isEqualTo("the file does not exist");
    }
}
