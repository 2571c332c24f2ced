package org.outreachdesk.ui.common;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

import org.outreachdesk.domain.RecordChange;
import org.outreachdesk.domain.VoidReason;

/**
 * What the referral, incident and stock screens share for corrections (issue 14): the "Correct…", "Void…" and
 * "History" buttons, the void dialog (a reason must be chosen), a correction form in a dialog, and voided rows of a
 * register shown struck through.
 */
public final class CorrectionFx {

    /** The style class of a voided row of a register (struck through, greyed; ops.css). */
    public static final String VOIDED = "voided";

    private CorrectionFx() {
    }

    /** A button of the row actions ({@code <prefix>-correct}, {@code -void}, {@code -history}). */
    public static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /**
     * The row actions of a list: "Correct…" and "Void…" ({@code <prefix>-correct}, {@code <prefix>-void}), enabled
     * while the selected row may be changed and nothing is being saved, and "History" ({@code <prefix>-history})
     * for any selected row.
     */
    public static <T> List<Button> rowActions(String prefix, Messages m, ObjectProperty<T> selected,
                                              Predicate<T> mayChange, BooleanProperty busy, Runnable correct,
                                              Runnable voidIt, Runnable history) {
        Button c = button(prefix + "-correct", m.get("correction.correct"));
        Button v = button(prefix + "-void", m.get("correction.void"));
        Button h = button(prefix + "-history", m.get("correction.history"));
        BooleanBinding fixed = Bindings.createBooleanBinding(() -> !mayChange.test(selected.get()), selected).or(busy);
        c.disableProperty().bind(fixed);
        v.disableProperty().bind(fixed);
        h.disableProperty().bind(selected.isNull());
        c.setOnAction(e -> correct.run());
        v.setOnAction(e -> voidIt.run());
        h.setOnAction(e -> history.run());
        return List.of(c, v, h);
    }

    /**
     * Shows a record's versions in a window of its own (the shared {@link HistoryPane}); voided or not, whoever may
     * read the record may read its history.
     */
    public static void showHistory(Node owner, Messages m, String what, HistoryPane.Values values,
                                   List<RecordChange> changes) {
        HistoryPane pane = new HistoryPane(new Labels(m), ZoneId.systemDefault(), values);
        pane.show(changes);
        Label title = Controls.title(m.get("history.title") + " — " + what);
        VBox box = new VBox(8, title, pane);
        box.setPadding(new Insets(12));
        VBox.setVgrow(pane, Priority.ALWAYS);
        Scene scene = new Scene(box, 820, 380);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        scene.getStylesheets().add(Controls.STYLESHEET);
        Fonts.apply(box, m.locale());
        Stage stage = new Stage();
        stage.initOwner(owner.getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(m.get("history.title"));
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Makes a table a register: voided rows struck through, the selected row in {@code selected} (cleared when the
     * view-model clears it).
     */
    public static <T> void register(TableView<T> t, Predicate<T> voided, ObjectProperty<T> selected) {
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                markVoided(this, !empty && item != null && voided.test(item));
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> selected.set(l));
        selected.addListener((o, a, l) -> {
            if (l == null) {
                t.getSelectionModel().clearSelection();
            }
        });
    }

    /** Marks a register's row voided (or not). */
    public static void markVoided(TableRow<?> row, boolean voided) {
        row.getStyleClass().remove(VOIDED);
        if (voided) {
            row.getStyleClass().add(VOIDED);
        }
    }

    /** The label of a void reason. */
    public static String reason(Messages m, VoidReason r) {
        return m.get("desk.enum.VoidReason." + r.name());
    }

    /**
     * Asks why a record is voided: the reasons as choices, "Void" enabled once one is chosen. Empty when cancelled.
     *
     * @param what what is voided, in words (e.g. "Referral HTS of SOCH2150398")
     */
    public static Optional<VoidReason> askVoid(Node owner, Messages m, String what) {
        Dialog<VoidReason> d = new Dialog<>();
        d.initOwner(owner.getScene().getWindow());
        d.setTitle(m.get("correction.void.title"));
        style(d.getDialogPane(), m);
        d.getDialogPane().setId("void-dialog");
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(8);
        Wrapped head = new Wrapped(m.get("correction.void.ask", what));
        head.setMaxWidth(460);
        head.setPrefWidth(460);
        box.getChildren().add(head);
        for (VoidReason r : VoidReason.values()) {
            RadioButton b = new RadioButton(reason(m, r));
            b.setId("void-reason-" + r.name());
            b.setUserData(r);
            b.setToggleGroup(group);
            box.getChildren().add(b);
        }
        Label hint = hint(m.get("correction.void.hint"), 460);
        box.getChildren().add(hint);
        d.getDialogPane().setContent(box);
        ButtonType confirm = new ButtonType(m.get("correction.void.confirm"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().setAll(confirm, cancel(m));
        Button ok = (Button) d.getDialogPane().lookupButton(confirm);
        ok.setId("void-confirm");
        ok.setMinWidth(Region.USE_PREF_SIZE);
        ok.disableProperty().bind(group.selectedToggleProperty().isNull());
        d.setResultConverter(bt -> bt == confirm ? (VoidReason) group.getSelectedToggle().getUserData() : null);
        return d.showAndWait();
    }

    /**
     * Shows a correction form in a dialog; on "Save correction" returns what {@code result} reads from it. The
     * service checks what is saved; a refusal shows on the screen's message line.
     */
    public static <T> Optional<T> askCorrection(Node owner, Messages m, String title, GridPane form,
                                                Supplier<T> result) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner.getScene().getWindow());
        d.setTitle(title);
        style(d.getDialogPane(), m);
        d.getDialogPane().setId("correct-dialog");
        form.setHgap(10);
        form.setVgap(8);
        Label hint = hint(m.get("correction.correct.hint"), 520);
        d.getDialogPane().setContent(new VBox(10, form, hint));
        ButtonType save = new ButtonType(m.get("correction.correct.save"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().setAll(save, cancel(m));
        Button ok = (Button) d.getDialogPane().lookupButton(save);
        ok.setId("correct-save");
        ok.setMinWidth(Region.USE_PREF_SIZE);
        d.setResultConverter(bt -> bt == save ? result.get() : null);
        return d.showAndWait();
    }

    /** The stylesheets and, in Khmer, the Khmer font of a dialog (its own window, outside the shell's root). */
    public static void style(DialogPane pane, Messages m) {
        pane.getStylesheets().addAll(Styles.url(), Controls.STYLESHEET);
        Fonts.apply(pane, m.locale());
    }

    /** A hint under a dialog's form, wrapped at {@code width} (Khmer wraps right with {@link Wrapped}). */
    public static Label hint(String text, double width) {
        Wrapped l = new Wrapped(text);
        l.getStyleClass().add("ops-hint");
        l.setMaxWidth(width);
        l.setPrefWidth(width);
        return l;
    }

    private static ButtonType cancel(Messages m) {
        return new ButtonType(m.get("correction.cancel"), ButtonType.CANCEL.getButtonData());
    }
}
