package org.outreachdesk.ui.contact;

import java.util.Arrays;
import java.util.function.Consumer;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.Wrapped;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.safeguarding.SafeguardingRequest;

/**
 * The new-contact window: the UIC builder (first letters of the mother's and father's first names, sex at
 * birth, birth date, each part may be unknown; the code shows as it forms) and the contact's details. When the
 * code is one edit away from an existing contact with the same birth date it asks "same person?" before creating.
 * Only the code is stored; the answers are cleared when the window closes, however it closes.
 */
public final class UicBuilderWindow {

    private final UicBuilderViewModel vm;
    private final Labels l;
    private final Stage stage = new Stage();
    // the answers (cleared when the window closes)
    private final TextField mother = new TextField();
    private final TextField father = new TextField();
    private final ComboBox<Uic.SexAtBirth> sex = new ComboBox<>();
    private final TextField day;
    private final TextField month;
    private final TextField year;
    // the contact's details
    private final ComboBox<Gender> gender = new ComboBox<>();
    private final ComboBox<KpType> kp = new ComboBox<>();
    private final ComboBox<Site> site = new ComboBox<>();
    private final ComboBox<Staff> worker = new ComboBox<>();
    private final TextField note;

    private UicBuilderWindow(Window owner, UicBuilderViewModel vm) {
        this.vm = vm;
        this.l = vm.labels();
        this.day = digits("builder-day", 2, vm.dayProperty());
        this.month = digits("builder-month", 2, vm.monthProperty());
        this.year = digits("builder-year", 4, vm.yearProperty());
        this.note = Forms.textField("builder-note", vm.noteProperty(), 30);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        String titleKey = vm.isCorrecting() ? "builder.correct.title" : "builder.title";
        stage.setTitle(l.get(titleKey));

        Label title = new Label(l.get(titleKey));
        title.getStyleClass().add("section-title");
        Label privacy = Forms.hint(l.get("builder.privacy"));
        Wrapped question = question();
        Label detailsTitle = groupTitle("builder.details");
        GridPane details = details();
        VBox root = new VBox(8, title, privacy, preview(), groupTitle("builder.parts"), answers(), new Separator(),
                detailsTitle, details, question, samePerson(), buttons());
        if (vm.isCorrecting()) {
            // a UIC correction asks for the code only: the details are the contact's own
            root.getChildren().removeAll(detailsTitle, details);
            root.getChildren().add(3, Forms.hint(l.get("builder.correct.hint")));
        }
        root.setId("uic-builder");
        root.setPrefWidth(860);
        root.setPadding(new Insets(14));
        root.getStylesheets().add(Forms.stylesheet());
        enterMovesOn(root);

        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("edge-to-edge");
        Forms.followFocus(scroll, root);
        Scene scene = new Scene(scroll);
        scene.getStylesheets().add(Styles.url());
        // a window of its own: the main window's Khmer font does not reach it
        Fonts.apply(scroll, l.messages().locale());
        stage.setScene(scene);
        // the answers leave with the window, whichever way it closes
        stage.setOnHidden(e -> {
            vm.clear();
            mother.clear();
            father.clear();
            day.clear();
            month.clear();
            year.clear();
        });
    }

    /** The code as it forms, with its hint. */
    private VBox preview() {
        Label preview = new Label();
        preview.setId("builder-preview");
        preview.getStyleClass().add("uic-preview");
        preview.textProperty().bind(vm.previewProperty());
        Label previewHint = Forms.hint(l.get("builder.preview.hint"));
        return new VBox(2, Forms.label(l.get("builder.preview"), preview), preview, previewHint);
    }

    private Label groupTitle(String key) {
        Label t = new Label(l.get(key));
        t.getStyleClass().add("group-title");
        return t;
    }

    /** The parts of the code: mother's and father's letters, sex at birth, birth date, each with its errors. */
    private GridPane answers() {
        mother.setId("builder-mother");
        mother.setPrefColumnCount(3);
        mother.setMaxWidth(Region.USE_PREF_SIZE);
        Forms.lettersOnly(mother, 2);
        mother.textProperty().bindBidirectional(vm.motherProperty());
        father.setId("builder-father");
        father.setPrefColumnCount(3);
        father.setMaxWidth(Region.USE_PREF_SIZE);
        Forms.lettersOnly(father, 2);
        father.textProperty().bindBidirectional(vm.fatherProperty());
        sex.setId("builder-sex");
        sex.getItems().setAll(Uic.SexAtBirth.values());
        Forms.keyboardCombo(sex, l::of, s -> s.name().substring(0, 1), l.get("builder.choose"));
        sex.valueProperty().bindBidirectional(vm.sexProperty());

        GridPane parts = new GridPane();
        parts.setHgap(10);
        parts.setVgap(4);
        int r = 0;
        HBox motherRow = new HBox(10, mother, Forms.hint(l.get("builder.letters.hint")));
        motherRow.setAlignment(Pos.CENTER_LEFT);
        parts.addRow(r++, Forms.label(l.get("builder.mother"), mother), motherRow);
        parts.add(Forms.errorLabel("builder-mother-error", vm.errors(), "mother", mother), 1, r++, 2, 1);
        parts.addRow(r++, Forms.label(l.get("builder.father"), father), father);
        parts.addRow(r++, Forms.label(l.get("builder.sex"), sex), sex);
        parts.add(Forms.errorLabel("builder-sex-error", vm.errors(), "sex", sex), 1, r++, 2, 1);
        HBox dob = new HBox(6, day, new Label("/"), month, new Label("/"), year);
        dob.setAlignment(Pos.CENTER_LEFT);
        parts.addRow(r++, Forms.label(l.get("builder.dob"), day), dob);
        VBox dobErrors = new VBox(Forms.hint(l.get("builder.dob.hint")),
                Forms.errorLabel("builder-day-error", vm.errors(), "birthDay", day),
                Forms.errorLabel("builder-month-error", vm.errors(), "birthMonth", month),
                Forms.errorLabel("builder-year-error", vm.errors(), "birthYear", year));
        parts.add(dobErrors, 1, r, 2, 1);
        return parts;
    }

    /** The contact's details: gender, KP type, home site, worker, note. */
    private GridPane details() {
        gender.setId("builder-gender");
        gender.getItems().setAll(Gender.values());
        Forms.keyboardCombo(gender, l::of, Gender::code, l.get("builder.choose"));
        gender.valueProperty().bindBidirectional(vm.genderProperty());
        kp.setId("builder-kp");
        kp.getItems().setAll(KpType.values());
        Forms.keyboardCombo(kp, k -> k.code() + " – " + l.of(k), KpType::code, l.get("builder.choose"));
        kp.valueProperty().bindBidirectional(vm.kpTypeProperty());
        site.setId("builder-site");
        site.getItems().add(null);
        site.getItems().addAll(vm.sites());
        Forms.keyboardCombo(site, s -> s.code() + " – " + s.name(), Site::code, l.get("builder.none"));
        site.valueProperty().bindBidirectional(vm.homeSiteProperty());
        worker.setId("builder-worker");
        worker.getItems().add(null);
        worker.getItems().addAll(vm.staff());
        Forms.keyboardCombo(worker, Staff::code, Staff::code, l.get("builder.none"));
        worker.valueProperty().bindBidirectional(vm.workerProperty());

        GridPane details = new GridPane();
        details.setHgap(10);
        details.setVgap(4);
        int r = 0;
        details.addRow(r++, Forms.label(l.get("builder.gender"), gender), gender,
                Forms.label(l.get("builder.kp"), kp), kp);
        details.add(Forms.errorLabel("builder-gender-error", vm.errors(), "gender", gender), 1, r);
        details.add(Forms.errorLabel("builder-kp-error", vm.errors(), "kpType", kp), 3, r++);
        details.addRow(r++, Forms.label(l.get("builder.site"), site), site,
                Forms.label(l.get("builder.worker"), worker), worker);
        details.addRow(r++, Forms.label(l.get("builder.note"), note), note);
        GridPane.setColumnSpan(note, 3);
        details.add(Forms.errorLabel("builder-note-error", vm.errors(), "note", note), 1, r, 3, 1);
        return details;
    }

    /** The view-model's message ("same person?"), shown only when there is one. */
    private Wrapped question() {
        Wrapped question = new Wrapped();
        question.setId("builder-question");
        question.getStyleClass().add("group-title");
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.sourceProperty().bind(vm.messageProperty());
        question.visibleProperty().bind(question.sourceProperty().isNotEmpty());
        question.managedProperty().bind(question.visibleProperty());
        return question;
    }

    /** The near matches with "use this contact" and "create a new one", shown while the view-model asks. */
    private VBox samePerson() {
        ListView<ContactListing> candidates = new ListView<>(vm.candidates());
        candidates.setId("builder-candidates");
        candidates.setPrefHeight(90);
        candidates.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ContactListing item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item, l));
            }
        });
        Button useExisting = new Button(l.get("builder.useExisting"));
        useExisting.setId("builder-use-existing");
        useExisting.setOnAction(e -> {
            ContactListing chosen = candidates.getSelectionModel().getSelectedItem();
            vm.useExisting(chosen != null ? chosen : vm.candidates().get(0));
        });
        Button createNew = new Button(l.get("builder.createNew"));
        createNew.setId("builder-create-new");
        createNew.setOnAction(e -> vm.createAnyway());
        createNew.visibleProperty().bind(vm.exactMatchProperty().not());
        createNew.managedProperty().bind(createNew.visibleProperty());
        VBox samePerson = new VBox(6, candidates, new HBox(10, useExisting, createNew));
        samePerson.setId("builder-same-person");
        samePerson.getStyleClass().add("same-person");
        samePerson.visibleProperty().bind(vm.askSamePersonProperty());
        samePerson.managedProperty().bind(samePerson.visibleProperty());
        vm.askSamePersonProperty().addListener((obs, old, now) -> {
            if (now) {
                candidates.getSelectionModel().selectFirst();
                useExisting.requestFocus();
                stage.sizeToScene();
            }
        });
        return samePerson;
    }

    /** Create (or save the correction) and cancel, with the keys hint. */
    private HBox buttons() {
        Button create = new Button(l.get(vm.isCorrecting() ? "builder.correct.save" : "builder.create"));
        create.setId("builder-create");
        create.disableProperty().bind(vm.busyProperty());
        create.setOnAction(e -> vm.create());
        Button cancel = new Button(l.get("builder.cancel"));
        cancel.setId("builder-cancel");
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(10, create, cancel,
                Forms.hint(l.get(vm.isCorrecting() ? "builder.correct.keys" : "builder.keys")));
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    /** Enter moves on through the answers and creates from the last; Ctrl+Enter creates from anywhere; Esc closes. */
    private void enterMovesOn(VBox root) {
        Control[] order = vm.isCorrecting() ? new Control[] {mother, father, sex, day, month, year}
                : new Control[] {mother, father, sex, day, month, year, gender, kp, site, worker, note};
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.create();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isShiftDown()) {
                Object t = e.getTarget();
                int at = Arrays.asList(order).indexOf(t);
                if (t instanceof ComboBox<?> c && c.isShowing()) {
                    return;
                }
                if (at == order.length - 1) {
                    vm.create();
                    e.consume();
                } else if (at >= 0) {
                    order[at + 1].requestFocus();
                    e.consume();
                }
            }
        });
    }

    static String describe(ContactListing item, Labels l) {
        var c = item.contact();
        return c.uic().value() + "   " + l.of(c.gender()) + " · " + c.kpType().code()
                + (c.birthYear() == null ? "" : " · " + l.get("desk.contact.born", String.valueOf(c.birthYear())))
                + (item.homeSiteCode() == null ? "" : " · " + item.homeSiteCode())
                + " · " + (item.lastEncounter() == null ? l.get("desk.contact.neverMet")
                : l.get("desk.contact.lastSeen", l.date(item.lastEncounter())));
    }

    private static TextField digits(String id, int max, StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(max == 4 ? 5 : 3);
        t.setMaxWidth(Region.USE_PREF_SIZE);
        Forms.digitsOnly(t, max);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    /**
     * Opens the window. {@code onContact} gets the contact created or chosen ("same person"); {@code onSafeguarding}
     * is called instead when the answers describe a child recorded as a sex worker. Either closes the window.
     */
    public static Stage open(Window owner, UicBuilderViewModel vm, Consumer<ContactListing> onContact,
                             Consumer<SafeguardingRequest> onSafeguarding) {
        UicBuilderWindow w = new UicBuilderWindow(owner, vm);
        vm.setOnDone(c -> {
            w.stage.close();
            onContact.accept(c);
        });
        vm.setOnSafeguarding(r -> {
            w.stage.close();
            onSafeguarding.accept(r);
        });
        // never taller than the screen (1366x768 laptops): the window scrolls instead
        w.stage.setMaxHeight(Screen.getPrimary().getVisualBounds().getHeight());
        w.stage.show();
        w.mother.requestFocus();
        return w.stage;
    }
}
