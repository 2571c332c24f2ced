package org.outreachdesk.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.collections.ListChangeListener;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;


/**
 * Controls the list-and-form screens (referrals, incidents, directory, stock) build with: combo boxes with a
 * "none" choice, text columns, form labels, the message line, the pager, a keyboard shortcut, the section title
 * and their stylesheet. Names of codes come from {@link Labels}.
 */
public final class Controls {

    /** The stylesheet of these screens (added to each view, so the shared one stays untouched). */
    public static final String STYLESHEET = Controls.class.getResource("/org/outreachdesk/ui/ops.css").toExternalForm();

    /** Where a column keeps the texts {@link #valuesReadable} gave it. */
    private static final String VALUES = Controls.class.getName() + ".values";

    /** Room a cell takes beside its text: its padding and the grid line, with a little air. */
    private static final double CELL_PADDING = 14;

    private Controls() {
    }

    /** A combo box whose items are shown by {@code text}; a null item reads {@code noneText}. */
    public static <T> ComboBox<T> combo(String id, Function<T, String> text, String noneText) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        StringConverter<T> conv = converter(text, noneText);
        c.setConverter(conv);
        c.setButtonCell(cell(conv));
        c.setCellFactory(lv -> cell(conv));
        c.setVisibleRowCount(14);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text, String noneText) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? (noneText == null ? "" : noneText) : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T> ListCell<T> cell(StringConverter<T> conv) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? (item == null ? conv.toString(null) : "") : conv.toString(item));
            }
        };
    }

    /** Items for a combo box with a leading "none / any" choice (null). */
    public static <T> List<T> withNone(List<T> items) {
        ArrayList<T> out = new ArrayList<>(items.size() + 1);
        out.add(null);
        out.addAll(items);
        return out;
    }

    /** A table column showing text computed from the row. */
    public static <S> TableColumn<S, S> column(String title, double width, Function<S, String> text) {
        TableColumn<S, S> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return c;
    }

    /**
     * A table column whose text breaks into lines at the column's width (the row grows) instead of ending in "…":
     * for long names such as a referral's service in Khmer. Lines are broken by {@link Wrapped#breakLines}, which
     * JavaFX draws right in Khmer too.
     */
    public static <S> TableColumn<S, S> wrappedColumn(String title, double width, Function<S, String> text) {
        TableColumn<S, S> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private String whole;

            {
                setWrapText(false);
                widthProperty().addListener((o, was, now) -> show());
                fontProperty().addListener((o, was, now) -> show());
            }

            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                whole = empty || item == null ? null : text.apply(item);
                show();
            }

            private void show() {
                double room = getWidth() - snappedLeftInset() - snappedRightInset() - 2;
                setText(whole == null || room <= 0 ? whole : Wrapped.breakLines(whole, getFont(), room));
            }

            @Override
            protected double computePrefHeight(double width) {
                // the last line's descenders ("g", "_") were clipped by the row: a little air below several lines
                String t = getText();
                return super.computePrefHeight(width) + (t != null && t.indexOf('\n') >= 0 ? 4 : 0);
            }
        });
        return c;
    }

    /**
     * Keeps {@code column} at least as wide as the widest of {@code texts}, the few values its cells can show
     * ("Yes"/"No", a status): measured in the table's font with {@link #headersReadable}, so a short Khmer header
     * over a longer Khmer value does not cut the value.
     */
    public static void valuesReadable(TableColumn<?, ?> column, Collection<String> texts) {
        column.getProperties().put(VALUES, List.copyOf(texts));
    }

    /**
     * Keeps every column of {@code table} at least as wide as its header's words (in the font the header is drawn
     * with, Khmer included), so a narrow window shrinks the other columns or scrolls instead of cutting a header
     * to "Supp…". Measured once the table's skin exists and again when its columns change.
     */
    public static void headersReadable(TableView<?> table) {
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                Platform.runLater(() -> fitHeaders(table));
            }
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) c ->
                Platform.runLater(() -> fitHeaders(table)));
    }

    private static void fitHeaders(TableView<?> table) {
        if (table.getScene() == null) {
            return;
        }
        table.applyCss();
        boolean widened = false;
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null
                    && h.lookup(".label") instanceof Label l) {
                // the label's own width for its whole text, plus the header's insets and the resize handle
                double needed = Math.ceil(l.prefWidth(-1) + h.snappedLeftInset() + h.snappedRightInset()) + 6;
                if (h.getTableColumn().getProperties().get(VALUES) instanceof List<?> values) {
                    needed = Math.max(needed, Math.ceil(widest(values, l.getFont()) + CELL_PADDING));
                }
                if (h.getTableColumn().getMinWidth() < needed) {
                    h.getTableColumn().setMinWidth(needed);
                    widened = true;
                }
            }
        }
        if (widened) {
            // let the resize policy share the width out again with the new minimums
            resizeAgain(table);
        }
    }

    private static double widest(List<?> texts, Font font) {
        Text measure = new Text();
        measure.setFont(font);
        double widest = 0;
        for (Object t : texts) {
            measure.setText(String.valueOf(t));
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void resizeAgain(TableView table) {
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures(table, null, 0d));
    }

    /** A form label bound to its control (Alt + underlined letter never needed: Tab order follows the form). */
    public static Label fieldLabel(String text, Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * A button that asks for a file and, beside it, the chosen file's name (or {@code noneText}); the ids are
     * {@code <idPrefix>-choose} and {@code <idPrefix>-file}. {@code ask} answers null when the person cancelled.
     */
    public static HBox chosenFile(String idPrefix, String buttonText, String noneText, ObjectProperty<Path> file,
                                  Supplier<File> ask) {
        Button choose = new Button(buttonText);
        choose.setId(idPrefix + "-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            File f = ask.get();
            if (f != null) {
                file.set(f.toPath());
            }
        });
        Wrapped name = new Wrapped();
        name.setId(idPrefix + "-file");
        name.sourceProperty().bind(Bindings.createStringBinding(() -> file.get() == null ? noneText
                : String.valueOf(file.get().getFileName()), file));
        HBox row = new HBox(8, choose, name);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The message line under a form: red for a failure, green for a success. */
    public static Label messageLine(String id) {
        Wrapped l = new Wrapped();
        l.setId(id);
        l.getStyleClass().add("ops-message");
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    public static void showMessage(Label line, String text, boolean error) {
        if (line instanceof Wrapped w) {
            w.setSource(text == null ? "" : text);
        } else {
            line.setText(text == null ? "" : text);
        }
        boolean shown = text != null && !text.isEmpty();
        line.setManaged(shown);
        line.setVisible(shown);
        line.getStyleClass().removeAll("ops-error", "ops-ok");
        if (text != null && !text.isEmpty()) {
            line.getStyleClass().add(error ? "ops-error" : "ops-ok");
        }
    }

    /** The page bar of a paged list: previous, "page n of m (total)", next; ids {@code <idPrefix>-previous} …. */
    public static HBox pager(String idPrefix, Paging paging, Messages m) {
        Button previous = new Button(m.get("ops.page.previous"));
        Button next = new Button(m.get("ops.page.next"));
        Label page = new Label();
        previous.setOnAction(e -> paging.previous());
        next.setOnAction(e -> paging.next());
        page.textProperty().bind(Bindings.createStringBinding(
                () -> m.get("ops.page.of", paging.pageNumber(), paging.pageCount(), paging.totalProperty().get()),
                paging.offsetProperty(), paging.totalProperty()));
        previous.disableProperty().bind(paging.offsetProperty().isEqualTo(0));
        next.disableProperty().bind(paging.hasNextProperty().not());
        return pager(idPrefix, previous, page, next);
    }

    private static HBox pager(String idPrefix, Button previous, Label pageLabel, Button next) {
        previous.setId(idPrefix + "-previous");
        next.setId(idPrefix + "-next");
        pageLabel.setId(idPrefix + "-page");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(8, gap, previous, pageLabel, next);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    /** Fires {@code button} (when enabled) on {@code keys} pressed anywhere inside {@code root}. */
    public static void onShortcut(Node root, KeyCombination keys, Button button) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (keys.match(e) && !button.isDisabled()) {
                e.consume();
                button.fire();
            }
        });
    }

    /** A section title label. */
    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
