package org.outreachdesk.ui.encounter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.outreachdesk.app.EncounterService;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.contact.UicBuilderViewModel;
import org.outreachdesk.ui.contact.UicBuilderWindow;
import org.outreachdesk.ui.safeguarding.SafeguardingPane;
import org.outreachdesk.ui.safeguarding.SafeguardingRequest;
import org.outreachdesk.ui.safeguarding.SafeguardingViewModel;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Forms;

/**
 * The encounter desk, made for the keyboard: type or scan a UIC and press Enter (the contact's details fill in,
 * or Ctrl+N builds a new contact), type the quantities, tick what was done, and save with Ctrl+Enter — or Enter
 * on the note, the last field. The form empties for the next encounter with the keyboard back on the UIC; date,
 * site and worker stay. Enter moves to the next field everywhere else. The encounters of this session are listed
 * beside the form. Ctrl+G opens the safeguarding screen; someone under 18 recorded as a sex worker switches the
 * desk to it by itself.
 */
public final class EncounterDeskView extends StackPane {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW_CONTACT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAFEGUARDING = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);

    private final UiContext ctx;
    private final EncounterDeskViewModel vm;
    private final Labels l;
    private final BorderPane desk = new BorderPane();
    private final SafeguardingViewModel safeguardingVm;
    private final SafeguardingPane safeguarding;
    private final List<Control> order = new ArrayList<>();

    private final DatePicker date = Dates.picker("desk-date");
    private final TextField uic = new TextField();
    private final TextField note = new TextField();

    public EncounterDeskView(UiContext ctx) {
        this(ctx, new EncounterDeskViewModel(ctx));
    }

    public EncounterDeskView(UiContext ctx, EncounterDeskViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
        this.l = vm.labels();
        setId("encounter-desk");
        getStylesheets().add(Forms.stylesheet());
        safeguardingVm = new SafeguardingViewModel(ctx);
        safeguarding = new SafeguardingPane(safeguardingVm);
        safeguarding.setVisible(false);

        desk.setTop(header());
        desk.setCenter(form());
        desk.setRight(sessionList());
        getChildren().addAll(desk, safeguarding);

        vm.setOnSaved(() -> uic.requestFocus());
        vm.setOnProblems(this::focusFirstProblem);
        vm.setOnSafeguarding(this::showSafeguarding);
        safeguardingVm.setOnDone(r -> {
            hideSafeguarding();
            vm.safeguardingDone(r);
        });
        safeguardingVm.setOnCancel(() -> {
            hideSafeguarding();
            vm.safeguardingCancelled();
            uic.requestFocus();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (safeguarding.isVisible()) {
                return;
            }
            if (SAVE.match(e)) {
                commitDate();
                vm.save();
                e.consume();
            } else if (NEW_CONTACT.match(e)) {
                openBuilder();
                e.consume();
            } else if (SAFEGUARDING.match(e)) {
                vm.openSafeguarding();
                e.consume();
            }
        });
        // each time the section is shown: sites, staff and directory fresh (they are kept elsewhere)
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                vm.load();
            }
        });
        // the keyboard goes to the UIC (or to what the round lacks) whenever the desk is shown
        vm.setOnLoaded(first -> Platform.runLater(this::focusStart));
    }

    private Node header() {
        Label title = new Label(l.get("desk.title"));
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Wrapped message = new Wrapped();
        message.setId("desk-message");
        message.getStyleClass().add("form-message");
        message.sourceProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox h = new HBox(16, title, message);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setPadding(new Insets(0, 0, 6, 0));
        h.setMinHeight(34);
        return h;
    }

    // ---- the form ----------------------------------------------------------------------------------------

    private Node form() {
        VBox form = new VBox(8, round(), contact(), quantities(), services(), referrals(), noteAndSave());
        form.setPadding(new Insets(0, 10, 0, 0));
        form.addEventFilter(KeyEvent.KEY_PRESSED, this::enterMovesOn);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        Forms.followFocus(scroll, form);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** Date, site and worker: set once a round, carried over from one encounter to the next. */
    private Node round() {
        date.setPrefWidth(150);
        date.valueProperty().bindBidirectional(vm.dateProperty());
        ComboBox<Site> site = new ComboBox<>(vm.sites());
        site.setId("desk-site");
        site.setPrefWidth(240);
        Forms.keyboardCombo(site, s -> s.code() + " – " + s.name(), Site::code, l.get("desk.choose"));
        site.valueProperty().bindBidirectional(vm.siteProperty());
        ComboBox<Staff> worker = new ComboBox<>(vm.staff());
        worker.setId("desk-worker");
        worker.setPrefWidth(140);
        Forms.keyboardCombo(worker, Staff::code, Staff::code, l.get("desk.choose"));
        worker.valueProperty().bindBidirectional(vm.workerProperty());
        order.add(site);
        order.add(worker);

        GridPane g = grid();
        g.addRow(0, Forms.label(l.get("desk.field.date"), date), date, Forms.label(l.get("desk.field.site"), site), site,
                Forms.label(l.get("desk.field.worker"), worker), worker);
        g.add(new VBox(2, Forms.errorLabel("desk-date-error", vm.errors(), "date", date),
                Forms.errorLabel("desk-site-error", vm.errors(), "site", site),
                Forms.errorLabel("desk-worker-error", vm.errors(), "worker", worker)), 0, 1, 6, 1);
        return card(l.get("desk.round"), g);
    }

    private Node contact() {
        uic.setId("desk-uic");
        uic.setPrefColumnCount(14);
        uic.getStyleClass().add("uic-field");
        uic.setPromptText(l.get("desk.uic.prompt"));
        uic.textProperty().bindBidirectional(vm.uicProperty());
        uic.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                vm.lookup();
            }
        });
        order.add(uic);
        Button newContact = new Button(l.get("desk.newContact"));
        newContact.setId("desk-new-contact");
        newContact.setFocusTraversable(false);
        newContact.setOnAction(e -> openBuilder());
        Button screen = new Button(l.get("desk.safeguarding"));
        screen.setId("desk-safeguarding");
        screen.setFocusTraversable(false);
        // the two buttons keep their whole text (the Khmer one is long); the row has room beside the UIC
        newContact.setMinWidth(Region.USE_PREF_SIZE);
        screen.setMinWidth(Region.USE_PREF_SIZE);
        screen.setOnAction(e -> vm.openSafeguarding());
        Wrapped found = new Wrapped();
        found.setId("desk-contact");
        found.sourceProperty().bind(vm.contactTextProperty());
        vm.contactMissingProperty().addListener((obs, was, missing) -> {
            found.getStyleClass().removeAll("contact-found", "contact-missing");
            found.getStyleClass().add(missing ? "contact-missing" : "contact-found");
        });
        found.getStyleClass().add("contact-found");
        newContact.defaultButtonProperty().bind(vm.contactMissingProperty());

        HBox row = new HBox(10, Forms.label(l.get("desk.field.uic"), uic), uic, newContact, screen);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, found, Forms.errorLabel("desk-uic-error", vm.errors(), "uic", uic));
        return card(l.get("desk.contact"), box);
    }

    private Node quantities() {
        GridPane g = grid();
        VBox errors = new VBox(2);
        Map<Commodity, String> quantityField = EncounterService.QUANTITY_FIELDS;
        String[][] fields = {
            {quantityField.get(Commodity.MALE_CONDOM), "desk-male"},
            {quantityField.get(Commodity.FEMALE_CONDOM), "desk-female"},
            {quantityField.get(Commodity.LUBRICANT), "desk-lube"},
            {quantityField.get(Commodity.HIV_SELF_TEST), "desk-selftests"}};
        StringProperty[] props = {vm.maleCondomsProperty(), vm.femaleCondomsProperty(),
            vm.lubricantsProperty(), vm.hivSelfTestsProperty()};
        for (int i = 0; i < fields.length; i++) {
            TextField t = Forms.textField(fields[i][1], props[i], 6);
            t.setPromptText("0");
            Forms.digitsOnly(t, 6);
            order.add(t);
            g.add(Forms.label(l.get("desk.field." + fields[i][0]), t), i, 0);
            g.add(t, i, 1);
            errors.getChildren().add(Forms.errorLabel(fields[i][1] + "-error", vm.errors(), fields[i][0], t));
        }
        g.add(errors, 0, 2, 4, 1);
        CheckBox confirm = new CheckBox(l.get("desk.confirmLarge"));
        confirm.setId("desk-confirm-large");
        confirm.selectedProperty().bindBidirectional(vm.confirmLargeProperty());
        confirm.visibleProperty().bind(vm.confirmShownProperty());
        confirm.managedProperty().bind(confirm.visibleProperty());
        order.add(confirm);
        g.add(confirm, 0, 3, 4, 1);
        return card(l.get("desk.given"), g);
    }

    private Node services() {
        ComboBox<HivStatus> hiv = new ComboBox<>();
        hiv.setId("desk-hiv");
        hiv.getItems().add(null);
        hiv.getItems().addAll(HivStatus.values());
        hiv.setPrefWidth(200);
        Forms.keyboardCombo(hiv, l::of, null, l.get("desk.hiv.notAsked"));
        hiv.valueProperty().bindBidirectional(vm.hivStatusProperty());
        CheckBox sti = check("desk-sti", l.get("desk.field.sti"), vm.stiScreenedProperty());
        CheckBox edu = check("desk-education", l.get("desk.field.education"), vm.educationProperty());
        CheckBox demo = check("desk-demo", l.get("desk.field.demo"), vm.condomDemoProperty());
        ComboBox<EncounterType> type = new ComboBox<>();
        type.setId("desk-type");
        type.getItems().setAll(EncounterType.values());
        Forms.keyboardCombo(type, l::of, null, null);
        type.valueProperty().bindBidirectional(vm.typeProperty());
        order.add(hiv);
        order.add(sti);
        order.add(edu);
        order.add(demo);
        order.add(type);
        GridPane g = grid();
        g.addRow(0, Forms.label(l.get("desk.field.hiv"), hiv), hiv, sti, edu, demo);
        g.addRow(1, Forms.label(l.get("desk.field.type"), type), type);
        return card(l.get("desk.services"), g);
    }

    private Node referrals() {
        GridPane boxes = grid();
        boxes.setVgap(4);
        VBox details = new VBox(4);
        Map<ServiceType, CheckBox> checks = new EnumMap<>(ServiceType.class);
        int i = 0;
        for (ServiceType s : EncounterDeskViewModel.DESK_SERVICES) {
            CheckBox c = check("desk-ref-" + s.code(), l.of(s), vm.referralProperty(s));
            checks.put(s, c);
            boxes.add(c, i % 4, i / 4);
            order.add(c);
            i++;
        }
        for (ServiceType s : EncounterDeskViewModel.DESK_SERVICES) {
            details.getChildren().add(referralRow(s));
        }
        Label hint = Forms.hint(l.get("desk.referrals.hint"));
        return card(l.get("desk.referrals"), new VBox(6, boxes, details, hint));
    }

    /** Destination and due date of one ticked referral (hidden while it is not ticked). */
    private Node referralRow(ServiceType s) {
        Label name = new Label(l.of(s));
        name.setMinWidth(130);
        name.getStyleClass().add("group-title");
        ComboBox<DirectoryEntry> dest = new ComboBox<>();
        dest.setId("desk-dest-" + s.code());
        dest.setPrefWidth(280);
        Forms.keyboardCombo(dest, DirectoryEntry::name, null, l.get("desk.destination.later"));
        Runnable fill = () -> {
            DirectoryEntry keep = dest.getValue();
            dest.getItems().setAll((DirectoryEntry) null);
            dest.getItems().addAll(vm.destinationsFor(s));
            dest.setValue(dest.getItems().contains(keep) ? keep : null);
        };
        vm.choicesProperty().addListener((obs, old, now) -> fill.run());
        fill.run();
        dest.valueProperty().bindBidirectional(vm.destinationProperty(s));
        DatePicker due = Dates.picker("desk-due-" + s.code());
        due.setPrefWidth(150);
        due.valueProperty().bindBidirectional(vm.dueDateProperty(s));
        due.promptTextProperty().bind(Bindings.createStringBinding(() -> vm.dateProperty().get() == null ? ""
                : Dates.format(vm.dateProperty().get().plusDays(7)), vm.dateProperty()));
        HBox row = new HBox(8, name, Forms.label(l.get("desk.destination"), dest), dest,
                Forms.label(l.get("desk.due"), due), due);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, row, Forms.errorLabel("desk-ref-error-" + s.code(), vm.errors(), "referral." + s.code(),
                dest));
        box.visibleProperty().bind(vm.referralProperty(s));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node noteAndSave() {
        note.setId("desk-note");
        note.setPrefColumnCount(50);
        note.setPromptText(l.get("desk.note.prompt"));
        note.textProperty().bindBidirectional(vm.noteProperty());
        order.add(note);
        Button save = new Button(l.get("desk.save"));
        save.setId("desk-save");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> {
            commitDate();
            vm.save();
        });
        Button clear = new Button(l.get("desk.clear"));
        clear.setId("desk-clear");
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> {
            vm.clearEncounter();
            uic.requestFocus();
        });
        save.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox noteRow = new HBox(10, Forms.label(l.get("desk.field.note"), note), note);
        noteRow.setAlignment(Pos.CENTER_LEFT);
        Label keys = Forms.hint(l.get("desk.keys"));
        keys.setId("desk-keys");
        HBox.setHgrow(keys, Priority.ALWAYS);
        HBox buttons = new HBox(10, save, clear, keys);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, noteRow, Forms.errorLabel("desk-note-error", vm.errors(), "note", note), buttons);
        return card(null, box);
    }

    /** Enter in the UIC looks it up and moves on; on the note it saves; elsewhere it moves to the next field. */
    private void enterMovesOn(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return;
        }
        Object target = e.getTarget();
        if (target instanceof ComboBox<?> c && c.isShowing()) {
            return;
        }
        if (target == uic) {
            if (vm.lookup()) {
                next(uic);
            }
            e.consume();
        } else if (target == note) {
            vm.save();
            e.consume();
        } else if (target instanceof Control c && order.contains(c)) {
            next(c);
            e.consume();
        } else if (target == date.getEditor() || target == date) {
            // let the date picker take the typed date, then go on
            Platform.runLater(() -> order.get(0).requestFocus());
        }
    }

    private void next(Control from) {
        int at = order.indexOf(from);
        for (int k = at + 1; k < order.size(); k++) {
            Control c = order.get(k);
            if (c.isVisible() && !c.isDisabled() && c.isManaged()) {
                c.requestFocus();
                return;
            }
        }
    }

    private void commitDate() {
        // a date typed but not yet confirmed with Enter still counts
        if (date.getEditor().isFocused()) {
            try {
                date.setValue(date.getConverter().fromString(date.getEditor().getText()));
            } catch (RuntimeException ignored) {
                // the picker keeps its last valid value; the service reports a missing date
            }
        }
    }

    /** Puts the keyboard on the first field with a message (or on the confirmation of a large quantity). */
    private void focusFirstProblem() {
        if (vm.confirmShownProperty().get() && !vm.confirmLargeProperty().get()) {
            order.stream().filter(c -> "desk-confirm-large".equals(c.getId())).findFirst()
                    .ifPresent(Control::requestFocus);
            return;
        }
        List<Control> withUicFirst = new ArrayList<>(order);
        withUicFirst.add(0, date);
        for (Control c : withUicFirst) {
            if (c.getStyleClass().contains("has-error") && c.isVisible()) {
                c.requestFocus();
                return;
            }
        }
    }

    /** On opening: the UIC when the round is set, otherwise the first thing of the round missing. */
    private void focusStart() {
        if (vm.siteProperty().get() == null) {
            order.get(0).requestFocus();
        } else if (vm.workerProperty().get() == null) {
            order.get(1).requestFocus();
        } else {
            uic.requestFocus();
        }
    }

    // ---- the session -------------------------------------------------------------------------------------

    private Node sessionList() {
        Label count = new Label();
        count.setId("desk-session-count");
        count.getStyleClass().add("group-title");
        count.textProperty().bind(Bindings.createStringBinding(() -> l.get("desk.session", vm.session().size()),
                vm.session()));
        TableView<EncounterDeskViewModel.SessionRow> table = new TableView<>(vm.session());
        table.setId("desk-session");
        table.setFocusTraversable(false);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", r -> String.valueOf(r.number()), 34));
        table.getColumns().add(column(l.get("desk.field.uic"), EncounterDeskViewModel.SessionRow::uic, 105));
        table.getColumns().add(column(l.get("desk.session.given"), EncounterDeskViewModel.SessionRow::given, 120));
        table.getColumns().add(column(l.get("desk.referrals"), EncounterDeskViewModel.SessionRow::referrals, 80));
        table.setPlaceholder(new Label(l.get("desk.session.empty")));
        vm.session().addListener((ListChangeListener<EncounterDeskViewModel.SessionRow>) c -> table.scrollTo(0));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, count, table);
        box.setPrefWidth(370);
        box.setMinWidth(300);
        return box;
    }

    private static TableColumn<EncounterDeskViewModel.SessionRow, String> column(String title,
            Function<EncounterDeskViewModel.SessionRow, String> value, double width) {
        TableColumn<EncounterDeskViewModel.SessionRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    // ---- new contact and safeguarding --------------------------------------------------------------------

    private void openBuilder() {
        UicBuilderViewModel builder = new UicBuilderViewModel(ctx, vm.newContactDefaults(), vm.sites(), vm.staff());
        UicBuilderWindow.open(getScene().getWindow(), builder, c -> {
            vm.useContact(c);
            if (!safeguarding.isVisible()) {
                order.get(order.indexOf(uic) + 1).requestFocus();
            }
        }, this::showSafeguarding);
    }

    private void showSafeguarding(SafeguardingRequest r) {
        safeguardingVm.start(r);
        desk.setVisible(false);
        safeguarding.setVisible(true);
        safeguarding.focusFirst();
    }

    private void hideSafeguarding() {
        safeguarding.setVisible(false);
        desk.setVisible(true);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static CheckBox check(String id, String text, BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private static Node card(String title, Node content) {
        VBox box = new VBox(6);
        box.getStyleClass().add("desk-card");
        if (title != null) {
            Label t = new Label(title);
            t.getStyleClass().add("group-title");
            box.getChildren().add(t);
        }
        box.getChildren().add(content);
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    public EncounterDeskViewModel viewModel() {
        return vm;
    }
}
