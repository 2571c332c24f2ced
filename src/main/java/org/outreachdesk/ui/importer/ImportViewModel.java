package org.outreachdesk.ui.importer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.outreachdesk.app.AppException;
import org.outreachdesk.app.ImportService;
import org.outreachdesk.app.RegisterRejectedException;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportPreviewRow;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.task.TaskExecutor;

/**
 * The import wizard's state: choose a register → it is checked in the background → either every problem
 * (row, column, problem, expected) or the summary and the preview of the first rows → import → result.
 * Reading the file and every database step run on the {@link TaskExecutor}, never on the UI thread.
 */
public final class ImportViewModel {

    /** Where the wizard stands. */
    public enum Step {
        /** No file chosen yet. */
        CHOOSE,
        /** The chosen file is being read and checked. */
        CHECKING,
        /** The register has problems: nothing can be imported. */
        PROBLEMS,
        /** The register is valid: the summary and the Import button are shown. */
        READY,
        /** The import runs. */
        IMPORTING,
        /** Imported. */
        DONE,
        /** The file could not be read, or the import failed; nothing was stored. */
        FAILED
    }

    private final ImportService service;
    private final TaskExecutor executor;
    private final ShellViewModel shell;
    private final Clock clock;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ImportPlan> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportPlan> result = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper allowed;
    private final ObservableList<ImportPreviewRow> preview = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private Path file;

    private Function<AppException, String> describe = AppException::getMessage;

    public ImportViewModel(ImportService service, TaskExecutor executor, ShellViewModel shell, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.shell = shell;
        this.clock = clock;
        this.allowed = new ReadOnlyBooleanWrapper(service.allowed());
    }

    /** The view-model of a session's import section. */
    public static ImportViewModel of(UiContext ctx) {
        ImportViewModel m = new ImportViewModel(new ImportService(ctx.workspace()), ctx.executor(), ctx.shell(),
                ctx.workspace().clock());
        m.describeFailuresWith(ctx.messages()::of);
        return m;
    }

    /** How a service's failure is put in words (default: its English message; the app: the user's language). */
    public void describeFailuresWith(Function<AppException, String> describe) {
        this.describe = describe;
    }

    /** Whether the signed-in role may import (the service refuses otherwise). */
    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** The plan of the checked file (counts, preview, problems). */
    public ReadOnlyObjectProperty<ImportPlan> planProperty() {
        return plan;
    }

    /** What the import did. */
    public ReadOnlyObjectProperty<ImportPlan> resultProperty() {
        return result;
    }

    /**
     * Why the file could not be read or imported, in words safe to show (never record content); null when
     * the failure was unexpected (the view then says so in general terms).
     */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ObservableList<ImportPreviewRow> preview() {
        return preview;
    }

    public ObservableList<ImportProblem> problems() {
        return problems;
    }

    /** Whether the wizard is waiting for background work. */
    public boolean isBusy() {
        return step.get() == Step.CHECKING || step.get() == Step.IMPORTING;
    }

    /** Reads and checks {@code chosen} in the background; stores nothing. */
    public void check(Path chosen) {
        if (chosen == null || isBusy()) {
            return;
        }
        file = chosen;
        fileName.set(chosen.getFileName() == null ? "" : chosen.getFileName().toString());
        clear();
        step.set(Step.CHECKING);
        executor.submit(() -> service.dryRun(chosen), this::checked, this::failed);
    }

    /** Imports the checked file (only when it was valid); the file must not have changed since. */
    public void importNow() {
        ImportPlan checked = plan.get();
        if (step.get() != Step.READY || checked == null || !checked.isValid()) {
            return;
        }
        step.set(Step.IMPORTING);
        Path chosen = file;
        executor.submit(() -> service.importFile(chosen, checked.sha256()), done -> {
            result.set(done);
            step.set(Step.DONE);
            shell.saved(clock.instant());
        }, this::failed);
    }

    /** Back to choosing a file. */
    public void startOver() {
        if (isBusy()) {
            return;
        }
        file = null;
        fileName.set("");
        clear();
        step.set(Step.CHOOSE);
    }

    private void clear() {
        plan.set(null);
        result.set(null);
        failure.set(null);
        preview.clear();
        problems.clear();
    }

    private void checked(ImportPlan p) {
        plan.set(p);
        preview.setAll(p.preview());
        problems.setAll(p.problems());
        step.set(p.isValid() ? Step.READY : Step.PROBLEMS);
    }

    private void failed(Throwable e) {
        if (e instanceof RegisterRejectedException rejected) {
            checked(rejected.plan());
            return;
        }
        failure.set(e instanceof AppException a ? describe.apply(a) : null);
        step.set(Step.FAILED);
    }
}
