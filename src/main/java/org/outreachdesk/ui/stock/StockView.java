package org.outreachdesk.ui.stock;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.StockService;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.LedgerLine;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.CorrectionFx;

/**
 * Commodity stock: stock on hand per commodity (overall or for one team) with a low-stock warning and the
 * thresholds, the receipt/issue form (coordinators), and the ledger, hand-outs from encounters included.
 */
public final class StockView extends BorderPane {

    private final StockViewModel model;
    private final Messages m;
    private final Labels names;
    private final HBox cards = new HBox(10);

    public StockView(UiContext ctx) {
        this(new StockViewModel(ctx), ctx.messages());
    }

    public StockView(StockViewModel model, Messages messages) {
        this.model = model;
        this.m = messages;
        this.names = new Labels(messages);
        setId("stock");
        getStylesheets().add(Controls.STYLESHEET);
        Label message = Controls.messageLine("stock-message");
        model.messageProperty().addListener((o, a, t) -> Controls.showMessage(message, t, model.errorProperty().get()));
        VBox top = new VBox(10, Controls.title(m.get("ops.stock.title")), levelsPane());
        if (model.canEdit()) {
            top.getChildren().add(movementForm());
        }
        top.getChildren().add(message);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);
        setCenter(ledgerPane());
        model.levels().addListener((ListChangeListener<StockService.Level>) c -> buildCards());
        parentProperty().addListener((o, was, now) -> {
            if (now != null && was == null) {
                model.load();
            }
        });
        model.load();
    }

    private VBox levelsPane() {
        ComboBox<String> team = Controls.combo("stock-level-team", s -> s, m.get("ops.stock.allTeams"));
        team.getItems().setAll(Controls.withNone(model.teams()));
        model.teams().addListener((ListChangeListener<String>) c -> {
            String keep = team.getValue();
            team.getItems().setAll(Controls.withNone(model.teams()));
            team.setValue(keep);
        });
        team.setValue(null);
        team.valueProperty().addListener((o, a, t) -> model.levelTeamProperty().set(t));
        Label title = new Label(m.get("ops.stock.onHand"));
        title.getStyleClass().add("ops-form-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, Controls.fieldLabel(m.get("ops.stock.team"), team), team);
        head.setAlignment(Pos.CENTER_LEFT);
        cards.setId("stock-levels");
        HBox row = new HBox(10, cards);
        if (model.canEdit()) {
            Button save = new Button(m.get("ops.stock.saveThresholds"));
            save.setId("stock-save-thresholds");
            save.disableProperty().bind(model.busyProperty());
            save.setOnAction(e -> model.saveThresholds());
            save.setMinWidth(Region.USE_PREF_SIZE);
            VBox side = new VBox(6, save);
            side.setAlignment(Pos.BOTTOM_LEFT);
            row.getChildren().add(side);
        }
        HBox.setHgrow(cards, Priority.ALWAYS);
        buildCards();
        VBox box = new VBox(6, head, row);
        if (model.canEdit()) {
            box.getChildren().add(hint(m.get("ops.stock.thresholdHint")));
        }
        return box;
    }

    private void buildCards() {
        cards.getChildren().clear();
        for (StockService.Level l : model.levels()) {
            String key = l.commodity().name().toLowerCase(Locale.ROOT).replace('_', '-');
            Label name = new Label(names.of(l.commodity()));
            name.getStyleClass().add("ops-form-title");
            Label number = new Label(String.format(m.locale(), "%,d", l.onHand()));
            number.setId("stock-on-hand-" + key);
            number.getStyleClass().add("stock-number");
            Label warning = new Label(m.get("ops.stock.low"));
            warning.setId("stock-low-" + key);
            warning.getStyleClass().add("stock-warning");
            warning.setVisible(l.low());
            warning.setManaged(l.low());
            HBox threshold = new HBox(6);
            threshold.setAlignment(Pos.CENTER_LEFT);
            Label below = new Label(m.get("ops.stock.lowBelow"));
            if (model.canEdit()) {
                TextField field = new TextField();
                field.setId("stock-threshold-" + key);
                field.setPrefColumnCount(6);
                field.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,8}") ? c : null));
                field.textProperty().bindBidirectional(model.thresholdProperty(l.commodity()));
                below.setLabelFor(field);
                threshold.getChildren().addAll(below, field);
            } else {
                threshold.getChildren().addAll(below, new Label(Integer.toString(l.threshold())));
            }
            VBox card = new VBox(4, name, number, warning, threshold);
            card.getStyleClass().add("stock-card");
            if (l.low()) {
                card.getStyleClass().add("low");
            }
            card.setMinWidth(170);
            HBox.setHgrow(card, Priority.ALWAYS);
            card.setMaxWidth(Double.MAX_VALUE);
            cards.getChildren().add(card);
        }
    }

    private HBox movementForm() {
        ComboBox<MovementKind> kind = Controls.combo("stock-kind", k -> names.of(k), null);
        kind.getItems().setAll(StockViewModel.enteredKinds());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<Commodity> commodity = Controls.combo("stock-commodity", c -> names.of(c), null);
        commodity.getItems().setAll(Commodity.values());
        commodity.valueProperty().bindBidirectional(model.commodityProperty());
        TextField quantity = new TextField();
        quantity.setId("stock-quantity");
        quantity.setPrefColumnCount(6);
        quantity.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,7}") ? c : null));
        quantity.textProperty().bindBidirectional(model.quantityProperty());
        DatePicker date = Dates.picker("stock-date");
        date.valueProperty().bindBidirectional(model.dateProperty());
        ComboBox<String> team = new ComboBox<>(model.teams());
        team.setId("stock-team");
        team.setEditable(true);
        team.setPrefWidth(110);
        team.setPromptText(m.get("ops.stock.noTeam"));
        team.getEditor().textProperty().bindBidirectional(model.teamProperty());
        TextField note = new TextField();
        note.setId("stock-note");
        note.setPromptText(m.get("ops.stock.notePrompt"));
        note.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= 200 ? c : null));
        note.textProperty().bindBidirectional(model.noteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button save = new Button(m.get("ops.stock.save"));
        save.setId("stock-save");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.saveMovement());
        quantity.setOnAction(e -> save.fire());
        note.setOnAction(e -> save.fire());
        Label title = new Label(m.get("ops.stock.formTitle"));
        title.getStyleClass().add("ops-form-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(120);
        commodity.setMinWidth(170);
        save.setMinWidth(Region.USE_PREF_SIZE);
        note.setMinWidth(120);
        // the team's name and the quantity stay readable when the row is short of room (Khmer at 1280 px)
        team.setMinWidth(100);
        quantity.setMinWidth(60);
        kind.setAccessibleText(title.getText());
        HBox form = new HBox(8, kind, commodity, Controls.fieldLabel(m.get("ops.stock.quantity"), quantity), quantity,
                Controls.fieldLabel(m.get("ops.stock.date"), date), date, Controls.fieldLabel(m.get("ops.stock.team"), team), team,
                note, save);
        form.setAlignment(Pos.CENTER_LEFT);
        form.getStyleClass().add("ops-form");
        Controls.onShortcut(form, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), save);
        return form;
    }

    private VBox ledgerPane() {
        ComboBox<Commodity> filter = Controls.combo("ledger-commodity", c -> names.of(c),
                m.get("ops.stock.allCommodities"));
        filter.getItems().setAll(Controls.withNone(Arrays.asList(Commodity.values())));
        filter.setValue(null);
        filter.valueProperty().addListener((o, a, c) -> model.ledgerCommodityProperty().set(c));
        Label title = new Label(m.get("ops.stock.ledger"));
        title.getStyleClass().add("ops-form-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap);
        // correct and void stay disabled for those who may not (mayChange), History is for every reader
        head.getChildren().addAll(CorrectionFx.rowActions("ledger", m, model.selectedProperty(), model::mayChange,
                model.busyProperty(), this::correctSelected, this::voidSelected, this::showHistory));
        if (model.canEdit()) {
            Button count = CorrectionFx.button("stock-count", m.get("ops.stock.count"));
            count.disableProperty().bind(model.busyProperty());
            count.setOnAction(e -> countStock());
            head.getChildren().add(count);
        }
        head.getChildren().add(filter);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<LedgerLine> t = new TableView<>(model.ledger());
        Controls.headersReadable(t);
        t.setId("ledger-table");
        t.setPlaceholder(new Label(m.get("ops.stock.ledgerEmpty")));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.date"), 100, l -> Dates.format(l.movement().date())));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.commodity"), 170,
                l -> names.of(l.movement().commodity())));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.kind"), 140, l -> names.of(l.movement().kind())));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.quantity"), 90,
                l -> String.format(m.locale(), "%+,d", l.movement().quantity())));
        t.getColumns().get(t.getColumns().size() - 1).getStyleClass().add("ops-number");
        t.getColumns().add(Controls.column(m.get("ops.stock.col.team"), 110, l -> l.movement().team() == null ? "—" : l.movement().team()));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.note"), 300, this::noteText));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        CorrectionFx.register(t, LedgerLine::voided, model.selectedProperty());
        VBox.setVgrow(t, Priority.ALWAYS);

        return new VBox(6, head, t, Controls.pager("ledger", model.paging(), m));
    }

    /** The note column: a voided line says so, with its reason, before its note. */
    private String noteText(LedgerLine l) {
        String note = l.movement().note() == null ? "" : l.movement().note();
        if (!l.voided()) {
            return note;
        }
        String voided = m.get("correction.voidedAs", CorrectionFx.reason(m, l.voidReason()));
        return note.isEmpty() ? voided : voided + " · " + note;
    }

    private void correctSelected() {
        LedgerLine l = model.selectedProperty().get();
        if (!model.mayChange(l)) {
            return;
        }
        CommodityMovement mv = l.movement();
        StockService.MovementCorrection now = StockService.MovementCorrection.of(mv);
        DatePicker date = Dates.picker("correct-date");
        date.setValue(now.date());
        ComboBox<Commodity> commodity = Controls.combo("correct-commodity", c -> names.of(c), null);
        commodity.getItems().setAll(Commodity.values());
        commodity.setValue(now.commodity());
        TextField quantity = new TextField(Integer.toString(now.quantity()));
        quantity.setId("correct-quantity");
        ComboBox<String> team = new ComboBox<>(model.teams());
        team.setId("correct-team");
        team.setEditable(true);
        team.setValue(now.team());
        TextField note = new TextField(now.note() == null ? "" : now.note());
        note.setId("correct-note");
        note.setPrefColumnCount(28);
        GridPane g = new GridPane();
        g.addRow(0, Controls.fieldLabel(m.get("ops.stock.col.kind"), quantity),
                new Label(names.of(mv.kind())));
        g.addRow(1, Controls.fieldLabel(m.get("ops.stock.date"), date), date);
        g.addRow(2, Controls.fieldLabel(m.get("ops.stock.col.commodity"), commodity), commodity);
        g.addRow(3, Controls.fieldLabel(m.get(mv.kind() == MovementKind.ADJUSTMENT ? "ops.stock.adjustmentQuantity"
                : "ops.stock.quantity"), quantity), quantity);
        g.addRow(4, Controls.fieldLabel(m.get("ops.stock.team"), team), team);
        g.addRow(5, Controls.fieldLabel(m.get("ops.stock.col.note"), note), note);
        CorrectionFx.askCorrection(this, m, m.get("ops.stock.correctTitle"), g, () -> {
            Integer q = wholeNumber(quantity.getText());
            return q == null ? null : new StockService.MovementCorrection(date.getValue(), commodity.getValue(), q,
                    team.getEditor().getText(), note.getText());
        }).ifPresentOrElse(c -> model.correct(mv, c), () -> {
            if (wholeNumber(quantity.getText()) == null) {
                Controls.showMessage(messageLine(), m.get("ops.stock.quantityNumber"), true);
            }
        });
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Label messageLine() {
        return (Label) lookup("#stock-message");
    }

    private void showHistory() {
        LedgerLine l = model.selectedProperty().get();
        if (l == null) {
            return;
        }
        CommodityMovement mv = l.movement();
        String what = m.get("ops.stock.voidWhat", names.of(mv.kind()),
                String.format(m.locale(), "%+,d", mv.quantity()), names.of(mv.commodity()),
                Dates.format(mv.date()));
        HistoryPane.Values values = new HistoryPane.Values(new Labels(m))
                .field("commodity", v -> names.of(Commodity.valueOf(v)));
        model.history(mv.meta().id(), changes -> CorrectionFx.showHistory(this, m, what, values, changes));
    }

    private void voidSelected() {
        LedgerLine l = model.selectedProperty().get();
        if (!model.mayChange(l)) {
            return;
        }
        CommodityMovement mv = l.movement();
        String what = m.get("ops.stock.voidWhat", names.of(mv.kind()),
                String.format(m.locale(), "%+,d", mv.quantity()), names.of(mv.commodity()),
                Dates.format(mv.date()));
        CorrectionFx.askVoid(this, m, what).ifPresent(r -> model.voidMovement(mv, r));
    }

    /** The stock count dialog: a team, a date, the quantity counted per commodity (blank: not counted), a reason. */
    private void countStock() {
        ComboBox<String> team = new ComboBox<>(model.teams());
        team.setId("count-team");
        team.setEditable(true);
        team.setValue(model.levelTeamProperty().get());
        DatePicker date = Dates.picker("count-date");
        date.setValue(model.today());
        TextField reason = new TextField();
        reason.setId("count-reason");
        reason.setPromptText(m.get("ops.stock.count.reasonPrompt"));
        reason.setPrefColumnCount(28);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, Controls.fieldLabel(m.get("ops.stock.team"), team), team);
        g.addRow(1, Controls.fieldLabel(m.get("ops.stock.date"), date), date);
        Map<Commodity, TextField> fields = new EnumMap<>(Commodity.class);
        int row = 2;
        for (Commodity c : Commodity.values()) {
            TextField f = new TextField();
            f.setId("count-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            f.setPromptText(m.get("ops.stock.count.notCounted"));
            f.setPrefColumnCount(8);
            fields.put(c, f);
            g.addRow(row++, Controls.fieldLabel(names.of(c), f), f);
        }
        g.addRow(row, Controls.fieldLabel(m.get("ops.stock.count.reason"), reason), reason);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(getScene().getWindow());
        d.setTitle(m.get("ops.stock.count.title"));
        CorrectionFx.style(d.getDialogPane(), m);
        d.getDialogPane().setId("count-dialog");
        Label hint = CorrectionFx.hint(m.get("ops.stock.count.hint"), 460);
        d.getDialogPane().setContent(new VBox(10, hint, g));
        ButtonType save = new ButtonType(m.get("ops.stock.count.save"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().setAll(save, new ButtonType(m.get("correction.cancel"),
                ButtonType.CANCEL.getButtonData()));
        Button ok = (Button) d.getDialogPane().lookupButton(save);
        ok.setId("count-save");
        ok.setMinWidth(Region.USE_PREF_SIZE);
        d.showAndWait().filter(b -> b == save).ifPresent(b -> {
            Map<Commodity, String> typed = new EnumMap<>(Commodity.class);
            fields.forEach((c, f) -> typed.put(c, f.getText()));
            model.count(team.getEditor().getText(), date.getValue(), typed, reason.getText());
        });
    }

    private static Label hint(String text) {
        Wrapped l = new Wrapped(text);
        l.getStyleClass().add("ops-hint");
        return l;
    }
}
