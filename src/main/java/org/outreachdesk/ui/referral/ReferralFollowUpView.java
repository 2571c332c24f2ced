package org.outreachdesk.ui.referral;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.ReferralFollowUpService;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.DueWindow;
import org.outreachdesk.domain.FollowUpCounts;
import org.outreachdesk.domain.PendingReferral;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.CorrectionFx;

/**
 * The coordinators' referral follow-up: pending referrals by due date (overdue rows highlighted), filtered
 * by due window, worker and service; the selected referral gets its outcome (completed, declined, lost)
 * and date. Contacts appear by UIC only.
 */
public final class ReferralFollowUpView extends BorderPane {

    private final ReferralFollowUpViewModel model;
    private final Messages m;
    private final Labels names;
    private final Map<DueWindow, ToggleButton> windowButtons = new EnumMap<>(DueWindow.class);

    public ReferralFollowUpView(UiContext ctx) {
        this(new ReferralFollowUpViewModel(ctx), ctx.messages());
    }

    public ReferralFollowUpView(ReferralFollowUpViewModel model, Messages messages) {
        this.model = model;
        this.m = messages;
        this.names = new Labels(messages);
        setId("referral-follow-up");
        getStylesheets().add(Controls.STYLESHEET);
        TableView<PendingReferral> table = table();
        VBox top = new VBox(8, Controls.title(m.get("ops.referrals.title")), filters());
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(table);
        setBottom(bottom());
        model.countsProperty().addListener((o, a, c) -> updateCounts(c));
        updateCounts(model.countsProperty().get());
        // shown again after another section changed referrals: read them afresh
        parentProperty().addListener((o, was, now) -> {
            if (now != null && was == null) {
                model.refresh();
            }
        });
        model.load();
    }

    private FlowPane filters() {
        ToggleGroup group = new ToggleGroup();
        HBox windows = new HBox(4);
        for (DueWindow w : DueWindow.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("window-" + w.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.getStyleClass().add("window-toggle");
            b.setMinWidth(Region.USE_PREF_SIZE);
            if (w == DueWindow.OVERDUE) {
                b.getStyleClass().add("overdue-toggle");
            }
            b.setToggleGroup(group);
            b.setSelected(w == model.windowProperty().get());
            b.setOnAction(e -> {
                model.closedProperty().set(false);
                model.windowProperty().set(w);
                b.setSelected(true);
            });
            windowButtons.put(w, b);
            windows.getChildren().add(b);
        }
        // closed referrals: where an outcome recorded by mistake is found and corrected (issue 14)
        ToggleButton closed = new ToggleButton(m.get("ops.referrals.closed"));
        closed.setId("window-closed");
        closed.setTooltip(new Tooltip(m.get("ops.referrals.closed.tip")));
        closed.getStyleClass().add("window-toggle");
        closed.setMinWidth(Region.USE_PREF_SIZE);
        closed.setToggleGroup(group);
        closed.setOnAction(e -> {
            model.closedProperty().set(true);
            closed.setSelected(true);
        });
        windows.getChildren().add(closed);
        model.windowProperty().addListener((o, a, w) -> windowButtons.get(w).setSelected(true));

        ComboBox<Staff> worker = Controls.combo("filter-worker", Staff::code, m.get("ops.referrals.anyWorker"));
        model.workers().addListener((ListChangeListener<Staff>) c ->
                worker.getItems().setAll(Controls.withNone(model.workers())));
        worker.getItems().setAll(Controls.withNone(model.workers()));
        worker.setValue(null);
        worker.setPrefWidth(165);
        // with the Closed toggle the row is full in Khmer at 1366 px: the service choice gives way first
        worker.setMinWidth(120);
        worker.valueProperty().addListener((o, a, s) -> model.workerProperty().set(s));

        ComboBox<ServiceType> service = Controls.combo("filter-service", s -> names.coded(s),
                m.get("ops.referrals.anyService"));
        service.getItems().setAll(Controls.withNone(Arrays.asList(ServiceType.values())));
        service.setValue(null);
        service.setPrefWidth(250);
        service.valueProperty().addListener((o, a, s) -> model.serviceTypeProperty().set(s));

        Button refresh = new Button(m.get("ops.refresh"));
        refresh.setId("referrals-refresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(e -> model.refresh());

        HBox choices = new HBox(8, Controls.fieldLabel(m.get("ops.referrals.worker"), worker), worker,
                Controls.fieldLabel(m.get("ops.referrals.service"), service), service, refresh);
        choices.setAlignment(Pos.CENTER_LEFT);
        // the windows and the choices share a row when it is wide enough, else the choices go under the windows
        // (Khmer at 1280 px): nothing is pushed past the window's edge
        FlowPane box = new FlowPane(16, 6, windows, choices);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void updateCounts(FollowUpCounts c) {
        for (DueWindow w : DueWindow.values()) {
            windowButtons.get(w).setText(m.get("ops.window." + w.name(), c.of(w)));
        }
    }

    private TableView<PendingReferral> table() {
        TableView<PendingReferral> t = new TableView<>(model.rows());
        Controls.headersReadable(t);
        t.setId("referrals-table");
        Label none = new Label();
        none.textProperty().bind(Bindings.when(model.closedProperty())
                .then(m.get("ops.referrals.noneClosed")).otherwise(m.get("ops.referrals.none")));
        t.setPlaceholder(none);
        LocalDate today = model.today();
        t.getColumns().add(Controls.column(m.get("ops.referrals.col.due"), 100,
                p -> p.referral().dueDate() == null ? m.get("ops.referrals.noDue") : Dates.format(p.referral().dueDate())));
        t.getColumns().add(Controls.column(m.get("ops.referrals.col.state"), 150, p -> state(p, today)));
        t.getColumns().add(Controls.column(m.get("ops.referrals.col.uic"), 120, p -> p.uic().value()));
        t.getColumns().get(t.getColumns().size() - 1).setMinWidth(110);
        // long service names (Khmer) take a second line rather than end in "…"
        t.getColumns().add(Controls.wrappedColumn(m.get("ops.referrals.col.service"), 210,
                p -> names.coded(p.referral().serviceType())));
        t.getColumns().add(Controls.column(m.get("ops.referrals.col.destination"), 230,
                p -> p.destinationName() == null ? "—" : p.destinationName()));
        t.getColumns().add(Controls.column(m.get("ops.referrals.col.made"), 100, p -> Dates.format(p.referral().madeDate())));
        t.getColumns().add(Controls.column(m.get("ops.referrals.col.worker"), 90,
                p -> p.workerCode() == null ? "—" : p.workerCode()));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(PendingReferral item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("overdue", "due-today");
                CorrectionFx.markVoided(this, !empty && item != null && item.voided());
                if (!empty && item != null && !item.voided() && !item.referral().status().isClosed()) {
                    switch (DueWindow.of(item.referral().dueDate(), today)) {
                        case OVERDUE -> getStyleClass().add("overdue");
                        case DUE_TODAY -> getStyleClass().add("due-today");
                        default -> {
                        }
                    }
                }
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> model.selectedProperty().set(p));
        model.selectedProperty().addListener((o, a, p) -> {
            if (p == null) {
                t.getSelectionModel().clearSelection();
            } else if (t.getSelectionModel().getSelectedItem() != p) {
                t.getSelectionModel().select(p);
            }
        });
        return t;
    }

    private String state(PendingReferral p, LocalDate today) {
        if (p.voided()) {
            return m.get("correction.voidedAs", CorrectionFx.reason(m, p.voidReason()));
        }
        if (p.referral().status().isClosed()) {
            return m.get("ops.referrals.state.closed", names.of(p.referral().status()),
                    Dates.format(p.referral().closedDate()));
        }
        LocalDate due = p.referral().dueDate();
        return switch (DueWindow.of(due, today)) {
            case OVERDUE -> m.get("ops.referrals.state.overdue", ChronoUnit.DAYS.between(due, today));
            case DUE_TODAY -> m.get("ops.referrals.state.today");
            default -> due == null ? m.get("ops.referrals.state.noDue")
                    : m.get("ops.referrals.state.upcoming", ChronoUnit.DAYS.between(today, due));
        };
    }

    private VBox bottom() {
        HBox pager = Controls.pager("referrals", model.paging(), m);
        pager.getChildren().addAll(0, CorrectionFx.rowActions("referrals", m, model.selectedProperty(),
                model::mayChange, model.busyProperty(), this::correctSelected, this::voidSelected, this::showHistory));

        Label message = Controls.messageLine("referrals-message");
        model.messageProperty().addListener((o, a, t) -> Controls.showMessage(message, t, model.errorProperty().get()));

        VBox box = new VBox(6, pager, outcomeForm(), message);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private void showHistory() {
        PendingReferral p = model.selectedProperty().get();
        if (p == null) {
            return;
        }
        String what = m.get("ops.referrals.voidWhat", names.of(p.referral().serviceType()),
                p.uic().value(), Dates.format(p.referral().madeDate()));
        Map<UUID, String> destinations = new HashMap<>();
        model.destinations().forEach(d -> destinations.put(d.meta().id(), d.name()));
        HistoryPane.Values values = new HistoryPane.Values(new Labels(m))
                .field("serviceType", v -> names.of(ServiceType.valueOf(v)))
                .field("status", v -> names.of(ReferralStatus.valueOf(v)))
                .codes("directoryEntryId", destinations);
        model.history(p.referral().id(), changes -> CorrectionFx.showHistory(this, m, what, values, changes));
    }

    private void voidSelected() {
        PendingReferral p = model.selectedProperty().get();
        if (!model.mayChange(p)) {
            return;
        }
        String what = m.get("ops.referrals.voidWhat", names.of(p.referral().serviceType()),
                p.uic().value(), Dates.format(p.referral().madeDate()));
        CorrectionFx.askVoid(this, m, what).ifPresent(r -> model.voidReferral(p.referral(), r));
    }

    /** The correction dialog: service, destination, dates, note; the outcome for coordinators and above. */
    private void correctSelected() {
        PendingReferral p = model.selectedProperty().get();
        if (!model.mayChange(p)) {
            return;
        }
        ReferralFollowUpService.ReferralCorrection now = ReferralFollowUpService.ReferralCorrection.of(p.referral());
        ComboBox<ServiceType> service = Controls.combo("correct-service", s -> names.of(s), null);
        service.getItems().setAll(ServiceType.values());
        service.setValue(now.serviceType());
        ComboBox<DirectoryEntry> destination = Controls.combo("correct-destination", DirectoryEntry::name,
                m.get("ops.incidents.noDestination"));
        Runnable offered = () -> {
            DirectoryEntry keep = destination.getValue();
            List<DirectoryEntry> choices = model.destinations().stream()
                    .filter(d -> d.services().contains(service.getValue())).toList();
            destination.getItems().setAll(Controls.withNone(choices));
            destination.setValue(keep != null && choices.contains(keep) ? keep : null);
        };
        offered.run();
        destination.setValue(model.destinations().stream()
                .filter(d -> d.meta().id().equals(now.directoryEntryId())).findFirst().orElse(null));
        service.valueProperty().addListener((o, a, b) -> offered.run());
        DatePicker made = Dates.picker("correct-made");
        made.setValue(now.madeDate());
        DatePicker due = Dates.picker("correct-due");
        due.setValue(now.dueDate());
        TextField note = new TextField(now.note() == null ? "" : now.note());
        note.setId("correct-note");
        note.setPrefColumnCount(30);
        GridPane g = new GridPane();
        g.addRow(0, Controls.fieldLabel(m.get("ops.referrals.service"), service), service);
        g.addRow(1, Controls.fieldLabel(m.get("ops.referrals.col.destination"), destination), destination);
        g.addRow(2, Controls.fieldLabel(m.get("ops.referrals.col.made"), made), made);
        g.addRow(3, Controls.fieldLabel(m.get("ops.referrals.col.due"), due), due);
        g.addRow(4, Controls.fieldLabel(m.get("ops.referrals.note"), note), note);
        ComboBox<ReferralStatus> status = Controls.combo("correct-status", s -> names.of(s), null);
        status.getItems().setAll(ReferralStatus.values());
        status.setValue(now.status());
        DatePicker closed = Dates.picker("correct-closed");
        closed.setValue(now.closedDate());
        closed.disableProperty().bind(status.valueProperty().isEqualTo(ReferralStatus.PENDING));
        if (model.canCorrectOutcomes()) {
            g.addRow(5, Controls.fieldLabel(m.get("ops.referrals.outcome"), status), status);
            g.addRow(6, Controls.fieldLabel(m.get("ops.referrals.outcomeDate"), closed), closed);
        }
        CorrectionFx.askCorrection(this, m, m.get("ops.referrals.correctTitle"), g, () ->
                new ReferralFollowUpService.ReferralCorrection(service.getValue(),
                        destination.getValue() == null ? null : destination.getValue().meta().id(), made.getValue(),
                        due.getValue(), note.getText(), status.getValue(),
                        status.getValue() == ReferralStatus.PENDING ? null : closed.getValue()))
                .ifPresent(c -> model.correct(p.referral(), c));
    }

    private HBox outcomeForm() {
        Label title = new Label(m.get("ops.referrals.outcomeTitle"));
        title.getStyleClass().add("ops-form-title");
        if (!model.canRecordOutcomes()) {
            Label note = new Label(m.get("ops.referrals.coordinatorsOnly"));
            note.setId("referrals-outcome-locked");
            note.getStyleClass().add("ops-hint");
            HBox box = new HBox(12, title, note);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("ops-form");
            return box;
        }
        Label selected = new Label();
        selected.setId("referrals-selected");
        selected.setMinWidth(220);
        selected.textProperty().bind(Bindings.createStringBinding(() -> {
            PendingReferral p = model.selectedProperty().get();
            return p == null ? m.get("ops.referrals.selectFirst")
                    : m.get("ops.referrals.selected", p.uic().value(), p.referral().serviceType().code());
        }, model.selectedProperty()));

        ComboBox<ReferralStatus> outcome = Controls.combo("referrals-outcome", s -> names.of(s), null);
        outcome.getItems().setAll(ReferralFollowUpViewModel.outcomes());
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());

        DatePicker date = Dates.picker("referrals-outcome-date");
        date.valueProperty().bindBidirectional(model.outcomeDateProperty());
        date.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                setDisable(empty || d.isAfter(model.today()));
            }
        });

        Button save = new Button(m.get("ops.referrals.recordOutcome"));
        save.setId("referrals-save-outcome");
        save.setDefaultButton(false);
        // a voided referral (listed among the closed ones) gets no outcome
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || model.selectedProperty().get().voided(), model.selectedProperty()).or(model.busyProperty()));
        save.setOnAction(e -> model.saveOutcome());
        Controls.onShortcut(this, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), save);

        HBox box = new HBox(10, title, selected, Controls.fieldLabel(m.get("ops.referrals.outcome"), outcome), outcome,
                Controls.fieldLabel(m.get("ops.referrals.outcomeDate"), date), date, save);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("ops-form");
        return box;
    }
}
