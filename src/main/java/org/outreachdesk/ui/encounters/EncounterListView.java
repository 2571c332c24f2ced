package org.outreachdesk.ui.encounters;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.EncounterCorrectionService.Listed;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.CorrectionFx;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;

/**
 * The Encounters list: filters (dates, site, worker) over a paged table, newest first; voided encounters struck
 * through with their reason. "Correct…" (or Enter, or a double click) opens the encounter in the correction window;
 * "Void…" and "History" act on the selected row.
 */
public final class EncounterListView extends VBox {

    private final EncounterListViewModel vm;
    private final UiContext ctx;
    private final Messages m;
    private final Labels l;
    private final TableView<Listed> table = new TableView<>();

    public EncounterListView(UiContext ctx) {
        this(ctx, new EncounterListViewModel(ctx));
    }

    public EncounterListView(UiContext ctx, EncounterListViewModel vm) {
        super(8);
        this.ctx = ctx;
        this.vm = vm;
        this.m = ctx.messages();
        this.l = new Labels(m);
        setId("encounter-list");
        getStylesheets().add(Controls.STYLESHEET);
        Label message = Controls.messageLine("encounters-message");
        vm.status().messageProperty().addListener((o, a, now) ->
                Controls.showMessage(message, now, vm.status().errorProperty().get()));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(Controls.title(m.get("encounters.title")), filters(), message, head(), table(),
                Controls.pager("encounters", vm.paging(), m));
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                vm.load();
            }
        });
    }

    private Node filters() {
        DatePicker from = Dates.picker("encounters-from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setPrefWidth(140);
        DatePicker to = Dates.picker("encounters-to");
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setPrefWidth(140);
        ComboBox<Site> site = Controls.combo("encounters-site", s -> s.code() + " – " + s.name(),
                m.get("encounters.any"));
        site.setItems(vm.sites());
        site.valueProperty().bindBidirectional(vm.siteProperty());
        site.setPrefWidth(210);
        ComboBox<Staff> worker = Controls.combo("encounters-worker", Staff::code, m.get("encounters.any"));
        worker.setItems(vm.staff());
        worker.valueProperty().bindBidirectional(vm.workerProperty());
        worker.setPrefWidth(120);
        Button show = CorrectionFx.button("encounters-show", m.get("encounters.show"));
        show.setDefaultButton(false);
        show.setOnAction(e -> vm.apply());
        FlowPane row = new FlowPane(8, 6, group("encounters.from", from), group("encounters.to", to),
                group("encounters.site", site), group("encounters.worker", worker), show);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox group(String key, Node control) {
        HBox h = new HBox(6, Controls.fieldLabel(m.get(key), control), control);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node head() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label hint = new Label(m.get("encounters.hint"));
        hint.getStyleClass().add("ops-hint");
        hint.setMinWidth(0);
        HBox head = new HBox(8, hint, gap);
        head.getChildren().addAll(CorrectionFx.rowActions("encounters", m, vm.selectedProperty(), vm::mayChange,
                vm.busyProperty(), this::openSelected, this::voidSelected, this::showHistory));
        head.setAlignment(Pos.CENTER_LEFT);
        return head;
    }

    private Node table() {
        table.setItems(vm.rows());
        table.setId("encounters-table");
        table.setPlaceholder(new Label(m.get("encounters.none")));
        table.getColumns().add(Controls.column(m.get("desk.field.date"), 90, r -> Dates.format(r.encounter().date())));
        table.getColumns().add(Controls.column(m.get("desk.field.uic"), 115, Listed::uic));
        table.getColumns().add(Controls.column(m.get("desk.field.site"), 80, Listed::siteCode));
        table.getColumns().add(Controls.column(m.get("desk.field.worker"), 80, Listed::staffCode));
        table.getColumns().add(Controls.column(m.get("desk.session.given"), 190,
                r -> EncounterFields.given(l, r.encounter())));
        table.getColumns().add(Controls.column(m.get("desk.field.hiv"), 170,
                r -> r.encounter().hivStatus() == null ? "—" : l.of(r.encounter().hivStatus())));
        table.getColumns().add(Controls.column(m.get("encounters.col.state"), 200, r -> r.encounter().voided()
                ? m.get("correction.voidedAs", CorrectionFx.reason(m, r.encounter().voidReason())) : "—"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        CorrectionFx.register(table, r -> r.encounter().voided(), vm.selectedProperty());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                openSelected();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        return table;
    }

    private String what(Listed r) {
        return m.get("encounterFix.what", r.uic(), Dates.format(r.encounter().date()));
    }

    /** Opens the selected encounter in the correction window (a voided one read-only, with its history). */
    private void openSelected() {
        Listed r = vm.selectedProperty().get();
        if (r != null) {
            EncounterCorrectionWindow.open(getScene().getWindow(), ctx, r.encounter().id(), vm::changed);
        }
    }

    private void voidSelected() {
        Listed r = vm.selectedProperty().get();
        if (r != null) {
            CorrectionFx.askVoid(this, m, what(r)).ifPresent(vm::voidSelected);
        }
    }

    private void showHistory() {
        Listed r = vm.selectedProperty().get();
        if (r != null) {
            vm.history(changes -> CorrectionFx.showHistory(this, m, what(r), EncounterHistory.values(l,
                    vm.sites(), vm.staff()), changes));
        }
    }
}
