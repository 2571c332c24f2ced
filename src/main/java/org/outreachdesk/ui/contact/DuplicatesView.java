package org.outreachdesk.ui.contact;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.MergeService.PossibleDuplicate;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;

/**
 * "Possible duplicates": pairs of contacts whose UICs are one edit apart with the same birth date (or differ only in
 * the sex digit), each with both contacts side by side; merge keeping the first or the second UIC, or keep them
 * apart. Read again each time the section is shown.
 */
public final class DuplicatesView extends VBox {

    private final DuplicatesViewModel vm;

    public DuplicatesView(UiContext ctx) {
        this(new DuplicatesViewModel(ctx));
    }

    public DuplicatesView(DuplicatesViewModel vm) {
        super(8);
        this.vm = vm;
        Labels l = vm.labels();
        setId("duplicates-view");
        getStylesheets().add(Forms.stylesheet());
        Label title = new Label(l.get("duplicates.title"));
        title.getStyleClass().add("section-title");
        Wrapped hint = new Wrapped(l.get("duplicates.hint"));
        if (!vm.allowed()) {
            getChildren().addAll(title, new Wrapped(l.get("duplicates.notAllowed")));
            return;
        }
        TableView<PossibleDuplicate> table = new TableView<>(vm.pairs());
        table.setId("duplicates-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(l.get("duplicates.col.first"), p -> UicBuilderWindow.describe(p.a(), l), 330));
        table.getColumns().add(column(l.get("duplicates.col.second"), p -> UicBuilderWindow.describe(p.b(), l), 330));
        table.getColumns().add(column(l.get("duplicates.col.why"), p -> l.get("duplicates.why." + p.why().name()), 160));
        table.setPlaceholder(new Label(l.get("duplicates.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button keepFirst = new Button(l.get("duplicates.keepFirst"));
        keepFirst.setId("duplicates-keep-first");
        keepFirst.setOnAction(e -> vm.merge(true));
        Button keepSecond = new Button(l.get("duplicates.keepSecond"));
        keepSecond.setId("duplicates-keep-second");
        keepSecond.setOnAction(e -> vm.merge(false));
        Button apart = new Button(l.get("duplicates.apart"));
        apart.setId("duplicates-apart");
        apart.setOnAction(e -> vm.keepApart());
        for (Button b : new Button[] {keepFirst, keepSecond, apart}) {
            b.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        }
        FlowPane actions = new FlowPane(10, 6, keepFirst, keepSecond, apart);
        actions.setAlignment(Pos.CENTER_LEFT);
        Wrapped message = new Wrapped();
        message.setId("duplicates-message");
        message.getStyleClass().add("form-message");
        message.sourceProperty().bind(vm.messageProperty());
        getChildren().addAll(title, hint, table, actions, message);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null && was == null) {
                vm.load();
            }
        });
    }

    private static TableColumn<PossibleDuplicate, String> column(String title, Function<PossibleDuplicate, String> value,
                                                                double width) {
        TableColumn<PossibleDuplicate, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    public DuplicatesViewModel viewModel() {
        return vm;
    }
}
