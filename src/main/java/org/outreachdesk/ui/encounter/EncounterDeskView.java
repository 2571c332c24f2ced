package org.outreachdesk.ui.encounter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.contact.UicBuilderViewModel;
import org.outreachdesk.ui.contact.UicBuilderWindow;
import org.outreachdesk.ui.safeguarding.SafeguardingPane;
import org.outreachdesk.ui.safeguarding.SafeguardingRequest;
import org.outreachdesk.ui.safeguarding.SafeguardingViewModel;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.encounters.EncounterFormParts;
import org.outreachdesk.ui.encounters.EncounterCorrectionWindow;
import org.outreachdesk.ui.common.CorrectionFx;
import javafx.beans.property.SimpleObjectProperty;

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
    private static final KeyCombination SESSION = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    private final UiContext ctx;
    private final EncounterDeskViewModel vm;
    private final Labels l;
    private final BorderPane desk = new BorderPane();
    private final SafeguardingViewModel safeguardingVm;
    private final SafeguardingPane safeguarding;
    private final List<Control> order = new ArrayList<>();

    private final EncounterFormParts parts;
    private final TextField uic = new TextField();
    private TextField note;
    private final TableView<EncounterDeskViewModel.SessionRow> table = new TableView<>();

    public EncounterDeskView(UiContext ctx) {
        this(ctx, new EncounterDeskViewModel(ctx));
    }

    public EncounterDeskView(UiContext ctx, EncounterDeskViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
        this.l = vm.labels();
        this.parts = new EncounterFormParts(vm.fields(), l, "desk", order);
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
        vm.setOnProblems(parts::focusFirstProblem);
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
                parts.commitDate();
                vm.save();
                e.consume();
            } else if (NEW_CONTACT.match(e)) {
                openBuilder();
                e.consume();
            } else if (SAFEGUARDING.match(e)) {
                vm.openSafeguarding();
                e.consume();
            } else if (SESSION.match(e)) {
                toSession();
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
        VBox form = new VBox(8, parts.round(l.get("desk.round")), contact(), parts.quantities(), parts.services(),
                parts.referrals(l.get("desk.referrals"), l.get("desk.referrals.hint")), noteAndSave());
        form.setPadding(new Insets(0, 10, 0, 0));
        form.addEventFilter(KeyEvent.KEY_PRESSED, this::enterMovesOn);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        Forms.followFocus(scroll, form);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
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

        // the code keeps the width of its 14 characters; when the Khmer buttons do not fit beside it (a narrow
        // window), they go to the next line instead of squeezing the code or each other
        uic.setMinWidth(Region.USE_PREF_SIZE);
        HBox code = new HBox(10, Forms.label(l.get("desk.field.uic"), uic), uic);
        code.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(10, 6, code, newContact, screen);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("desk-contact-row");
        VBox box = new VBox(6, row, found, Forms.errorLabel("desk-uic-error", vm.errors(), "uic", uic));
        return EncounterFormParts.card(l.get("desk.contact"), box);
    }

    private Node noteAndSave() {
        note = parts.note();
        Button save = new Button(l.get("desk.save"));
        save.setId("desk-save");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> {
            parts.commitDate();
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
        return EncounterFormParts.card(null, box);
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
                parts.next(uic);
            }
            e.consume();
        } else if (target == note) {
            vm.save();
            e.consume();
        } else if (target instanceof Control c && order.contains(c)) {
            parts.next(c);
            e.consume();
        } else if (target == parts.date().getEditor() || target == parts.date()) {
            // let the date picker take the typed date, then go on
            Platform.runLater(() -> order.get(0).requestFocus());
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
        table.setItems(vm.session());
        table.setId("desk-session");
        table.setFocusTraversable(false);
        CorrectionFx.register(table, EncounterDeskViewModel.SessionRow::voided, new SimpleObjectProperty<>());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                uic.requestFocus();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        Button open = CorrectionFx.button("desk-session-open", l.get("desk.session.open"));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Label keys = Forms.hint(l.get("desk.session.keys"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", r -> String.valueOf(r.number()), 34));
        table.getColumns().add(column(l.get("desk.field.uic"), EncounterDeskViewModel.SessionRow::uic, 105));
        table.getColumns().add(column(l.get("desk.session.given"), EncounterDeskViewModel.SessionRow::given, 120));
        table.getColumns().add(column(l.get("desk.referrals"), EncounterDeskViewModel.SessionRow::referrals, 80));
        table.setPlaceholder(new Label(l.get("desk.session.empty")));
        vm.session().addListener((ListChangeListener<EncounterDeskViewModel.SessionRow>) c -> table.scrollTo(0));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, count, table, new HBox(8, open, keys));
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

    /** Ctrl+E: the keyboard to this session's list, on the last encounter saved (Enter opens it, Escape goes back). */
    private void toSession() {
        if (vm.session().isEmpty()) {
            return;
        }
        if (table.getSelectionModel().getSelectedItem() == null) {
            table.getSelectionModel().select(0);
        }
        table.requestFocus();
    }

    /** Opens the selected encounter of this session to correct or void it; its row follows what was saved. */
    private void openSelected() {
        EncounterDeskViewModel.SessionRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            EncounterCorrectionWindow.open(getScene().getWindow(), ctx, row.encounterId(), () -> vm.reread(row));
        }
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

    public EncounterDeskViewModel viewModel() {
        return vm;
    }
}
