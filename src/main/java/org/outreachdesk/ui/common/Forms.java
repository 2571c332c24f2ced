package org.outreachdesk.ui.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.scene.layout.HBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.PasswordField;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;


/**
 * Small form pieces every screen shares: combo boxes that can be driven from the keyboard without opening
 * them, fields that accept only what they may hold, messages shown at their field, a label above its control,
 * a busy line, password fields that are emptied when read.
 */
public final class Forms {

    /** Typed characters within this many milliseconds extend a combo box search ("KT" then "V"). */
    private static final long TYPE_AHEAD_MS = 900;

    private Forms() {
    }

    /**
     * Shows items with {@code label} ({@code null} items with {@code nullLabel}) and lets the keyboard choose
     * without opening the list: Up/Down pick the previous/next item, typed letters pick the first item whose
     * label (or {@code code}) starts with them.
     */
    public static <T> void keyboardCombo(ComboBox<T> combo, Function<T, String> label, Function<T, String> code,
                                         String nullLabel) {
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? (nullLabel == null ? "" : nullLabel) : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        combo.setConverter(converter);
        combo.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        combo.setButtonCell(combo.getCellFactory().call(null));
        StringBuilder typed = new StringBuilder();
        long[] lastTyped = {0};
        combo.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (combo.isShowing() || e.isControlDown() || e.isAltDown() || e.isShortcutDown()) {
                return;
            }
            List<T> items = combo.getItems();
            if (items.isEmpty()) {
                return;
            }
            int at = combo.getSelectionModel().getSelectedIndex();
            if (e.getCode() == KeyCode.DOWN) {
                combo.getSelectionModel().select(Math.min(items.size() - 1, at + 1));
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                combo.getSelectionModel().select(Math.max(0, at - 1));
                e.consume();
            }
        });
        combo.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch == null || ch.isEmpty() || e.isControlDown() || e.isAltDown()
                    || Character.isISOControl(ch.charAt(0)) || ch.charAt(0) == ' ') {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - lastTyped[0] > TYPE_AHEAD_MS) {
                typed.setLength(0);
            }
            lastTyped[0] = now;
            typed.append(ch.toLowerCase(Locale.ROOT));
            T found = find(combo, typed.toString(), label, code, -1);
            if (found == null && typed.length() > 1) {
                // not an extension of the search: start again from this character, after the current item
                typed.setLength(0);
                typed.append(ch.toLowerCase(Locale.ROOT));
                found = find(combo, typed.toString(), label, code, combo.getSelectionModel().getSelectedIndex());
            } else if (typed.length() == 1) {
                found = find(combo, typed.toString(), label, code, combo.getSelectionModel().getSelectedIndex());
            }
            if (found != null) {
                combo.getSelectionModel().select(found);
            }
            e.consume();
        });
    }

    /** The first item (after index {@code after}, wrapping) whose label or code starts with {@code prefix}. */
    private static <T> T find(ComboBox<T> combo, String prefix, Function<T, String> label, Function<T, String> code,
                              int after) {
        List<T> items = combo.getItems();
        int n = items.size();
        for (int k = 1; k <= n; k++) {
            T t = items.get(Math.floorMod(after + k, n));
            if (t == null) {
                continue;
            }
            if (starts(label.apply(t), prefix) || (code != null && starts(code.apply(t), prefix))) {
                return t;
            }
        }
        return null;
    }

    private static boolean starts(String s, String prefix) {
        return s != null && s.toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    /** Lets a text field hold at most {@code max} digits. */
    public static void digitsOnly(TextField field, int max) {
        filter(field, text -> text.matches("\\d{0," + max + "}"));
    }

    /** Lets a text field hold at most {@code max} Latin letters, made uppercase as they are typed. */
    public static void lettersOnly(TextField field, int max) {
        field.setTextFormatter(new TextFormatter<String>(change -> {
            change.setText(change.getText().toUpperCase(Locale.ROOT));
            String next = change.getControlNewText();
            return next.matches("[A-Z]{0," + max + "}") ? change : null;
        }));
    }

    private static void filter(TextField field, Predicate<String> ok) {
        UnaryOperator<TextFormatter.Change> f = change -> ok.test(change.getControlNewText()) ? change : null;
        field.setTextFormatter(new TextFormatter<String>(f));
    }

    /**
     * A label showing the message for {@code field} of {@code errors}; it takes no room while there is none.
     * The control gets the style class {@code has-error} meanwhile.
     */
    public static Label errorLabel(String id, ObservableMap<String, String> errors, String field, Control control) {
        Wrapped l = new Wrapped();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.sourceProperty().bind(Bindings.createStringBinding(() -> errors.getOrDefault(field, ""), errors));
        l.managedProperty().bind(l.sourceProperty().isNotEmpty());
        l.visibleProperty().bind(l.sourceProperty().isNotEmpty());
        if (control != null) {
            l.sourceProperty().addListener((obs, old, now) -> {
                control.getStyleClass().remove("has-error");
                if (now != null && !now.isEmpty()) {
                    control.getStyleClass().add("has-error");
                }
            });
        }
        return l;
    }

    /** A label for a control, so that screen readers and mnemonics find it. It never shrinks to "…". */
    public static Label label(String text, Node forNode) {
        Label l = new Label(text);
        l.setLabelFor(forNode);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Keeps the focused control of {@code content} in view when the keyboard moves beyond the visible part. */
    public static void followFocus(ScrollPane scroll, Node content) {
        scroll.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            scene.focusOwnerProperty().addListener((o, a, focused) -> {
                if (focused == null || !isInside(focused, content)) {
                    return;
                }
                Bounds b = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
                double viewport = scroll.getViewportBounds().getHeight();
                double total = content.getBoundsInLocal().getHeight();
                if (total <= viewport) {
                    return;
                }
                double top = scroll.getVvalue() * (total - viewport);
                if (b.getMinY() < top) {
                    scroll.setVvalue(Math.max(0, b.getMinY() - 8) / (total - viewport));
                } else if (b.getMaxY() > top + viewport) {
                    scroll.setVvalue(Math.min(total - viewport, b.getMaxY() + 8 - viewport) / (total - viewport));
                }
            });
        });
    }

    private static boolean isInside(Node n, Node container) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    /** A small grey line of help text. */
    public static Label hint(String text) {
        Wrapped l = new Wrapped(text);
        l.getStyleClass().add("hint");
        return l;
    }

    /** The stylesheet of the desk's screens (added to their root nodes). */
    public static String stylesheet() {
        return Objects.requireNonNull(Forms.class.getResource("/org/outreachdesk/ui/desk.css"),
                "desk.css missing").toExternalForm();
    }

    /** Binds a field's text both ways to a view-model property. */
    public static TextField textField(String id, StringProperty value, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(value);
        return t;
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
