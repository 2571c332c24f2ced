package org.outreachdesk.ui.contact;

import java.time.ZoneId;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.domain.ContactListing;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.Dates;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;

/**
 * The windows a contact's page opens to correct it (issue 14): "Correct…" (the profile), "Merge with…" (find the
 * other contact by UIC, choose which UIC stays) and "History" (the shared {@link HistoryPane}). "Correct UIC…" is the
 * UIC builder in its correcting mode ({@link UicBuilderViewModel#correcting}). No window title names a UIC.
 */
public final class ContactCorrectionWindows {

    private ContactCorrectionWindows() {
    }

    /** The profile form; {@code onDone} gets the contact as corrected. */
    public static Stage profile(Window owner, UiContext ctx, ContactListing c, Consumer<ContactListing> onDone) {
        ContactCorrectionViewModel vm = new ContactCorrectionViewModel(ctx, c);
        Labels l = vm.labels();
        ComboBox<Gender> gender = new ComboBox<>();
        gender.setId("correct-gender");
        gender.getItems().setAll(Gender.values());
        Forms.keyboardCombo(gender, l::of, Gender::code, null);
        gender.valueProperty().bindBidirectional(vm.genderProperty());
        ComboBox<KpType> kp = new ComboBox<>();
        kp.setId("correct-kp");
        kp.getItems().setAll(KpType.values());
        Forms.keyboardCombo(kp, k -> k.code() + " – " + l.of(k), KpType::code, null);
        kp.valueProperty().bindBidirectional(vm.kpTypeProperty());
        TextField year = Forms.textField("correct-birth-year", vm.birthYearProperty(), 5);
        Forms.digitsOnly(year, 4);
        ComboBox<Site> site = new ComboBox<>();
        site.setId("correct-site");
        vm.sites().addListener((ListChangeListener<Site>) ch -> {
            site.getItems().setAll((Site) null);
            site.getItems().addAll(vm.sites());
            site.setValue(vm.homeSiteProperty().get());
        });
        Forms.keyboardCombo(site, s -> s.code() + " – " + s.name(), Site::code, l.get("builder.none"));
        site.valueProperty().bindBidirectional(vm.homeSiteProperty());
        ComboBox<Staff> worker = new ComboBox<>();
        worker.setId("correct-worker");
        vm.staff().addListener((ListChangeListener<Staff>) ch -> {
            worker.getItems().setAll((Staff) null);
            worker.getItems().addAll(vm.staff());
            worker.setValue(vm.workerProperty().get());
        });
        Forms.keyboardCombo(worker, Staff::code, Staff::code, l.get("builder.none"));
        worker.valueProperty().bindBidirectional(vm.workerProperty());
        ComboBox<ContactStatus> status = new ComboBox<>();
        status.setId("correct-status");
        status.getItems().setAll(ContactStatus.values());
        Forms.keyboardCombo(status, l::of, null, null);
        status.valueProperty().bindBidirectional(vm.statusProperty());
        DatePicker statusDate = Dates.picker("correct-status-date");
        statusDate.valueProperty().bindBidirectional(vm.statusDateProperty());
        TextField note = Forms.textField("correct-note", vm.noteProperty(), 30);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        int r = 0;
        form.addRow(r++, Forms.label(l.get("builder.gender"), gender), gender, Forms.label(l.get("builder.kp"), kp), kp);
        form.add(Forms.errorLabel("correct-gender-error", vm.errors(), "gender", gender), 1, r);
        form.add(Forms.errorLabel("correct-kp-error", vm.errors(), "kpType", kp), 3, r++);
        form.addRow(r++, Forms.label(l.get("correct.birthYear"), year), year);
        form.add(Forms.errorLabel("correct-year-error", vm.errors(), "birthYear", year), 1, r++, 3, 1);
        form.addRow(r++, Forms.label(l.get("builder.site"), site), site, Forms.label(l.get("builder.worker"), worker),
                worker);
        form.addRow(r++, Forms.label(l.get("contacts.status"), status), status,
                Forms.label(l.get("correct.statusDate"), statusDate), statusDate);
        form.add(Forms.errorLabel("correct-status-error", vm.errors(), "statusDate", statusDate), 1, r++, 3, 1);
        form.addRow(r++, Forms.label(l.get("builder.note"), note), note);
        GridPane.setColumnSpan(note, 3);
        form.add(Forms.errorLabel("correct-note-error", vm.errors(), "note", note), 1, r++, 3, 1);

        Button save = new Button(l.get("correct.save"));
        save.setId("correct-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.saveProfile());
        VBox root = new VBox(8, title(l, "correct.title"), Forms.hint(l.get("correct.hint")), form, message(vm, "correct-message"));
        Stage stage = stage(owner, ctx, l.get("correct.title"), root, save);
        vm.messageProperty().addListener((o, a, b) -> stage.sizeToScene());
        vm.errors().addListener((MapChangeListener<String, String>) ch -> stage.sizeToScene());
        vm.setOnDone(done -> {
            stage.close();
            onDone.accept(done);
        });
        vm.loadChoices();
        stage.show();
        gender.requestFocus();
        return stage;
    }

    /** "Merge with…": the other contact by its UIC, then which UIC stays; {@code onDone} gets the contact kept. */
    public static Stage merge(Window owner, UiContext ctx, ContactListing c, Consumer<ContactListing> onDone) {
        ContactCorrectionViewModel vm = new ContactCorrectionViewModel(ctx, c);
        Labels l = vm.labels();
        TextField uic = Forms.textField("merge-uic", vm.otherUicProperty(), 14);
        uic.getStyleClass().add("uic-field");
        uic.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.findOther();
                e.consume();
            }
        });
        Button find = new Button(l.get("merge.find"));
        find.setId("merge-find");
        find.setOnAction(e -> vm.findOther());
        HBox findRow = new HBox(8, Forms.label(l.get("merge.other"), uic), uic, find);
        findRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup keep = new ToggleGroup();
        RadioButton keepThis = new RadioButton();
        keepThis.setId("merge-keep-this");
        keepThis.setToggleGroup(keep);
        keepThis.setSelected(true);
        keepThis.setWrapText(true);
        keepThis.setText(l.get("merge.keep", UicBuilderWindow.describe(c, l)));
        RadioButton keepOther = new RadioButton();
        keepOther.setId("merge-keep-other");
        keepOther.setToggleGroup(keep);
        keepOther.setWrapText(true);
        keepOther.textProperty().bind(Bindings.createStringBinding(() -> vm.otherProperty().get() == null ? ""
                : l.get("merge.keep", UicBuilderWindow.describe(vm.otherProperty().get(), l)), vm.otherProperty()));
        vm.keepThisProperty().bind(keepThis.selectedProperty());
        VBox choice = new VBox(6, Forms.hint(l.get("merge.choose")), keepThis, keepOther);
        choice.visibleProperty().bind(vm.otherProperty().isNotNull());
        choice.managedProperty().bind(choice.visibleProperty());

        Button merge = new Button(l.get("merge.do"));
        merge.setId("merge-do");
        merge.disableProperty().bind(vm.otherProperty().isNull().or(vm.busyProperty()));
        merge.setOnAction(e -> vm.merge());
        VBox root = new VBox(8, title(l, "merge.title"), Forms.hint(l.get("merge.hint")), findRow,
                Forms.errorLabel("merge-uic-error", vm.errors(), "uic", uic), choice, message(vm, "merge-message"));
        Stage stage = stage(owner, ctx, l.get("merge.title"), root, merge);
        // the choice and the messages come and go: the window follows their height
        vm.otherProperty().addListener((o, a, b) -> stage.sizeToScene());
        vm.messageProperty().addListener((o, a, b) -> stage.sizeToScene());
        vm.errors().addListener((MapChangeListener<String, String>) ch -> stage.sizeToScene());
        vm.setOnDone(done -> {
            stage.close();
            onDone.accept(done);
        });
        stage.show();
        uic.requestFocus();
        return stage;
    }

    /** The contact's versions. */
    public static Stage history(Window owner, UiContext ctx, ContactListing c) {
        ContactCorrectionViewModel vm = new ContactCorrectionViewModel(ctx, c);
        Labels l = vm.labels();
        VBox holder = new VBox(8, title(l, "history.title"));
        Button close = new Button(l.get("correct.close"));
        close.setId("history-close");
        Stage stage = stage(owner, ctx, l.get("history.title"), holder, close);
        close.setOnAction(e -> stage.close());
        // the site and worker codes first, then the history shown with them
        vm.sites().addListener((ListChangeListener<Site>) ch -> vm.loadHistory(changes -> {
            HistoryPane pane = new HistoryPane(l, ZoneId.systemDefault(), vm.historyValues());
            pane.setPrefSize(820, 360);
            pane.show(changes);
            holder.getChildren().add(1, pane);
            stage.sizeToScene();
        }));
        vm.loadChoices();
        stage.show();
        return stage;
    }

    private static Label title(Labels l, String key) {
        Label t = new Label(l.get(key));
        t.getStyleClass().add("section-title");
        return t;
    }

    private static Wrapped message(ContactCorrectionViewModel vm, String id) {
        Wrapped m = new Wrapped();
        m.setId(id);
        m.getStyleClass().add("form-message");
        m.sourceProperty().bind(vm.messageProperty());
        return m;
    }

    private static Stage stage(Window owner, UiContext ctx, String title, VBox content, Button action) {
        Labels l = new Labels(ctx.messages());
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Button cancel = new Button(l.get("builder.cancel"));
        cancel.setId("correction-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(10, action);
        if (!action.getId().equals("history-close")) {
            buttons.getChildren().add(cancel);
        }
        content.getChildren().add(buttons);
        content.setPadding(new Insets(14));
        content.setPrefWidth(720);
        content.getStylesheets().add(Forms.stylesheet());
        Parent root = content;
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Styles.url());
        // a window of its own: the main window's Khmer font does not reach it
        Fonts.apply(root, ctx.messages().locale());
        stage.setScene(scene);
        return stage;
    }
}
