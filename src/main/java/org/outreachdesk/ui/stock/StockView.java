package org.outreachdesk.ui.stock;

import java.util.Arrays;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.StockService;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Controls;

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
        note.setMinWidth(160);
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
        HBox head = new HBox(8, title, gap, filter);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<CommodityMovement> t = new TableView<>(model.ledger());
        t.setId("ledger-table");
        t.setPlaceholder(new Label(m.get("ops.stock.ledgerEmpty")));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.date"), 100, mv -> Dates.format(mv.date())));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.commodity"), 170,
                mv -> names.of(mv.commodity())));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.kind"), 140, mv -> names.of(mv.kind())));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.quantity"), 90,
                mv -> String.format(m.locale(), "%+,d", mv.quantity())));
        t.getColumns().get(t.getColumns().size() - 1).getStyleClass().add("ops-number");
        t.getColumns().add(Controls.column(m.get("ops.stock.col.team"), 110, mv -> mv.team() == null ? "—" : mv.team()));
        t.getColumns().add(Controls.column(m.get("ops.stock.col.note"), 300, mv -> mv.note() == null ? "" : mv.note()));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(t, Priority.ALWAYS);

        return new VBox(6, head, t, Controls.pager("ledger", model.paging(), m));
    }

    private static Label hint(String text) {
        Wrapped l = new Wrapped(text);
        l.getStyleClass().add("ops-hint");
        return l;
    }
}
