package org.outreachdesk.ui.contact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.outreachdesk.app.ContactCorrectionService;
import org.outreachdesk.app.ContactService.TimelineEntry;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.ContactFilter;
import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.Encounter;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Referral;
import org.outreachdesk.domain.SafeguardingScreen;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.encounters.EncounterCorrectionWindow;
import org.outreachdesk.ui.safeguarding.SafeguardingWindow;

/**
 * The contact register: a table read from the database a page at a time as it scrolls (so 100,000 contacts
 * open as fast as 100), searched by UIC prefix and filtered by site, worker, key-population type and status.
 * Selecting a contact shows its details, its timeline (encounters, referrals, incidents, safeguarding screens,
 * newest first), a status change with its date and the safeguarding screen.
 */
public final class ContactsView extends VBox {

    private final UiContext ctx;
    private final ContactsViewModel vm;
    private final Labels l;

    public ContactsView(UiContext ctx) {
        this(ctx, new ContactsViewModel(ctx));
    }

    public ContactsView(UiContext ctx, ContactsViewModel vm) {
        super(8);
        this.ctx = ctx;
        this.vm = vm;
        this.l = vm.labels();
        setId("contacts-view");
        getStylesheets().add(Forms.stylesheet());
        Label title = new Label(l.get("contacts.title"));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.setId("contacts-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.totalProperty().get() < 0 ? ""
                : l.get("contacts.count", vm.totalProperty().get()), vm.totalProperty()));
        HBox header = new HBox(16, title, count);
        header.setAlignment(Pos.BASELINE_LEFT);

        SplitPane split = new SplitPane(table(), details());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(header, filters(), split);
        // each time the section is shown the register is read again: encounters saved meanwhile show
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null && was == null) {
                vm.load();
            }
        });
    }

    private Node filters() {
        TextField search = new TextField();
        search.setId("contacts-search");
        search.setPromptText(l.get("contacts.search.prompt"));
        search.setPrefColumnCount(12);
        search.getStyleClass().add("uic-field");
        search.textProperty().bindBidirectional(vm.searchProperty());
        PauseTransition pause = new PauseTransition(Duration.millis(300));
        pause.setOnFinished(e -> vm.reload());
        search.textProperty().addListener((o, a, b) -> pause.playFromStart());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pause.stop();
                vm.reload();
            }
        });
        ComboBox<Site> site = new ComboBox<>();
        site.setId("contacts-site");
        site.setPrefWidth(190);
        withAll(site, vm.sites());
        Forms.keyboardCombo(site, s -> s.code() + " – " + s.name(), Site::code, l.get("contacts.allSites"));
        site.valueProperty().bindBidirectional(vm.siteProperty());
        ComboBox<Staff> worker = new ComboBox<>();
        worker.setId("contacts-worker");
        worker.setPrefWidth(130);
        withAll(worker, vm.staff());
        Forms.keyboardCombo(worker, Staff::code, Staff::code, l.get("contacts.allWorkers"));
        worker.valueProperty().bindBidirectional(vm.workerProperty());
        ComboBox<KpType> kp = new ComboBox<>();
        kp.setId("contacts-kp");
        kp.getItems().add(null);
        kp.getItems().addAll(KpType.values());
        Forms.keyboardCombo(kp, KpType::code, KpType::code, l.get("contacts.allTypes"));
        kp.valueProperty().bindBidirectional(vm.kpTypeProperty());
        ComboBox<ContactStatus> status = new ComboBox<>();
        status.setId("contacts-status");
        status.getItems().add(null);
        status.getItems().addAll(ContactStatus.values());
        Forms.keyboardCombo(status, l::of, null, l.get("contacts.allStatuses"));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<ContactFilter.Sort> sort = new ComboBox<>();
        sort.setId("contacts-sort");
        sort.getItems().setAll(ContactFilter.Sort.values());
        Forms.keyboardCombo(sort, s -> l.get("contacts.sort." + s.name()), null, null);
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        FlowPane f = new FlowPane(8, 6, Forms.label(l.get("contacts.search"), search), search, site, worker, kp, status,
                sort);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }

    private static <T> void withAll(ComboBox<T> combo, ObservableList<T> items) {
        Runnable fill = () -> {
            T keep = combo.getValue();
            combo.getItems().setAll((T) null);
            combo.getItems().addAll(items);
            combo.setValue(items.contains(keep) ? keep : null);
        };
        items.addListener((ListChangeListener<T>) c -> fill.run());
        fill.run();
    }

    private Node table() {
        TableView<ContactListing> table = new TableView<>(vm.rows());
        table.setId("contacts-table");
        Controls.headersReadable(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(l.get("desk.field.uic"), c -> c.contact().uic().value(), 110));
        table.getColumns().add(column(l.get("contacts.col.gender"), c -> c.contact().gender().code(), 60));
        TableColumn<ContactListing, String> kp = column(l.get("contacts.col.kp"), c -> c.contact().kpType().code(), 55);
        Controls.valuesReadable(kp, Arrays.stream(KpType.values()).map(KpType::code).toList());
        table.getColumns().add(kp);
        table.getColumns().add(column(l.get("contacts.col.born"), c -> c.contact().birthYear() == null ? ""
                : String.valueOf(c.contact().birthYear()), 55));
        table.getColumns().add(column(l.get("desk.field.site"), c -> orEmpty(c.homeSiteCode()), 75));
        table.getColumns().add(column(l.get("desk.field.worker"), c -> orEmpty(c.staffCode()), 65));
        TableColumn<ContactListing, String> status = column(l.get("contacts.col.status"),
                c -> l.of(c.contact().status()), 120);
        // the longest status ("moved away" in Khmer) was cut: the column is as wide as its widest value
        Controls.valuesReadable(status, Arrays.stream(ContactStatus.values()).map(l::of).toList());
        table.getColumns().add(status);
        table.getColumns().add(column(l.get("contacts.col.lastSeen"), c -> l.date(c.lastEncounter()), 100));
        table.setPlaceholder(new Label(l.get("contacts.empty")));
        // read the next page when the last rows come into view
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            public void updateIndex(int i) {
                super.updateIndex(i);
                if (i >= 0 && i >= tv.getItems().size() - 15 && vm.moreProperty().get()) {
                    Platform.runLater(vm::loadMore);
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (vm.selectedProperty().get() == null
                    || !vm.selectedProperty().get().contact().id().equals(b.contact().id()))) {
                vm.select(b);
            }
        });
        return table;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static TableColumn<ContactListing, String> column(String title, Function<ContactListing, String> value,
                                                             double width) {
        TableColumn<ContactListing, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false); // the database sorts: see the order box
        return c;
    }

    private Node details() {
        Label uic = new Label();
        uic.setId("contact-uic");
        uic.getStyleClass().add("uic-preview");
        VBox facts = new VBox(2);
        facts.setId("contact-facts");
        Label none = Forms.hint(l.get("contacts.select"));

        ComboBox<ContactStatus> status = new ComboBox<>();
        status.setId("contact-new-status");
        status.setPrefWidth(150);
        status.getItems().setAll(ContactStatus.values());
        Forms.keyboardCombo(status, l::of, null, null);
        status.valueProperty().bindBidirectional(vm.newStatusProperty());
        DatePicker date = Dates.picker("contact-status-date");
        date.setPrefWidth(140);
        date.valueProperty().bindBidirectional(vm.statusDateProperty());
        Button change = new Button(l.get("contacts.status.change"));
        change.setId("contact-change-status");
        change.setOnAction(e -> vm.changeStatus());
        change.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane statusRow = new FlowPane(8, 6, Forms.label(l.get("contacts.status"), status), status, date, change);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        Label statusError = Forms.errorLabel("contact-status-error", vm.errors(), "statusDate", date);

        ComboBox<ServiceType> service = new ComboBox<>();
        service.setId("contact-refer-service");
        service.getItems().add(null);
        service.getItems().addAll(ServiceType.values());
        service.setPrefWidth(170);
        Forms.keyboardCombo(service, l::of, ServiceType::code, l.get("desk.choose"));
        service.valueProperty().bindBidirectional(vm.referServiceProperty());
        ComboBox<DirectoryEntry> destination = new ComboBox<>(vm.referDestinations());
        destination.setId("contact-refer-destination");
        destination.setPrefWidth(200);
        Forms.keyboardCombo(destination, DirectoryEntry::name, null, l.get("desk.destination.later"));
        destination.valueProperty().bindBidirectional(vm.referDestinationProperty());
        DatePicker due = Dates.picker("contact-refer-due");
        due.setPrefWidth(160);
        due.setPromptText(l.get("contacts.refer.due"));
        due.valueProperty().bindBidirectional(vm.referDueProperty());
        Button refer = new Button(l.get("contacts.refer"));
        refer.setId("contact-refer");
        refer.setMinWidth(Region.USE_PREF_SIZE);
        refer.disableProperty().bind(vm.referServiceProperty().isNull());
        refer.setOnAction(e -> vm.refer());
        FlowPane referRow = new FlowPane(8, 6, Forms.label(l.get("contacts.refer.label"), service), service,
                destination, due, refer);
        referRow.setAlignment(Pos.CENTER_LEFT);
        Label referError = Forms.errorLabel("contact-refer-error", vm.errors(), "referral", service);

        Button screen = new Button(l.get("contacts.safeguarding"));
        screen.setId("contact-safeguarding");
        screen.setOnAction(e -> SafeguardingWindow.open(getScene().getWindow(), ctx, vm.safeguardingRequest(),
                r -> vm.refreshSelected()));
        FlowPane correctRow = corrections();
        Wrapped message = new Wrapped();
        message.setId("contact-message");
        message.getStyleClass().add("form-message");
        message.sourceProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.sourceProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        Label timelineTitle = new Label(l.get("contacts.timeline"));
        timelineTitle.getStyleClass().add("group-title");
        ListView<TimelineEntry> timeline = new ListView<>(vm.timeline());
        timeline.setId("contact-timeline");
        timeline.setPlaceholder(new Label(l.get("contacts.timeline.empty")));
        timeline.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
                boolean voided = !empty && item != null && item.voided();
                if (voided) {
                    if (!getStyleClass().contains("voided")) {
                        getStyleClass().add("voided");
                    }
                } else {
                    getStyleClass().remove("voided");
                }
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox.setVgrow(timeline, Priority.ALWAYS);
        // an encounter of the timeline opens to be corrected, voided or its history read (Enter or a double click)
        Runnable openEncounter = () -> {
            TimelineEntry t = timeline.getSelectionModel().getSelectedItem();
            if (t != null && t.encounter() != null) {
                EncounterCorrectionWindow.open(getScene().getWindow(), ctx, t.encounter().id(), vm::reloadSelected);
            }
        };
        timeline.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openEncounter.run();
                e.consume();
            }
        });
        timeline.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openEncounter.run();
            }
        });
        // said in a tooltip, not a line: in Khmer the panel has no height to spare for the timeline
        timeline.setTooltip(new Tooltip(l.get("contacts.timeline.open")));

        VBox selectedBox = new VBox(8, uic, facts, statusRow, statusError, referRow, referError, screen, correctRow,
                message, timelineTitle, timeline);
        VBox.setVgrow(selectedBox, Priority.ALWAYS);
        selectedBox.visibleProperty().bind(vm.selectedProperty().isNotNull());
        selectedBox.managedProperty().bind(selectedBox.visibleProperty());
        none.visibleProperty().bind(vm.selectedProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        vm.selectedProperty().addListener((o, a, c) -> {
            uic.setText(c == null ? "" : c.contact().uic().value());
            facts.getChildren().clear();
            if (c != null) {
                for (String line : vm.details(c)) {
                    Wrapped fact = new Wrapped(line);
                    facts.getChildren().add(fact);
                }
            }
        });
        VBox box = new VBox(8, none, selectedBox);
        box.setPadding(new Insets(4, 4, 4, 10));
        box.setMinWidth(360);
        return box;
    }

    /**
     * "Correct…", "Correct UIC…", "Merge with…" and "History" for the selected contact (issue 14). The UIC and merge
     * buttons show for coordinators and above; "Correct…" when the user may correct this contact (the services
     * check again).
     */
    private FlowPane corrections() {
        ContactCorrectionService rules = new ContactCorrectionService(ctx.workspace());
        Button profile = new Button(l.get("contacts.correct"));
        profile.setId("contact-correct");
        profile.setOnAction(e -> ContactCorrectionWindows.profile(getScene().getWindow(), ctx, vm.selectedProperty().get(),
                done -> vm.refreshSelected()));
        Button uic = new Button(l.get("contacts.correctUic"));
        uic.setId("contact-correct-uic");
        uic.setOnAction(e -> UicBuilderWindow.open(getScene().getWindow(),
                UicBuilderViewModel.correcting(ctx, vm.selectedProperty().get()), done -> vm.refreshSelected(), r -> { }));
        Button merge = new Button(l.get("contacts.merge"));
        merge.setId("contact-merge");
        merge.setOnAction(e -> ContactCorrectionWindows.merge(getScene().getWindow(), ctx, vm.selectedProperty().get(),
                kept -> {
                    vm.reload();
                    vm.select(kept);
                }));
        Button history = new Button(l.get("contacts.history"));
        history.setId("contact-history");
        history.setOnAction(e -> ContactCorrectionWindows.history(getScene().getWindow(), ctx, vm.selectedProperty().get()));
        for (Button b : new Button[] {profile, uic, merge, history}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the row wraps rather than cut a label
        }
        boolean mayMerge = rules.mayMerge();
        for (Button b : new Button[] {uic, merge}) {
            b.setVisible(mayMerge);
            b.setManaged(mayMerge);
        }
        vm.selectedProperty().addListener((o, a, c) -> profile.setDisable(c == null || !rules.mayCorrect(c.contact())));
        FlowPane row = new FlowPane(8, 6, profile, uic, merge, history);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void voidedMark(TimelineEntry t, List<String> parts) {
        if (t.voided()) {
            parts.add(l.get("contacts.timeline.voidedRecord", l.of(t.voidReason())));
        }
    }

    /** One line of the timeline, in plain words. */
    String describe(TimelineEntry t) {
        List<String> parts = new ArrayList<>();
        switch (t.kind()) {
            case ENCOUNTER -> {
                Encounter e = t.encounter();
                parts.add(e.voided() ? l.get("contacts.timeline.voided", l.of(e.voidReason()))
                        : l.get("contacts.timeline.encounter"));
                parts.add(orDash(t.siteCode()) + " / " + orDash(t.staffCode()));
                parts.add(l.of(e.type()));
                for (Commodity c : Commodity.values()) {
                    if (e.quantities().of(c) > 0) {
                        parts.add(l.get("desk.short." + c.name(), e.quantities().of(c)));
                    }
                }
                if (e.hivStatus() != null) {
                    parts.add(l.get("contacts.timeline.hiv", l.of(e.hivStatus())));
                }
                if (e.stiScreened()) {
                    parts.add(l.get("desk.field.sti"));
                }
                if (e.education()) {
                    parts.add(l.get("desk.field.education"));
                }
                if (e.condomDemo()) {
                    parts.add(l.get("desk.field.demo"));
                }
                if (e.note() != null) {
                    parts.add("“" + e.note() + "”");
                }
            }
            case REFERRAL -> {
                Referral r = t.referral();
                parts.add(l.get("contacts.timeline.referral", r.serviceType().code() + " – " + l.of(r.serviceType())));
                voidedMark(t, parts);
                if (t.destination() != null) {
                    parts.add("→ " + t.destination());
                }
                parts.add(r.status().isClosed() ? l.of(r.status()) + " " + l.date(r.closedDate())
                        : l.of(r.status()) + (r.dueDate() == null ? "" : ", " + l.get("contacts.timeline.due",
                        l.date(r.dueDate()))));
            }
            case INCIDENT -> {
                parts.add(l.get("contacts.timeline.incident", l.of(t.incident().type())));
                voidedMark(t, parts);
                parts.add(l.get("contacts.timeline.by", l.of(t.incident().perpetrator())));
                if (t.incident().supportGiven()) {
                    parts.add(l.get("contacts.timeline.support"));
                }
            }
            case SAFEGUARDING -> {
                SafeguardingScreen s = t.screen();
                List<String> ind = new ArrayList<>();
                if (s.debtBondage()) {
                    ind.add(l.get("safeguarding.debtBondage"));
                }
                if (s.confinement()) {
                    ind.add(l.get("safeguarding.confinement"));
                }
                if (s.documentsConfiscated()) {
                    ind.add(l.get("safeguarding.documents"));
                }
                if (s.extremeControl()) {
                    ind.add(l.get("safeguarding.control"));
                }
                if (s.under18()) {
                    ind.add(l.get("safeguarding.under18"));
                }
                parts.add(l.get("contacts.timeline.screen"));
                parts.add(ind.isEmpty() ? l.get("contacts.timeline.noIndicator") : String.join(", ", ind));
            }
            default -> {
            }
        }
        return l.date(t.date()) + "   " + String.join(" · ", parts);
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    public ContactsViewModel viewModel() {
        return vm;
    }
}
