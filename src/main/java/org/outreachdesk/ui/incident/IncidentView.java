package org.outreachdesk.ui.incident;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.IncidentService;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.IncidentListing;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.CorrectionFx;

/**
 * Safety incidents: the form on the left (date, site, optional contact by UIC, type, perpetrator, support,
 * optional referral), the list by date on the right. Ctrl+S saves.
 */
public final class IncidentView extends BorderPane {

    private final IncidentViewModel model;
    private final Messages m;
    private final Labels names;

    public IncidentView(UiContext ctx) {
        this(new IncidentViewModel(ctx), ctx.messages());
    }

    public IncidentView(IncidentViewModel model, Messages messages) {
        this.model = model;
        this.m = messages;
        this.names = new Labels(messages);
        setId("incidents");
        getStylesheets().add(Controls.STYLESHEET);
        setTop(Controls.title(m.get("ops.incidents.title")));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 8, 0));
        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.setPrefWidth(400);
        form.setMinWidth(360);
        form.getStyleClass().add("ops-scroll");
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setLeft(form);
        BorderPane.setMargin(form, new Insets(0, 12, 0, 0));
        setCenter(list());
        parentProperty().addListener((o, was, now) -> {
            if (now != null && was == null) {
                model.refresh();
            }
        });
        model.load();
    }

    private VBox form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);

        DatePicker date = Dates.picker("incident-date");
        date.valueProperty().bindBidirectional(model.dateProperty());
        ComboBox<Site> site = Controls.combo("incident-site", s -> s.code() + " — " + s.name(), m.get("ops.incidents.noSite"));
        site.setItems(model.siteChoices());
        site.valueProperty().bindBidirectional(model.siteProperty());
        site.setMaxWidth(Double.MAX_VALUE);
        TextField uic = new TextField();
        uic.setId("incident-uic");
        uic.setPromptText(m.get("ops.incidents.uicPrompt"));
        uic.textProperty().bindBidirectional(model.uicProperty());
        ComboBox<IncidentType> type = Controls.combo("incident-type", t -> names.of(t), null);
        type.getItems().setAll(IncidentType.values());
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        type.setPromptText(m.get("ops.choose"));
        ComboBox<Perpetrator> perpetrator = Controls.combo("incident-perpetrator",
                p -> names.of(p), null);
        perpetrator.getItems().setAll(Perpetrator.values());
        perpetrator.valueProperty().bindBidirectional(model.perpetratorProperty());
        perpetrator.setMaxWidth(Double.MAX_VALUE);
        perpetrator.setPromptText(m.get("ops.choose"));
        CheckBox support = new CheckBox(m.get("ops.incidents.supportGiven"));
        support.setId("incident-support");
        support.selectedProperty().bindBidirectional(model.supportGivenProperty());
        TextArea note = new TextArea();
        note.setId("incident-support-note");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.setPromptText(m.get("ops.incidents.notePrompt"));
        note.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= 500 ? c : null));
        note.textProperty().bindBidirectional(model.supportNoteProperty());
        // Tab leaves the note instead of typing a tab character
        note.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                if (e.isShiftDown()) {
                    support.requestFocus();
                } else {
                    referFocus();
                }
            }
        });

        int r = 0;
        g.addRow(r++, Controls.fieldLabel(m.get("ops.incidents.date"), date), date);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.incidents.site"), site), site);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.incidents.uic"), uic), uic);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.incidents.type"), type), type);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.incidents.perpetrator"), perpetrator), perpetrator);
        g.add(support, 1, r++);
        g.addRow(r++, Controls.fieldLabel(m.get("ops.incidents.supportNote"), note), note);

        CheckBox refer = new CheckBox(m.get("ops.incidents.refer"));
        refer.setId("incident-refer");
        refer.selectedProperty().bindBidirectional(model.referProperty());
        this.referBox = refer;
        ComboBox<ServiceType> service = Controls.combo("incident-referral-service", s -> names.coded(s),
                null);
        service.getItems().setAll(Arrays.asList(ServiceType.values()));
        service.valueProperty().bindBidirectional(model.referralServiceProperty());
        service.setMaxWidth(Double.MAX_VALUE);
        ComboBox<DirectoryEntry> destination = Controls.combo("incident-referral-destination", DirectoryEntry::name,
                m.get("ops.incidents.noDestination"));
        destination.setItems(model.destinations());
        destination.valueProperty().bindBidirectional(model.destinationProperty());
        destination.setMaxWidth(Double.MAX_VALUE);
        DatePicker due = Dates.picker("incident-referral-due");
        due.valueProperty().bindBidirectional(model.dueDateProperty());
        service.disableProperty().bind(refer.selectedProperty().not());
        destination.disableProperty().bind(refer.selectedProperty().not());
        due.disableProperty().bind(refer.selectedProperty().not());

        GridPane rg = new GridPane();
        rg.setHgap(8);
        rg.setVgap(8);
        rg.getColumnConstraints().addAll(labels, fields);
        int q = 0;
        rg.add(refer, 0, q++, 2, 1);
        rg.addRow(q++, Controls.fieldLabel(m.get("ops.incidents.referralService"), service), service);
        rg.addRow(q++, Controls.fieldLabel(m.get("ops.incidents.destination"), destination), destination);
        rg.addRow(q++, Controls.fieldLabel(m.get("ops.incidents.due"), due), due);
        Wrapped referHint = new Wrapped(m.get("ops.incidents.referHint"));
        referHint.getStyleClass().add("ops-hint");
        rg.add(referHint, 0, q, 2, 1);

        Button save = new Button(m.get("ops.incidents.save"));
        save.setId("incident-save");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        Controls.onShortcut(this, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), save);
        Label shortcut = new Label(m.get("ops.incidents.shortcut"));
        shortcut.getStyleClass().add("ops-hint");
        HBox actions = new HBox(10, save, shortcut);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = Controls.messageLine("incident-message");
        model.messageProperty().addListener((o, a, t) -> Controls.showMessage(message, t, model.errorProperty().get()));

        Label title = new Label(m.get("ops.incidents.formTitle"));
        title.getStyleClass().add("ops-form-title");
        VBox box = new VBox(10, title, g, new Separator(), rg, actions, message);
        box.getStyleClass().add("ops-form");
        return box;
    }

    private CheckBox referBox;

    private void referFocus() {
        if (referBox != null) {
            referBox.requestFocus();
        }
    }

    private VBox list() {
        TableView<IncidentListing> t = new TableView<>(model.rows());
        t.setId("incidents-table");
        t.setPlaceholder(new Label(m.get("ops.incidents.none")));
        t.getColumns().add(Controls.column(m.get("ops.incidents.col.date"), 88, l -> Dates.format(l.incident().date())));
        t.getColumns().add(Controls.column(m.get("ops.incidents.col.type"), 165,
                l -> names.of(l.incident().type())));
        t.getColumns().add(Controls.column(m.get("ops.incidents.col.perpetrator"), 150,
                l -> names.of(l.incident().perpetrator())));
        t.getColumns().add(Controls.column(m.get("ops.incidents.col.site"), 62,
                l -> l.siteCode() == null ? "—" : l.siteCode()));
        t.getColumns().add(Controls.column(m.get("ops.incidents.col.uic"), 112,
                l -> l.contactUic() == null ? "—" : l.contactUic().value()));
        t.getColumns().add(Controls.column(m.get("ops.incidents.col.support"), 62,
                l -> m.get(l.incident().supportGiven() ? "ops.yes" : "ops.no")));
        // a voided incident (struck through) says why where its referral would be: that went with it
        t.getColumns().add(Controls.column(m.get("ops.incidents.col.referral"), 160, l -> l.voided()
                ? m.get("correction.voidedAs", CorrectionFx.reason(m, l.voidReason()))
                : l.referralService() == null ? "—"
                : l.referralService().code() + (l.referralDestination() == null ? "" : " → " + l.referralDestination())));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // a date, a site code and a UIC are read whole: the type, perpetrator and referral columns give way first
        t.getColumns().get(0).setMinWidth(88);
        t.getColumns().get(3).setMinWidth(62);
        t.getColumns().get(4).setMinWidth(112);
        t.getColumns().get(5).setMinWidth(72);
        Controls.headersReadable(t);
        CorrectionFx.register(t, IncidentListing::voided, model.selectedProperty());
        VBox.setVgrow(t, Priority.ALWAYS);

        Label title = new Label(m.get("ops.incidents.listTitle"));
        title.getStyleClass().add("ops-form-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap);
        head.getChildren().addAll(CorrectionFx.rowActions("incidents", m, model.selectedProperty(), model::mayChange,
                model.busyProperty(), this::correctSelected, this::voidSelected, this::showHistory));
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, head, t, Controls.pager("incidents", model.paging(), m));
    }

    private void showHistory() {
        IncidentListing l = model.selectedProperty().get();
        if (l == null) {
            return;
        }
        String what = m.get("ops.incidents.voidWhat", names.of(l.incident().type()),
                Dates.format(l.incident().date()));
        Map<UUID, String> sites = new HashMap<>();
        model.siteChoices().stream().filter(x -> x != null).forEach(x -> sites.put(x.meta().id(), x.code()));
        HistoryPane.Values values = new HistoryPane.Values(new Labels(m))
                .field("type", v -> names.of(IncidentType.valueOf(v)))
                .field("perpetrator", v -> names.of(Perpetrator.valueOf(v)))
                .codes("siteId", sites);
        model.history(l.incident().meta().id(), changes -> CorrectionFx.showHistory(this, m, what, values, changes));
    }

    private void voidSelected() {
        IncidentListing l = model.selectedProperty().get();
        if (!model.mayChange(l)) {
            return;
        }
        String what = m.get("ops.incidents.voidWhat", names.of(l.incident().type()),
                Dates.format(l.incident().date()));
        CorrectionFx.askVoid(this, m, what).ifPresent(r -> model.voidIncident(l.incident(), r));
    }

    /** The correction dialog: every field of the incident form but the referral (corrected as a referral). */
    private void correctSelected() {
        IncidentListing l = model.selectedProperty().get();
        if (!model.mayChange(l)) {
            return;
        }
        IncidentService.IncidentCorrection now = IncidentService.IncidentCorrection.of(l);
        DatePicker date = Dates.picker("correct-date");
        date.setValue(now.date());
        ComboBox<Site> site = Controls.combo("correct-site", x -> x.code() + " — " + x.name(), m.get("ops.incidents.noSite"));
        site.setItems(model.siteChoices());
        site.setValue(model.siteChoices().stream().filter(x -> x != null && x.meta().id().equals(now.siteId()))
                .findFirst().orElse(null));
        // a site no longer active is not a choice: it stays unless another is chosen
        boolean[] siteTouched = {false};
        site.valueProperty().addListener((o, a, b) -> siteTouched[0] = true);
        TextField uic = new TextField(now.contactUic() == null ? "" : now.contactUic());
        uic.setId("correct-uic");
        uic.setPromptText(m.get("ops.incidents.uicPrompt"));
        ComboBox<IncidentType> type = Controls.combo("correct-type", x -> names.of(x), null);
        type.getItems().setAll(IncidentType.values());
        type.setValue(now.type());
        ComboBox<Perpetrator> perpetrator = Controls.combo("correct-perpetrator",
                x -> names.of(x), null);
        perpetrator.getItems().setAll(Perpetrator.values());
        perpetrator.setValue(now.perpetrator());
        CheckBox support = new CheckBox(m.get("ops.incidents.supportGiven"));
        support.setId("correct-support");
        support.setSelected(now.supportGiven());
        TextArea note = new TextArea(now.supportNote() == null ? "" : now.supportNote());
        note.setId("correct-support-note");
        note.setPrefRowCount(3);
        note.setPrefColumnCount(32);
        note.setWrapText(true);
        note.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= 500 ? c : null));
        GridPane g = new GridPane();
        g.addRow(0, Controls.fieldLabel(m.get("ops.incidents.date"), date), date);
        g.addRow(1, Controls.fieldLabel(m.get("ops.incidents.site"), site), site);
        g.addRow(2, Controls.fieldLabel(m.get("ops.incidents.uic"), uic), uic);
        g.addRow(3, Controls.fieldLabel(m.get("ops.incidents.type"), type), type);
        g.addRow(4, Controls.fieldLabel(m.get("ops.incidents.perpetrator"), perpetrator), perpetrator);
        g.add(support, 1, 5);
        g.addRow(6, Controls.fieldLabel(m.get("ops.incidents.supportNote"), note), note);
        CorrectionFx.askCorrection(this, m, m.get("ops.incidents.correctTitle"), g, () ->
                new IncidentService.IncidentCorrection(date.getValue(),
                        !siteTouched[0] ? now.siteId() : site.getValue() == null ? null : site.getValue().meta().id(),
                        uic.getText(), type.getValue(), perpetrator.getValue(), support.isSelected(), note.getText()))
                .ifPresent(c -> model.correct(l.incident(), c));
    }
}
