package org.outreachdesk.ui.vault;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import org.outreachdesk.ui.Wrapped;

/** Small building blocks the vault screens and Settings share. */
public final class Forms {

    private Forms() {
    }

    /** A label above its control (the label's mnemonic target, so screen readers pair them). */
    public static VBox field(String label, Control control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        l.getStyleClass().add("field-label");
        control.setMaxWidth(Double.MAX_VALUE);
        return new VBox(3, l, control);
    }

    /** A label that wraps and disappears while its text is empty. */
    public static Label message(String id, ObservableStringValue text, String styleClass) {
        Wrapped l = new Wrapped();
        l.setId(id);
        l.sourceProperty().bind(text);
        l.visibleProperty().bind(l.sourceProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    /** A spinning indicator with a line of text, shown only while {@code busy}. */
    public static Node busy(String id, String text, ObservableBooleanValue busy) {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(22, 22);
        p.setMaxSize(22, 22);
        Label l = new Label(text);
        HBox box = new HBox(8, p, l);
        box.setId(id);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** A paragraph of text that wraps. */
    public static Label text(String text, String styleClass) {
        Wrapped l = new Wrapped(text);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    /**
     * Takes what was typed into a password field as a fresh array (the caller wipes it) and empties the
     * field, so the secret does not linger in the screen.
     */
    public static char[] take(PasswordField field) {
        CharSequence cs = field.getCharacters();
        char[] out = new char[cs.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cs.charAt(i);
        }
        field.clear();
        return out;
    }

    /** Focuses {@code node} once it is showing. */
    public static void focusLater(Node node) {
        Platform.runLater(node::requestFocus);
    }
}
