package org.outreachdesk.ui.importer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.outreachdesk.domain.Coded;
import org.outreachdesk.domain.ImportPlan;
import org.outreachdesk.domain.ImportPreviewRow;
import org.outreachdesk.domain.ImportProblem;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.importer.ImportViewModel.Step;

/**
 * The import wizard: choose a register (.csv or .xlsx) → preview of the first rows as understood → every
 * problem in a table, or the summary and an Import button → the result. Roles without the import permission
 * see a plain refusal instead.
 */
public final class ImportView extends VBox {

    private static final String BOLD = "-fx-font-weight: bold;";
    private static final String ERROR = "-fx-text-fill: #b00020;";

    private final ImportViewModel model;
    private final Messages messages;
    private Function<Window, File> fileChooser = this::showFileChooser;

    public ImportView(ImportViewModel model, Messages messages) {
        super(10);
        this.model = model;
        this.messages = messages;
        setId("import-view");
        setFillWidth(true);
        Label title = new Label(messages.get("import.title"));
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        if (!model.allowedProperty().get()) {
            Wrapped denied = new Wrapped(messages.get("import.denied"));
            denied.setId("import-denied");
            getChildren().add(denied);
            return;
        }
        getChildren().addAll(new Wrapped(messages.get("import.intro")), chooser(), stepLabel(), failureLabel(),
                problemsBox(), summaryBox(), resultBox(), previewBox());
    }

    /** Replaces the file dialog (tests; a headless run has no native dialog). */
    public void setFileChooser(Function<Window, File> chooser) {
        this.fileChooser = chooser;
    }

    private File showFileChooser(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("import.chooser.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("import.chooser.filter"),
                "*.csv", "*.xlsx", "*.CSV", "*.XLSX"));
        return fc.showOpenDialog(owner);
    }

    private Node chooser() {
        Button choose = new Button(messages.get("import.choose"));
        choose.setId("import-choose");
        choose.disableProperty().bind(busy());
        choose.setOnAction(e -> {
            File f = fileChooser.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                Path p = f.toPath();
                model.check(p);
            }
        });
        Label file = new Label();
        file.setId("import-file");
        file.textProperty().bind(Bindings.createStringBinding(() -> model.fileNameProperty().get().isEmpty()
                ? messages.get("import.file.none") : messages.get("import.file", model.fileNameProperty().get()),
                model.fileNameProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("import-busy");
        spinner.setPrefSize(22, 22);
        Label busyText = new Label();
        busyText.textProperty().bind(Bindings.createStringBinding(() -> model.stepProperty().get() == Step.IMPORTING
                ? messages.get("import.importing") : messages.get("import.checking"), model.stepProperty()));
        HBox busyBox = new HBox(6, spinner, busyText);
        busyBox.setAlignment(Pos.CENTER_LEFT);
        show(busyBox, busy());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(12, choose, file, gap, busyBox);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A wrapping text with an inline style (bold, or the error colour). */
    private static Wrapped styled(String style) {
        Wrapped w = new Wrapped();
        w.setStyle(style);
        return w;
    }

    private Node stepLabel() {
        Wrapped step = styled(BOLD);
        step.setId("import-step");
        step.sourceProperty().bind(Bindings.createStringBinding(() -> switch (model.stepProperty().get()) {
            case CHOOSE, CHECKING, FAILED -> messages.get("import.step.choose");
            case PROBLEMS -> messages.get("import.step.problems");
            case READY, IMPORTING -> messages.get("import.step.ready");
            case DONE -> messages.get("import.step.done");
        }, model.stepProperty()));
        return step;
    }

    private Node failureLabel() {
        Wrapped failure = styled(ERROR);
        failure.setId("import-error");
        failure.sourceProperty().bind(Bindings.createStringBinding(() -> model.failureProperty().get() == null
                ? messages.get("import.failed.unexpected") : messages.get("import.failed", model.failureProperty().get()),
                model.failureProperty()));
        show(failure, at(Step.FAILED));
        return failure;
    }

    private Node problemsBox() {
        Wrapped count = styled(ERROR);
        count.setId("import-problem-count");
        count.sourceProperty().bind(Bindings.createStringBinding(() -> {
            ImportPlan p = model.planProperty().get();
            if (p == null || p.isValid()) {
                return "";
            }
            String text = messages.get("import.problems.count", p.problemCount(), p.rowsWithProblems());
            return p.problems().size() < p.problemCount()
                    ? text + " " + messages.get("import.problems.more", p.problems().size()) : text;
        }, model.planProperty()));
        TableView<ImportProblem> table = new TableView<>(model.problems());
        Controls.headersReadable(table);
        table.setId("import-problems");
        table.getColumns().add(column(messages.get("import.col.row"), ImportProblem::row, 60));
        table.getColumns().add(column(messages.get("import.col.column"), this::columnText, 150));
        table.getColumns().add(wrapping(column(messages.get("import.col.problem"),
                p -> messages.text(p.what(), p.problem()), 420)));
        table.getColumns().add(wrapping(column(messages.get("import.col.expected"),
                p -> messages.text(p.expects(), p.expected()), 480)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, count, table);
        VBox.setVgrow(box, Priority.ALWAYS);
        show(box, at(Step.PROBLEMS));
        return box;
    }

    /** A register column's header as the file spells it; "file" and "column C" in the user's language. */
    private String columnText(ImportProblem p) {
        if (p.column().equals("file")) {
            return messages.get("import.col.file");
        }
        return p.column().startsWith("column ") ? messages.get("import.col.letter", p.column().substring(7))
                : p.column();
    }

    private Node summaryBox() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        grid.add(summaryLine("import-sum-rows", p -> messages.get("import.summary.rows", p.rows())
                + (p.blankRows() == 0 ? "" : " " + messages.get("import.summary.blank", p.blankRows()))), 0, 0);
        grid.add(summaryLine("import-sum-contacts",
                p -> messages.get("import.summary.contacts", p.contactsNew(), p.contactsMatched())), 0, 1);
        grid.add(summaryLine("import-sum-encounters",
                p -> messages.get("import.summary.encounters", p.encountersNew(), p.encountersPresent())), 0, 2);
        grid.add(summaryLine("import-sum-referrals", p -> messages.get("import.summary.referrals", p.referralsNew())), 1, 0);
        grid.add(summaryLine("import-sum-sites", p -> messages.get("import.summary.sites", codes(p.sitesNew()))), 1, 1);
        grid.add(summaryLine("import-sum-staff", p -> messages.get("import.summary.staff", codes(p.staffNew()))), 1, 2);
        Button run = new Button(messages.get("import.run"));
        run.setId("import-run");
        run.setOnAction(e -> model.importNow());
        run.disableProperty().bind(model.stepProperty().isNotEqualTo(Step.READY));
        run.defaultButtonProperty().bind(at(Step.READY));
        Wrapped note = new Wrapped(messages.get("import.run.note"));
        VBox action = new VBox(6, run, note);
        action.setMaxWidth(360);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(16, grid, gap, action);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("import-summary");
        box.setStyle("-fx-background-color: #eef4f7; -fx-background-radius: 4;");
        box.setId("import-summary");
        show(box, at(Step.READY).or(at(Step.IMPORTING)));
        return box;
    }

    private Label summaryLine(String id, Function<ImportPlan, String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> model.planProperty().get() == null ? ""
                : text.apply(model.planProperty().get()), model.planProperty()));
        return l;
    }

    private String codes(List<String> codes) {
        if (codes.isEmpty()) {
            return messages.get("import.summary.none");
        }
        int shown = Math.min(codes.size(), 12);
        return codes.size() + " (" + String.join(", ", codes.subList(0, shown)) + (codes.size() > shown ? ", …" : "")
                + ")";
    }

    private Node resultBox() {
        Wrapped result = styled(BOLD);
        result.setId("import-result");
        result.sourceProperty().bind(Bindings.createStringBinding(() -> {
            ImportPlan done = model.resultProperty().get();
            if (done == null) {
                return "";
            }
            if (done.encountersNew() == 0 && done.contactsNew() == 0) {
                return messages.get("import.result.nothing", done.encountersPresent());
            }
            return messages.get("import.result", done.encountersNew(), done.contactsNew(), done.referralsNew(),
                    done.encountersPresent());
        }, model.resultProperty()));
        Button again = new Button(messages.get("import.again"));
        again.setId("import-again");
        again.setOnAction(e -> model.startOver());
        VBox box = new VBox(8, result, again);
        show(box, at(Step.DONE));
        return box;
    }

    private Node previewBox() {
        Label heading = new Label(messages.get("import.preview.title"));
        heading.setStyle("-fx-font-weight: bold;");
        TableView<ImportPreviewRow> table = new TableView<>(model.preview());
        Controls.headersReadable(table);
        table.setId("import-preview");
        table.getColumns().add(column(messages.get("import.col.row"), ImportPreviewRow::row, 50));
        table.getColumns().add(column(messages.get("import.preview.date"), r -> Dates.format(r.date()), 95));
        table.getColumns().add(column("UIC", r -> r.uic().value(), 110));
        table.getColumns().add(column(messages.get("import.preview.worker"), ImportPreviewRow::worker, 80));
        table.getColumns().add(column(messages.get("import.preview.site"), ImportPreviewRow::site, 80));
        table.getColumns().add(column(messages.get("import.preview.gender"), r -> r.gender().code(), 60));
        table.getColumns().add(column(messages.get("import.preview.birthYear"),
                r -> r.birthYear() == null ? "—" : r.birthYear().toString(), 80));
        table.getColumns().add(column(messages.get("import.preview.kp"), r -> r.kpType().code(), 70));
        table.getColumns().add(column(messages.get("import.preview.maleCondoms"), r -> r.quantities().maleCondoms(), 118));
        table.getColumns().add(column(messages.get("import.preview.femaleCondoms"), r -> r.quantities().femaleCondoms(), 128));
        table.getColumns().add(column(messages.get("import.preview.lubricants"), r -> r.quantities().lubricants(), 85));
        table.getColumns().add(column(messages.get("import.preview.selfTests"), r -> r.quantities().hivSelfTests(), 80));
        table.getColumns().add(column(messages.get("import.preview.hiv"),
                r -> r.hivStatus() == null ? "—" : r.hivStatus().code(), 110));
        table.getColumns().add(column(messages.get("import.preview.referrals"), r -> r.referrals().isEmpty() ? "—"
                : r.referrals().stream().sorted().map(Coded::code).collect(Collectors.joining(";")), 110));
        table.getColumns().add(column(messages.get("import.preview.notes"),
                r -> r.hasNotes() ? messages.get("import.yes") : "—", 60));
        table.getColumns().add(column(messages.get("import.preview.contact"),
                r -> messages.get(r.newContact() ? "import.new" : "import.matched"), 90));
        table.getColumns().add(column(messages.get("import.preview.encounter"),
                r -> messages.get(r.newEncounter() ? "import.new" : "import.present"), 120));
        table.setPlaceholder(new Label(messages.get("import.preview.empty")));
        table.setPrefHeight(240);
        table.setMinHeight(140);
        VBox box = new VBox(6, heading, table);
        VBox.setVgrow(box, Priority.SOMETIMES);
        VBox.setVgrow(table, Priority.ALWAYS);
        show(box, at(Step.READY).or(at(Step.IMPORTING)).or(at(Step.PROBLEMS).and(Bindings.isNotEmpty(model.preview()))));
        return box;
    }

    private static <T> TableColumn<T, Object> column(String title, Function<T, Object> value, double width) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Long texts wrap inside their cell (the row grows) instead of being cut off. */
    private static <T> TableColumn<T, Object> wrapping(TableColumn<T, Object> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                setGraphic(null);
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    text.setText(item.toString());
                    setGraphic(text);
                }
            }
        });
        return column;
    }

    private BooleanBinding at(Step s) {
        return model.stepProperty().isEqualTo(s);
    }

    private BooleanBinding busy() {
        return at(Step.CHECKING).or(at(Step.IMPORTING));
    }

    private static void show(Node node, BooleanBinding when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }
}
