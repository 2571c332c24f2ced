package org.outreachdesk.ui.encounters;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.outreachdesk.domain.Referral;
import org.outreachdesk.ui.common.Controls;
import org.outreachdesk.ui.common.CorrectionFx;
import org.outreachdesk.ui.common.Fonts;
import org.outreachdesk.ui.common.Forms;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.common.Labels;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.common.Wrapped;

/**
 * A saved encounter in a window of its own, to correct it (the desk's form parts), void it with a reason, or see
 * its history. Made for the keyboard as the desk is: the keyboard starts on the first quantity, Enter moves on,
 * Ctrl+Enter (or Enter on the note) saves the correction, Escape closes. The window closes once a correction or a
 * void is saved; a refusal stays on its message line.
 */
public final class EncounterCorrectionWindow extends BorderPane {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final EncounterCorrectionViewModel vm;
    private final Labels l;
    private final Messages m;
    private final List<Control> order = new ArrayList<>();
    private final EncounterFormParts parts;
    private final TextField note;

    EncounterCorrectionWindow(EncounterCorrectionViewModel vm) {
        this.vm = vm;
        this.l = vm.labels();
        this.m = l.messages();
        this.parts = new EncounterFormParts(vm.fields(), l, "fix", order);
        setId("encounter-fix");
        getStylesheets().addAll(Forms.stylesheet(), Controls.STYLESHEET);
        Label title = Controls.title("");
        title.textProperty().bind(Bindings.createStringBinding(() -> l.get("encounterFix.title", vm.what()),
                vm.openedProperty()));
        Wrapped message = new Wrapped();
        message.setId("fix-message");
        message.getStyleClass().add("form-message");
        message.sourceProperty().bind(vm.status().messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        VBox top = new VBox(4, title, message);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);
        VBox form = new VBox(8, parts.round(l.get("encounterFix.round")), parts.quantities(), parts.services(),
                parts.referrals(l.get("encounterFix.referrals"), ""), noteCard());
        form.setPadding(new Insets(0, 10, 0, 0));
        form.disableProperty().bind(vm.mayChangeProperty().not());
        form.addEventFilter(KeyEvent.KEY_PRESSED, this::enterMovesOn);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        Forms.followFocus(scroll, form);
        scroll.getStyleClass().add("edge-to-edge");
        this.note = (TextField) order.get(order.size() - 1);
        setCenter(scroll);
        setBottom(buttons());
        setPadding(new Insets(12));
        vm.setOnProblems(parts::focusFirstProblem);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                save();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    /**
     * Opens encounter {@code encounterId} in a window owned by {@code owner}; {@code onChanged} runs after a
     * correction or a void was saved (the list that opened it reloads).
     */
    public static EncounterCorrectionViewModel open(Window owner, UiContext ctx, UUID encounterId,
                                                    Runnable onChanged) {
        EncounterCorrectionViewModel vm = new EncounterCorrectionViewModel(ctx);
        EncounterCorrectionWindow view = new EncounterCorrectionWindow(vm);
        Scene scene = new Scene(view, 980, 660);
        scene.getStylesheets().add(Styles.url());
        Fonts.apply(view, ctx.messages().locale());
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(ctx.messages().get("encounterFix.window"));
        stage.setScene(scene);
        vm.setOnChanged(() -> {
            onChanged.run();
            stage.close();
        });
        vm.openedProperty().addListener((o, a, now) -> view.focusStart());
        stage.show();
        vm.open(encounterId);
        return vm;
    }

    private Node noteCard() {
        TextField n = parts.note();
        HBox.setHgrow(n, Priority.ALWAYS);
        HBox row = new HBox(10, Forms.label(l.get("desk.field.note"), n), n);
        row.setAlignment(Pos.CENTER_LEFT);
        Label had = new Label();
        had.setId("fix-had-referrals");
        had.setWrapText(true);
        had.textProperty().bind(Bindings.createStringBinding(() -> vm.openedProperty().get() == null ? ""
                : l.get("encounterFix.hadReferrals", referrals(vm.openedProperty().get().referrals())),
                vm.openedProperty()));
        return EncounterFormParts.card(null, new VBox(6, had, row,
                Forms.errorLabel("fix-note-error", vm.fields().errors(), "note", n),
                CorrectionFx.hint(m.get("correction.correct.hint"), 640)));
    }

    private static String referrals(List<Referral> rs) {
        return rs.isEmpty() ? "—" : String.join(", ", rs.stream().map(r -> r.serviceType().code()).toList());
    }

    private Node buttons() {
        Button save = CorrectionFx.button("fix-save", m.get("correction.correct.save"));
        save.disableProperty().bind(vm.mayChangeProperty().not());
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        Button voidIt = CorrectionFx.button("fix-void", m.get("correction.void"));
        voidIt.disableProperty().bind(vm.mayChangeProperty().not());
        voidIt.setOnAction(e -> CorrectionFx.askVoid(this, m, vm.what()).ifPresent(vm::voidIt));
        Button history = CorrectionFx.button("fix-history", m.get("correction.history"));
        history.disableProperty().bind(vm.openedProperty().isNull());
        history.setOnAction(e -> showHistory());
        Button close = CorrectionFx.button("fix-close", m.get("encounterFix.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        Label keys = Forms.hint(l.get("encounterFix.keys"));
        HBox.setHgrow(keys, Priority.ALWAYS);
        keys.setMaxWidth(Double.MAX_VALUE);
        keys.setMinWidth(0);
        HBox box = new HBox(10, save, voidIt, history, keys, close);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 0, 0, 0));
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    private void save() {
        parts.commitDate();
        vm.save();
    }

    private void showHistory() {
        HistoryPane.Values values = EncounterHistory.values(l, vm.fields().sites(), vm.fields().staff());
        vm.history(changes -> CorrectionFx.showHistory(this, m, vm.what(), values, changes));
    }

    private void enterMovesOn(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return;
        }
        Object target = e.getTarget();
        if (target instanceof ComboBox<?> c && c.isShowing()) {
            return;
        }
        if (target == note) {
            save();
            e.consume();
        } else if (target instanceof Control c && order.contains(c)) {
            parts.next(c);
            e.consume();
        }
    }

    /** The keyboard on the first quantity: what is corrected most often. */
    private void focusStart() {
        order.stream().filter(c -> "fix-male".equals(c.getId())).findFirst().ifPresent(Forms::focusLater);
    }

    private void close() {
        getScene().getWindow().hide();
    }
}
